package org.cleanmail.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cleanmail.core.corpus.MessageFile;
import org.cleanmail.core.corpus.MessageFiles;

/**
 * {@code bench [--messages N] [--extra-rules N] [--threads N] [--no-spamd] [--no-rspamd] [--keep-rules FILE] PATH...}:
 * CleanMail's engine with the configured rules plus N synthetic ones (default 20,000,
 * generated from the messages' words, seeded), then SpamAssassin's {@code spamd -L} with
 * its stock rules (through {@code spamc}) and rspamd with its stock configuration
 * (through {@code /checkv2}), each with N requests in flight, on the same messages; prints
 * one Markdown table. Peers that are not installed are skipped with a message.
 */
final class BenchCommand {
    static final String USAGE = BenchOptions.USAGE;
    private static final int VOCABULARY = 4000;
    private static final int PEER_WARM_UP = 20;

    private final PrintStream out;
    private final PrintStream err;

    BenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> args) throws IOException {
        BenchOptions options = BenchOptions.parse(args);
        List<MessageFile> messages = sample(MessageFiles.files(options.paths()), options.messages());
        if (messages.isEmpty()) {
            throw new UsageException("no messages found under " + options.paths());
        }
        CliEnvironment environment = CliEnvironment.load();
        BenchReport report = new BenchReport();
        Path rulesFolder = null;
        try {
            if (options.extraRules() > 0) {
                rulesFolder = PeerProcess.openFolder("cleanmail-bench-rules-");
                List<byte[]> texts = new ArrayList<>();
                messages.forEach(message -> texts.add(message.bytes()));
                String rules = new SyntheticRules(options.seed(), Vocabulary.of(texts, VOCABULARY)).generate(options.extraRules());
                Files.writeString(rulesFolder.resolve("synthetic.cf"), rules);
                if (options.keepRules().isPresent()) {
                    Files.writeString(options.keepRules().get(), rules);
                }
                err.printf(Locale.ROOT, "[bench] %,d messages; %,d synthetic rules (seed %d) in %s%n", messages.size(),
                    options.extraRules(), options.seed(), rulesFolder);
            }
            new CleanMailBench(environment, err).run(messages, rulesFolder, options.extraRules(), options.threads(), report);
            if (options.spamd()) {
                spamd(options, messages, report, null);
                if (options.spamdExtraRules()) {
                    spamd(options, messages, report, rulesFolder.resolve("synthetic.cf"));
                }
            }
            if (options.rspamd()) {
                rspamd(options, messages, report);
            }
        } finally {
            if (rulesFolder != null) {
                PeerProcess.deleteQuietly(rulesFolder);
            }
        }
        out.printf(Locale.ROOT, "%,d messages from %s; %d cores; load average %.1f at the end%n", messages.size(),
            options.paths(), Runtime.getRuntime().availableProcessors(),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        report.print(out);
        return 0;
    }

    /** At most {@code max} messages, spread evenly over all those found. */
    static List<MessageFile> sample(List<Path> files, int max) {
        List<MessageFile> all = new ArrayList<>();
        for (Path file : files) {
            all.addAll(MessageFiles.read(file));
        }
        if (all.size() <= max) {
            return all;
        }
        List<MessageFile> sample = new ArrayList<>(max);
        for (int i = 0; i < max; i++) {
            sample.add(all.get((int) ((long) i * all.size() / max)));
        }
        return sample;
    }

    private void spamd(BenchOptions options, List<MessageFile> messages, BenchReport report, Path extraRules)
        throws IOException {
        if (!SpamdPeer.installed()) {
            err.println("[bench] SpamAssassin skipped: spamd is not installed; " + SpamdPeer.INSTALL_HINT + ", or pass --no-spamd");
            return;
        }
        String rules = extraRules == null ? "stock" : String.format(Locale.ROOT, "stock + %,d synthetic", options.extraRules());
        err.println("[bench] starting spamd -L (" + rules + " rules, no Bayes, no network)");
        long started = System.nanoTime();
        try (SpamdPeer spamd = SpamdPeer.start("SpamAssassin spamd -L, " + options.threads() + " children (spamc wall time)",
            options.threads(), null, extraRules == null ? List.of() : List.of(extraRules))) {
            err.printf(Locale.ROOT, "[bench] spamd ready in %.0f s%n", (System.nanoTime() - started) / 1e9);
            report.add(measure(spamd, rules + " (/usr/share/spamassassin)", messages, options.threads(), extraRules == null));
        }
    }

    private void rspamd(BenchOptions options, List<MessageFile> messages, BenchReport report) throws IOException {
        if (!RspamdPeer.installed()) {
            err.println("[bench] rspamd skipped: " + RspamdPeer.INSTALL_HINT + ", or pass --no-rspamd");
            return;
        }
        RedisProcess redis = RedisProcess.installed() ? RedisProcess.start() : null;
        try {
            err.println("[bench] starting rspamd (stock configuration, network modules off"
                + (redis == null ? ", no redis" : ", empty Bayes in a private redis") + ")");
            try (RspamdPeer rspamd = RspamdPeer.start("rspamd, " + options.threads() + " workers (/checkv2 wall time)",
                options.threads(), redis == null ? 0 : redis.port())) {
                report.add(measure(rspamd, "stock (Debian's rspamd)", messages, options.threads(), false));
            }
        } finally {
            if (redis != null) {
                redis.close();
            }
        }
    }

    private BenchReport.Row measure(Peer peer, String rules, List<MessageFile> messages, int threads, boolean baseline)
        throws IOException {
        for (int i = 0; i < Math.min(PEER_WARM_UP, messages.size()); i++) {
            peer.check(messages.get(i).bytes());
        }
        err.printf(Locale.ROOT, "[bench] %s: measuring %,d messages%n", peer.name(), messages.size());
        ConcurrentRun run = ConcurrentRun.of(messages.size(), threads, i -> peer.check(messages.get(i).bytes()));
        if (run.failures() > 0) {
            err.printf(Locale.ROOT, "[bench] %s: %d of %d messages failed, e.g. %s%n", peer.name(), run.failures(),
                messages.size(), run.firstFailure());
        }
        return new BenchReport.Row(peer.name(), rules, messages.size(), run.timings(), run.perSecond(), baseline);
    }
}
