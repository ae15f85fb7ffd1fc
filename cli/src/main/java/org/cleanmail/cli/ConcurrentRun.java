package org.cleanmail.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a task for each index 0..n-1 on a number of threads, each taking the next index
 * when it is free, and times it: the wall time of each task and of the whole run. A task
 * that fails is counted, and the first failure kept for the report. Optionally, the threads
 * first warm up: each runs every task, untimed, pass after pass while a {@link WarmUp} asks
 * for another, as a server's long-lived threads would have (what a thread keeps, such as
 * CleanMail's per-thread automata and matchers, is then warm, and code that only concurrent
 * threads reach is compiled).
 */
final class ConcurrentRun {
    /** One task. */
    interface Task {
        void run(int index) throws Exception;
    }

    /** Asked after each warm-up pass, once every thread has run every task, whether to run another. */
    interface WarmUp {
        boolean again();
    }

    private final long[] nanos;
    private final double seconds;
    private final int failures;
    private final Exception firstFailure;
    private final int warmUpPasses;

    private ConcurrentRun(long[] nanos, double seconds, int failures, Exception firstFailure, int warmUpPasses) {
        this.nanos = nanos;
        this.warmUpPasses = warmUpPasses;
        this.seconds = seconds;
        this.failures = failures;
        this.firstFailure = firstFailure;
    }

    static ConcurrentRun of(int n, int threads, Task task) {
        return of(n, threads, task, () -> false, 0);
    }

    /**
     * As {@link #of(int, int, Task)}, after warm-up passes: at least {@code minPasses} (0 for
     * none), then more while {@code warmUp} asks for them.
     */
    static ConcurrentRun of(int n, int threads, Task task, WarmUp warmUp, int minPasses) {
        long[] nanos = new long[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<Exception> first = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long[] started = new long[1];
        int[] passes = new int[1];
        boolean[] warmAgain = {minPasses > 0};
        CyclicBarrier passDone = new CyclicBarrier(threads, () -> {
            passes[0]++;
            warmAgain[0] = passes[0] < minPasses || warmUp.again();
        });
        CyclicBarrier warm = new CyclicBarrier(threads, () -> started[0] = System.nanoTime());
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    while (warmAgain[0]) {
                        for (int i = 0; i < n; i++) {
                            try {
                                task.run(i);
                            } catch (Exception e) {
                                // counted in the timed run, where it fails again
                            }
                        }
                        awaitAll(passDone);
                    }
                    awaitAll(warm);
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        long before = System.nanoTime();
                        try {
                            task.run(i);
                        } catch (Exception e) {
                            failures.incrementAndGet();
                            first.compareAndSet(null, e);
                        }
                        nanos[i] = System.nanoTime() - before;
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new ConcurrentRun(nanos, (System.nanoTime() - started[0]) / 1e9, failures.get(), first.get(), passes[0]);
    }

    private static void awaitAll(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (BrokenBarrierException e) {
            throw new IllegalStateException("a thread of the run failed", e);
        }
    }

    /** The warm-up passes run before the timed one. */
    int warmUpPasses() {
        return warmUpPasses;
    }

    Timings timings() {
        return new Timings(nanos);
    }

    double perSecond() {
        return nanos.length / Math.max(seconds, 1e-9);
    }

    int failures() {
        return failures;
    }

    /** The first failure's message, or empty. */
    String firstFailure() {
        return firstFailure == null ? "" : String.valueOf(firstFailure.getMessage());
    }
}
