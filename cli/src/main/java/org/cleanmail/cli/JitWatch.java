package org.cleanmail.cli;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Watches warm-up passes for the JIT compiler: a pass ends with {@link #again()}, which
 * answers whether the compiler was still busy in it (its compilation time above
 * {@value #QUIET_SHARE} of the pass's wall time) and the deadline is not reached. Code run
 * once per message reaches the optimising compiler only after thousands of messages, and
 * code that only concurrent threads reach (a contended counter's cells, say) only when they
 * run; its compilations, tenths of a second each, would otherwise take the cores from the
 * measured scans, which a server past its first few thousand messages no longer pays.
 */
final class JitWatch implements ConcurrentRun.WarmUp {
    /** The JIT counts as done when it compiles for less than this share of a pass's time. */
    static final double QUIET_SHARE = 0.02;

    private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    private final boolean timed = jit != null && jit.isCompilationTimeMonitoringSupported();
    private final long started = System.nanoTime();
    private final long deadline;
    private long passStarted;
    private long compilingAtPassStart;
    private double lastShare = 1;

    JitWatch(long maxSeconds) {
        this.deadline = started + maxSeconds * 1_000_000_000L;
        startPass();
    }

    /** Ends a pass and starts the next: whether the compiler was busy in it and there is time for another. */
    @Override
    public boolean again() {
        if (timed) {
            lastShare = (jit.getTotalCompilationTime() - compilingAtPassStart) / ((System.nanoTime() - passStarted) / 1e6);
        }
        startPass();
        return timed && lastShare > QUIET_SHARE && !pastDeadline();
    }

    boolean pastDeadline() {
        return System.nanoTime() >= deadline;
    }

    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    /** The compiler's share of the last pass, for the report: "3%", or "not timed". */
    String lastShare() {
        return timed ? String.format(Locale.ROOT, "%.0f%%", 100 * lastShare) : "not timed";
    }

    private void startPass() {
        passStarted = System.nanoTime();
        compilingAtPassStart = timed ? jit.getTotalCompilationTime() : 0;
    }
}
