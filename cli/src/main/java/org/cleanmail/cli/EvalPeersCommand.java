package org.cleanmail.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cleanmail.core.corpus.MessageFile;
import org.cleanmail.core.corpus.MessageFiles;

/**
 * {@code eval-peers --train DIR --test DIR [--train-files even|odd|all] [--test-files ...]}:
 * the accuracy of CleanMail, SpamAssassin and rspamd side by side, on the same split as
 * {@code eval} (each DIR holds {@code ham/} and {@code spam/}). CleanMail's row comes from
 * {@code eval} itself; SpamAssassin ({@code spamd -L}, stock rules, no network) scores the
 * test messages without Bayes, then with a Bayes database trained by {@code sa-learn} on
 * the training messages; rspamd (stock configuration, network modules off, a private
 * redis) scores them before and after its Bayes learns the training messages. Prints
 * {@code eval}'s report, then one Markdown table.
 */
final class EvalPeersCommand {
    static final String USAGE = "eval-peers --train DIR --test DIR [--train-files even|odd|all] [--test-files even|odd|all]"
        + " [--threads N] [--no-cleanmail] [--no-spamd] [--no-rspamd]";
    static final Pattern HAM = Pattern.compile("(?m)^ham\\s+(\\d+)$");
    static final Pattern FALSE_POSITIVES = Pattern.compile("(?m)^false positives\\s+(\\d+)");
    static final Pattern SPAM = Pattern.compile("(?m)^spam\\s+(\\d+)$");
    static final Pattern CAUGHT = Pattern.compile("(?m)^caught\\s+(\\d+)");

    private final PrintStream out;
    private final PrintStream err;

    EvalPeersCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) throws IOException {
        Arguments arguments = new Arguments(args, Set.of("train", "test", "train-files", "test-files", "threads"),
            Set.of("no-cleanmail", "no-spamd", "no-rspamd"));
        Path train = Path.of(arguments.value("train").orElseThrow(() -> new UsageException("--train is missing: " + USAGE)));
        Path test = Path.of(arguments.value("test").orElseThrow(() -> new UsageException("--test is missing: " + USAGE)));
        String trainSelection = arguments.value("train-files").orElse("all");
        String testSelection = arguments.value("test-files").orElse("all");
        int threads = threads(arguments);
        Labelled training = Labelled.of(train, EvalCommand.selection(trainSelection));
        Labelled testing = Labelled.of(test, EvalCommand.selection(testSelection));
        err.printf(Locale.ROOT, "[eval-peers] training on %,d ham and %,d spam, testing on %,d ham and %,d spam%n",
            training.ham.size(), training.spam.size(), testing.ham.size(), testing.spam.size());

        AccuracyTable table = new AccuracyTable();
        if (!arguments.flag("no-cleanmail")) {
            cleanMail(table, train, test, trainSelection, testSelection);
        }
        if (!arguments.flag("no-spamd")) {
            spamAssassin(table, training, testing, threads);
        }
        if (!arguments.flag("no-rspamd")) {
            rspamd(table, training, testing, threads);
        }
        table.print(out);
        return 0;
    }

    private static int threads(Arguments arguments) {
        String value = arguments.value("threads").orElse("2");
        try {
            int threads = Integer.parseInt(value);
            if (threads >= 1) {
                return threads;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--threads must be a whole number of at least 1, e.g. --threads 2; got '" + value + "'");
    }

    private void cleanMail(AccuracyTable table, Path train, Path test, String trainFiles, String testFiles) throws IOException {
        err.println("[eval-peers] CleanMail: ./cleanmail eval on the same split");
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        new EvalCommand(new PrintStream(report, true, StandardCharsets.UTF_8), err).run(List.of("--train", train.toString(),
            "--test", test.toString(), "--train-files", trainFiles, "--test-files", testFiles));
        String text = report.toString(StandardCharsets.UTF_8);
        out.print(text);
        out.println();
        table.add("CleanMail (rules + fingerprints)", number(HAM, text), number(FALSE_POSITIVES, text), number(SPAM, text),
            number(CAUGHT, text));
    }

    static int number(Pattern pattern, String report) {
        Matcher matcher = pattern.matcher(report);
        if (!matcher.find()) {
            throw new IllegalStateException("eval's report has no line matching " + pattern + ": " + report);
        }
        return Integer.parseInt(matcher.group(1));
    }

    private void spamAssassin(AccuracyTable table, Labelled training, Labelled testing, int threads) throws IOException {
        if (!SpamdPeer.installed()) {
            err.println("[eval-peers] SpamAssassin skipped: " + SpamdPeer.INSTALL_HINT + ", or pass --no-spamd");
            return;
        }
        err.println("[eval-peers] SpamAssassin without Bayes");
        try (SpamdPeer spamd = SpamdPeer.start("SpamAssassin (spamd -L, no Bayes)", threads, null, List.of())) {
            score(table, spamd, testing, threads);
        }
        err.println("[eval-peers] SpamAssassin: sa-learn on the training messages");
        try (SpamAssassinBayes bayes = SpamAssassinBayes.train(training.spam, training.ham, err);
             SpamdPeer spamd = SpamdPeer.start("SpamAssassin + Bayes (spamd -L, sa-learn)", threads, bayes.prefix(), List.of())) {
            score(table, spamd, testing, threads);
        }
    }

    private void rspamd(AccuracyTable table, Labelled training, Labelled testing, int threads) throws IOException {
        if (!RspamdPeer.installed() || !RedisProcess.installed()) {
            err.println("[eval-peers] rspamd skipped: " + RspamdPeer.INSTALL_HINT + ", or pass --no-rspamd");
            return;
        }
        try (RedisProcess redis = RedisProcess.start();
             RspamdPeer rspamd = RspamdPeer.start("rspamd (no Bayes)", threads, redis.port())) {
            err.println("[eval-peers] rspamd before learning");
            score(table, rspamd, testing, threads);
            err.println("[eval-peers] rspamd: learning the training messages");
            AtomicInteger refused = new AtomicInteger();
            List<Path> all = new ArrayList<>(training.spam);
            all.addAll(training.ham);
            int spamCount = training.spam.size();
            ConcurrentRun learning = ConcurrentRun.of(all.size(), threads, i -> {
                for (MessageFile message : MessageFiles.read(all.get(i))) {
                    if (!rspamd.learn(message.bytes(), i < spamCount)) {
                        refused.incrementAndGet();
                    }
                }
            });
            err.printf(Locale.ROOT, "[eval-peers] rspamd learnt %,d messages (%d refused, %d failed%s)%n", all.size(),
                refused.get(), learning.failures(), learning.failures() > 0 ? ", e.g. " + learning.firstFailure() : "");
            score(table, new Renamed(rspamd, "rspamd + Bayes"), testing, threads);
        }
    }

    private void score(AccuracyTable table, Peer peer, Labelled testing, int threads) {
        int[] falsePositives = count(peer, testing.ham, threads);
        int[] caught = count(peer, testing.spam, threads);
        table.add(peer.name(), falsePositives[1], falsePositives[0], caught[1], caught[0]);
        err.printf(Locale.ROOT, "[eval-peers] %s: %d of %d ham flagged, %d of %d spam caught%n", peer.name(),
            falsePositives[0], falsePositives[1], caught[0], caught[1]);
    }

    /** How many of the messages the peer calls spam, and how many messages it scored. */
    private int[] count(Peer peer, List<Path> files, int threads) {
        AtomicInteger spam = new AtomicInteger();
        AtomicInteger scored = new AtomicInteger();
        ConcurrentRun run = ConcurrentRun.of(files.size(), threads, i -> {
            for (MessageFile message : MessageFiles.read(files.get(i))) {
                if (peer.check(message.bytes()).spam()) {
                    spam.incrementAndGet();
                }
                scored.incrementAndGet();
            }
        });
        if (run.failures() > 0) {
            err.printf(Locale.ROOT, "[eval-peers] %s: %d messages could not be scored (left out), e.g. %s%n", peer.name(),
                run.failures(), run.firstFailure());
        }
        return new int[] {spam.get(), scored.get()};
    }

    /** The ham and spam files of a labelled folder, selected by number. */
    private static final class Labelled {
        private final List<Path> ham;
        private final List<Path> spam;

        private Labelled(List<Path> ham, List<Path> spam) {
            this.ham = ham;
            this.spam = spam;
        }

        static Labelled of(Path folder, IntPredicate files) {
            return new Labelled(MessageFiles.numbered(MessageFiles.files(List.of(folder.resolve("ham"))), files),
                MessageFiles.numbered(MessageFiles.files(List.of(folder.resolve("spam"))), files));
        }
    }

    /** A peer reported under another name (rspamd after learning). */
    private static final class Renamed implements Peer {
        private final Peer peer;
        private final String name;

        Renamed(Peer peer, String name) {
            this.peer = peer;
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public PeerVerdict check(byte[] message) throws IOException {
            return peer.check(message);
        }

        @Override
        public void close() {
            peer.close();
        }
    }
}
