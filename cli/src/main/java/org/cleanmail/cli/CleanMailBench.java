package org.cleanmail.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.cleanmail.core.corpus.MessageFile;
import org.cleanmail.core.pipeline.CleanMailEngine;
import org.cleanmail.core.scan.MessageScanner;
import org.cleanmail.core.scan.RawMessage;

/**
 * CleanMail's side of the benchmark: the server's engine (the rules of the configuration,
 * plus the synthetic rules folder, an empty fingerprint database in a temporary state
 * folder), a warm-up until the JIT compiler is done ({@link #warmUp}), then each message
 * scanned on one thread with its thread CPU time taken (median, p99, messages per second),
 * then the same messages on N threads
 * (messages per second, wall clock), each thread having scanned every message, pass after
 * pass until the JIT compiler is done again, as a server's long-lived mail threads have
 * (what each thread keeps is then warm, and what concurrent scans reach compiled).
 */
final class CleanMailBench {
    private static final int MIN_WARM_UP_SCANS = 2000;
    private static final long MAX_WARM_UP_SECONDS = 60;

    private final CliEnvironment environment;
    private final PrintStream err;

    CleanMailBench(CliEnvironment environment, PrintStream err) {
        this.environment = environment;
        this.err = err;
    }

    void run(List<MessageFile> messages, Path extraRules, int extraRuleCount, int threads, BenchReport report)
        throws IOException {
        Path state = Files.createTempDirectory("cleanmail-bench-");
        try {
            long started = System.nanoTime();
            try (CleanMailEngine engine = environment.openEngine(state, extraRules == null ? List.of() : List.of(extraRules))) {
                double loadSeconds = (System.nanoTime() - started) / 1e9;
                MessageScanner scanner = engine.scanner();
                int maxBytes = environment.configuration().maxMessageSize();
                ParallelScanner sizes = new ParallelScanner(scanner, maxBytes);
                List<RawMessage> raws = messages.stream().map(m -> sizes.raw(m.bytes())).collect(Collectors.toList());
                long synthetic = engine.rules().rules().stream()
                    .filter(rule -> rule.name().startsWith(SyntheticRules.PREFIX) || rule.name().startsWith("__" + SyntheticRules.PREFIX))
                    .count();
                int rules = scanner.ruleCount();
                err.printf(Locale.ROOT, "[bench] CleanMail: %,d rules run (%,d of them synthetic), loaded and compiled in %.1f s;"
                    + " warming up%n", rules, synthetic, loadSeconds);
                warmUp(scanner, raws);
                String ruleText = String.format(Locale.ROOT, "%,d (stock + CleanMail's + %,d synthetic)", rules, synthetic);
                err.println("[bench] CleanMail: measuring on 1 thread");
                long regexRuns = engine.rules().engine().regexRuns();
                report.add(oneThread(scanner, raws, ruleText));
                err.printf(Locale.ROOT, "[bench] CleanMail: %.0f regular expressions run per message (the others ruled out"
                    + " by their literals)%n", (double) (engine.rules().engine().regexRuns() - regexRuns) / raws.size());
                if (threads > 1) {
                    err.printf(Locale.ROOT, "[bench] CleanMail: measuring on %d threads%n", threads);
                    report.add(parallel(scanner, raws, threads, ruleText));
                }
                String disabled = engine.rules().unusedRules().stream().filter(rule -> rule.count() > 0)
                    .map(rule -> rule.name() + " (" + rule.reason() + ")").collect(Collectors.joining(", "));
                if (!disabled.isEmpty()) {
                    err.println("[bench] CleanMail: rules disabled while scanning: " + disabled);
                }
            }
        } finally {
            PeerProcess.deleteQuietly(state);
        }
    }

    /**
     * Scans the messages in turn: at least {@value #MIN_WARM_UP_SCANS} scans, then on while the
     * JIT compiler is still busy ({@link JitWatch}), at most {@value #MAX_WARM_UP_SECONDS} s.
     */
    private void warmUp(MessageScanner scanner, List<RawMessage> raws) {
        JitWatch watch = new JitWatch(MAX_WARM_UP_SECONDS);
        int scans = 0;
        boolean again = true;
        while (again) {
            for (RawMessage raw : raws) {
                scanner.scan(raw);
                scans++;
            }
            boolean compiling = watch.again();
            again = !watch.pastDeadline() && (scans < MIN_WARM_UP_SCANS || compiling);
        }
        err.printf(Locale.ROOT, "[bench] CleanMail: warm-up %,d scans in %.1f s (JIT compilation %s of the last pass)%n",
            scans, watch.seconds(), watch.lastShare());
    }

    private static BenchReport.Row oneThread(MessageScanner scanner, List<RawMessage> raws, String rules) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[raws.size()];
        long started = System.nanoTime();
        for (int i = 0; i < raws.size(); i++) {
            long before = threads.getCurrentThreadCpuTime();
            scanner.scan(raws.get(i));
            cpu[i] = threads.getCurrentThreadCpuTime() - before;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new BenchReport.Row("CleanMail, 1 thread (CPU time per message)", rules, raws.size(), new Timings(cpu),
            raws.size() / seconds, false);
    }

    /**
     * The messages on N threads, timed on the wall clock, after each thread has scanned every
     * message once, and again while the JIT compiler is busy with what concurrent scans reach.
     */
    private BenchReport.Row parallel(MessageScanner scanner, List<RawMessage> raws, int threads, String rules) {
        JitWatch watch = new JitWatch(MAX_WARM_UP_SECONDS);
        ConcurrentRun run = ConcurrentRun.of(raws.size(), threads, i -> scanner.scan(raws.get(i)), watch, 1);
        err.printf(Locale.ROOT, "[bench] CleanMail: %d threads warmed up in %d passes, %.1f s (JIT compilation %s of the last)%n",
            threads, run.warmUpPasses(), watch.seconds(), watch.lastShare());
        if (run.failures() > 0) {
            throw new IllegalStateException(run.failures() + " scans failed, e.g. " + run.firstFailure());
        }
        return new BenchReport.Row("CleanMail, " + threads + " threads (wall time per message)", rules, raws.size(),
            run.timings(), run.perSecond(), false);
    }
}
