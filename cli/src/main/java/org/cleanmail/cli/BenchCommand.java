package org.cleanmail.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.cleanmail.core.corpus.MessageFile;
import org.cleanmail.core.corpus.MessageFiles;

/**
 * {@code bench [--messages N] [--extra-rules N] [--threads N] [--rounds N] [--no-spamd] [--no-rspamd] [--keep-rules FILE] PATH...}:
 * CleanMail's engine with the configured rules plus N synthetic ones (default 20,000,
 * generated from the messages' words, seeded), SpamAssassin's {@code spamd -L} with its
 * stock rules (through {@code spamc}) and rspamd with its stock configuration (through
 * {@code /checkv2}), each with N requests in flight, on the same messages. All are started
 * and warmed up, then measured in rounds (default 3), the engines in turn in each, so that
 * the machine's drift between minutes falls on all of them alike; each engine's row is its
 * median round. Prints each round to standard error and one Markdown table. Peers that are
 * not installed are skipped with a message.
 */
final class BenchCommand {
    static final String USAGE = BenchOptions.USAGE;
    private static final int VOCABULARY = 4000;

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
        List<BenchContender> contenders = new ArrayList<>();
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
            contenders.add(CleanMailBench.open(environment, err, messages, rulesFolder, options.threads()));
            if (options.spamd()) {
                spamd(options, messages, null).ifPresent(contenders::add);
                if (options.spamdExtraRules()) {
                    spamd(options, messages, rulesFolder.resolve("synthetic.cf")).ifPresent(contenders::add);
                }
            }
            if (options.rspamd()) {
                rspamd(options, messages).ifPresent(contenders::add);
            }
            Map<String, List<BenchReport.Row>> rounds = new LinkedHashMap<>();
            for (int round = 1; round <= options.rounds(); round++) {
                StringBuilder line = new StringBuilder();
                for (BenchContender contender : contenders) {
                    for (BenchReport.Row row : contender.measure()) {
                        rounds.computeIfAbsent(row.engine() + " / " + row.rules(), engine -> new ArrayList<>()).add(row);
                        line.append(String.format(Locale.ROOT, "; %s %,.1f messages/s", row.engine(), row.perSecond()));
                    }
                }
                err.printf(Locale.ROOT, "[bench] round %d of %d%s%n", round, options.rounds(), line);
            }
            rounds.values().forEach(measured -> report.add(BenchReport.medianRound(measured)));
        } finally {
            for (int i = contenders.size() - 1; i >= 0; i--) {
                contenders.get(i).close();
            }
            if (rulesFolder != null) {
                PeerProcess.deleteQuietly(rulesFolder);
            }
        }
        out.printf(Locale.ROOT, "%,d messages from %s; %d cores; each engine's median of %d rounds, the engines in turn;"
            + " load average %.1f at the end; CleanMail's JVM options: %s%n", messages.size(), options.paths(),
            Runtime.getRuntime().availableProcessors(), options.rounds(),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), vmOptions());
        report.print(out);
        return 0;
    }

    /** The {@code -XX} options this JVM runs with (the launcher's, such as transparent huge pages), or "none". */
    private static String vmOptions() {
        String options = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(argument -> argument.startsWith("-XX:"))
            .collect(Collectors.joining(" "));
        return options.isEmpty() ? "none" : options;
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

    private Optional<BenchContender> spamd(BenchOptions options, List<MessageFile> messages, Path extraRules)
        throws IOException {
        if (!SpamdPeer.installed()) {
            err.println("[bench] SpamAssassin skipped: spamd is not installed; " + SpamdPeer.INSTALL_HINT + ", or pass --no-spamd");
            return Optional.empty();
        }
        String rules = extraRules == null ? "stock" : String.format(Locale.ROOT, "stock + %,d synthetic", options.extraRules());
        err.println("[bench] starting spamd -L (" + rules + " rules, no Bayes, no network)");
        long started = System.nanoTime();
        SpamdPeer spamd = SpamdPeer.start("SpamAssassin spamd -L, " + options.threads() + " children (spamc wall time)",
            options.threads(), null, extraRules == null ? List.of() : List.of(extraRules));
        err.printf(Locale.ROOT, "[bench] spamd ready in %.0f s%n", (System.nanoTime() - started) / 1e9);
        return Optional.of(new PeerContender(spamd, rules + " (/usr/share/spamassassin)", messages, options.threads(),
            extraRules == null, err, null));
    }

    private Optional<BenchContender> rspamd(BenchOptions options, List<MessageFile> messages) throws IOException {
        if (!RspamdPeer.installed()) {
            err.println("[bench] rspamd skipped: " + RspamdPeer.INSTALL_HINT + ", or pass --no-rspamd");
            return Optional.empty();
        }
        RedisProcess redis = RedisProcess.installed() ? RedisProcess.start() : null;
        try {
            err.println("[bench] starting rspamd (stock configuration, network modules off"
                + (redis == null ? ", no redis" : ", empty Bayes in a private redis") + ")");
            RspamdPeer rspamd = RspamdPeer.start("rspamd, " + options.threads() + " workers (/checkv2 wall time)",
                options.threads(), redis == null ? 0 : redis.port());
            return Optional.of(new PeerContender(rspamd, "stock (Debian's rspamd)", messages, options.threads(), false, err,
                redis));
        } catch (IOException | RuntimeException e) {
            if (redis != null) {
                redis.close();
            }
            throw e;
        }
    }
}
