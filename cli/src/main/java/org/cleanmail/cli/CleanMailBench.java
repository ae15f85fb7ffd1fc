package org.cleanmail.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * folder), a warm-up until the JIT compiler is done ({@link #warmUp}); then, each round,
 * each message scanned on one thread with its thread CPU time taken (median, p99, messages
 * per second), then the same messages on N threads (messages per second, wall clock). Before
 * the first N-thread round each thread scans every message, pass after pass until the JIT
 * compiler is done again, as a server's long-lived mail threads have (what each thread keeps
 * is then warm, and what concurrent scans reach compiled).
 */
final class CleanMailBench implements BenchContender {
    private static final int MIN_WARM_UP_SCANS = 2000;
    private static final long MAX_WARM_UP_SECONDS = 60;

    private final PrintStream err;
    private final Path state;
    private final CleanMailEngine engine;
    private final MessageScanner scanner;
    private final List<RawMessage> raws;
    private final String ruleText;
    private final int threads;
    private int rounds;

    private CleanMailBench(PrintStream err, Path state, CleanMailEngine engine, List<RawMessage> raws, String ruleText,
                           int threads) {
        this.err = err;
        this.state = state;
        this.engine = engine;
        this.scanner = engine.scanner();
        this.raws = raws;
        this.ruleText = ruleText;
        this.threads = threads;
    }

    /** Loads the engine with the extra rules (null: none) and warms it up on one thread. */
    static CleanMailBench open(CliEnvironment environment, PrintStream err, List<MessageFile> messages, Path extraRules,
                               int threads) throws IOException {
        Path state = Files.createTempDirectory("cleanmail-bench-");
        CleanMailEngine engine = null;
        try {
            long started = System.nanoTime();
            engine = environment.openEngine(state, extraRules == null ? List.of() : List.of(extraRules));
            double loadSeconds = (System.nanoTime() - started) / 1e9;
            ParallelScanner sizes = new ParallelScanner(engine.scanner(), environment.configuration().maxMessageSize());
            List<RawMessage> raws = messages.stream().map(m -> sizes.raw(m.bytes())).collect(Collectors.toList());
            long synthetic = engine.rules().rules().stream()
                .filter(rule -> rule.name().startsWith(SyntheticRules.PREFIX) || rule.name().startsWith("__" + SyntheticRules.PREFIX))
                .count();
            int rules = engine.scanner().ruleCount();
            err.printf(Locale.ROOT, "[bench] CleanMail: %,d rules run (%,d of them synthetic), loaded and compiled in %.1f s;"
                + " warming up%n", rules, synthetic, loadSeconds);
            String ruleText = String.format(Locale.ROOT, "%,d (stock + CleanMail's + %,d synthetic)", rules, synthetic);
            CleanMailBench bench = new CleanMailBench(err, state, engine, raws, ruleText, threads);
            bench.warmUp();
            return bench;
        } catch (IOException | RuntimeException e) {
            if (engine != null) {
                try {
                    engine.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            PeerProcess.deleteQuietly(state);
            throw e;
        }
    }

    @Override
    public List<BenchReport.Row> measure() {
        rounds++;
        List<BenchReport.Row> rows = new ArrayList<>();
        long regexRuns = engine.rules().engine().regexRuns();
        rows.add(oneThread());
        if (rounds == 1) {
            err.printf(Locale.ROOT, "[bench] CleanMail: %.0f regular expressions run per message (the others ruled out"
                + " by their literals)%n", (double) (engine.rules().engine().regexRuns() - regexRuns) / raws.size());
        }
        if (threads > 1) {
            rows.add(parallel());
        }
        return rows;
    }

    @Override
    public void close() {
        try {
            String disabled = engine.rules().unusedRules().stream().filter(rule -> rule.count() > 0)
                .map(rule -> rule.name() + " (" + rule.reason() + ")").collect(Collectors.joining(", "));
            if (!disabled.isEmpty()) {
                err.println("[bench] CleanMail: rules disabled while scanning: " + disabled);
            }
            engine.close();
        } catch (IOException e) {
            err.println("[bench] CleanMail: could not close the engine: " + e);
        } finally {
            PeerProcess.deleteQuietly(state);
        }
    }

    /**
     * Scans the messages in turn: at least {@value #MIN_WARM_UP_SCANS} scans, then on while the
     * JIT compiler is still busy ({@link JitWatch}), at most {@value #MAX_WARM_UP_SECONDS} s.
     */
    private void warmUp() {
        JitWatch watch = new JitWatch(MAX_WARM_UP_SECONDS);
        int scans = 0;
        int laidOutAfter = 0;
        boolean again = true;
        while (again) {
            for (RawMessage raw : raws) {
                scanner.scan(raw);
                scans++;
            }
            if (laidOutAfter == 0) {
                // the rules counted their first messages in this pass and are being laid out in the
                // background, as in the server: at once, or wait for it, before the warm-up goes on
                engine.rules().layOutByUse();
                laidOutAfter = engine.rules().engine().rules().layout().learned() ? scans : 0;
            }
            boolean compiling = watch.again();
            again = !watch.pastDeadline() && (scans < MIN_WARM_UP_SCANS || compiling || laidOutAfter == scans);
        }
        err.printf(Locale.ROOT, "[bench] CleanMail: warm-up %,d scans in %.1f s (JIT compilation %s of the last pass)%s%n",
            scans, watch.seconds(), watch.lastShare(),
            laidOutAfter == 0 ? "" : String.format(Locale.ROOT, "; rules laid out by use after %,d scans", laidOutAfter));
    }

    private BenchReport.Row oneThread() {
        ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[raws.size()];
        long started = System.nanoTime();
        for (int i = 0; i < raws.size(); i++) {
            long before = threadBean.getCurrentThreadCpuTime();
            scanner.scan(raws.get(i));
            cpu[i] = threadBean.getCurrentThreadCpuTime() - before;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new BenchReport.Row("CleanMail, 1 thread (CPU time per message)", ruleText, raws.size(), new Timings(cpu),
            raws.size() / seconds, false);
    }

    /**
     * The messages on N threads, timed on the wall clock, after each thread has scanned every
     * message once (in the first round, and again while the JIT compiler is busy with what
     * concurrent scans reach).
     */
    private BenchReport.Row parallel() {
        ConcurrentRun run;
        if (rounds == 1) {
            JitWatch watch = new JitWatch(MAX_WARM_UP_SECONDS);
            run = ConcurrentRun.of(raws.size(), threads, i -> scanner.scan(raws.get(i)), watch, 1);
            err.printf(Locale.ROOT, "[bench] CleanMail: %d threads warmed up in %d passes, %.1f s (JIT compilation %s of the"
                + " last)%n", threads, run.warmUpPasses(), watch.seconds(), watch.lastShare());
        } else {
            // a new pool's threads: each scans every message once first, filling what a thread keeps
            run = ConcurrentRun.of(raws.size(), threads, i -> scanner.scan(raws.get(i)), () -> false, 1);
        }
        if (run.failures() > 0) {
            throw new IllegalStateException(run.failures() + " scans failed, e.g. " + run.firstFailure());
        }
        return new BenchReport.Row("CleanMail, " + threads + " threads (wall time per message)", ruleText, raws.size(),
            run.timings(), run.perSecond(), false);
    }
}
