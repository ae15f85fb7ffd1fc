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
 * that fails is counted, and the first failure kept for the report. Optionally, each thread
 * first runs every task once, untimed, as a server's long-lived threads would have (what a
 * thread keeps, such as CleanMail's per-thread automata and matchers, is then warm).
 */
final class ConcurrentRun {
    /** One task. */
    interface Task {
        void run(int index) throws Exception;
    }

    private final long[] nanos;
    private final double seconds;
    private final int failures;
    private final Exception firstFailure;

    private ConcurrentRun(long[] nanos, double seconds, int failures, Exception firstFailure) {
        this.nanos = nanos;
        this.seconds = seconds;
        this.failures = failures;
        this.firstFailure = firstFailure;
    }

    static ConcurrentRun of(int n, int threads, Task task) {
        return of(n, threads, task, false);
    }

    /** As {@link #of(int, int, Task)}; with {@code warmThreads}, each thread runs every task once before the timed run. */
    static ConcurrentRun of(int n, int threads, Task task, boolean warmThreads) {
        long[] nanos = new long[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<Exception> first = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long[] started = new long[1];
        CyclicBarrier warm = new CyclicBarrier(threads, () -> started[0] = System.nanoTime());
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = 0; warmThreads && i < n; i++) {
                        try {
                            task.run(i);
                        } catch (Exception e) {
                            // counted in the timed run, where it fails again
                        }
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
        return new ConcurrentRun(nanos, (System.nanoTime() - started[0]) / 1e9, failures.get(), first.get());
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
