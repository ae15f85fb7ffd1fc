package org.cleanmail.core.scoring;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hits per rule name since start, shared by the successive rule sets of a server so that
 * counts survive a reload. Each name has a number for good ({@link #idOf}); each thread that
 * counts has its own array of counts by number, so that counting a hit is one add to an
 * array only that thread writes (a shared counter per rule cost a scan one atomic
 * update on a cold object per hit: a few hundred a message with a large rule set). Reads
 * sum the threads' arrays; the counts of threads that ended are added into one array when
 * a new thread starts counting, so that pools that replace their threads do not pile up
 * arrays. Thread-safe.
 */
public final class RuleHitCounters {
    private static final VarHandle COUNTS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int INITIAL_IDS = 1024;

    private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger();
    /** The counts of each living counting thread (and of those that ended since a thread last started counting). */
    private final CopyOnWriteArrayList<ThreadCounts> threads = new CopyOnWriteArrayList<>();
    private final ThreadLocal<ThreadCounts> local = ThreadLocal.withInitial(this::register);
    /** Guards {@link #ended}, and the moves of an ended thread's counts into it, so that a read counts them once. */
    private final Object endedLock = new Object();
    /** The counts of the threads that ended, by rule number. */
    private long[] ended = new long[0];

    /** One thread's counts by rule number; only that thread writes them, and it swaps in a longer array as numbers grow. */
    private static final class ThreadCounts {
        final WeakReference<Thread> owner = new WeakReference<>(Thread.currentThread());
        volatile long[] counts = new long[INITIAL_IDS];

        boolean ended() {
            Thread thread = owner.get();
            return thread == null || !thread.isAlive();
        }
    }

    private ThreadCounts register() {
        ThreadCounts counts = new ThreadCounts();
        synchronized (endedLock) {
            for (ThreadCounts thread : threads) {
                if (thread.ended()) {
                    // it counts no more: its counts join those of the other ended threads
                    long[] from = thread.counts;
                    if (ended.length < from.length) {
                        ended = Arrays.copyOf(ended, from.length);
                    }
                    for (int id = 0; id < from.length; id++) {
                        ended[id] += from[id];
                    }
                    threads.remove(thread);
                }
            }
            threads.add(counts);
        }
        return counts;
    }

    /** The number of a rule's counts, the same for the name in every rule set. */
    int idOf(String rule) {
        return ids.computeIfAbsent(rule, name -> nextId.getAndIncrement());
    }

    /**
     * Counts a hit of each rule whose value is not 0, by rule index, among the indices
     * {@code nonZero} lists ({@code idByIndex}: each rule's number from {@link #idOf}, or -1 for
     * none): on the calling thread's own counts.
     */
    void count(BitSet nonZero, double[] values, int[] idByIndex) {
        ThreadCounts mine = local.get();
        long[] counts = mine.counts;
        for (int i = nonZero.nextSetBit(0); i >= 0; i = nonZero.nextSetBit(i + 1)) {
            int id = idByIndex[i];
            if (values[i] != 0 && id >= 0) {
                if (id >= counts.length) {
                    counts = Arrays.copyOf(counts, Math.max(id + 1, counts.length * 2));
                    mine.counts = counts;
                }
                // opaque: a reader on another thread sees each count whole, never torn
                COUNTS.setOpaque(counts, id, (long) COUNTS.getOpaque(counts, id) + 1);
            }
        }
    }

    /** Hits of a rule since start; 0 for a rule never hit or unknown. */
    public long hits(String rule) {
        Integer id = ids.get(rule);
        return id == null ? 0 : hits(id);
    }

    private long hits(int id) {
        synchronized (endedLock) {
            long sum = id < ended.length ? ended[id] : 0;
            for (ThreadCounts thread : threads) {
                long[] counts = thread.counts;
                if (id < counts.length) {
                    sum += (long) COUNTS.getOpaque(counts, id);
                }
            }
            return sum;
        }
    }

    /** The threads whose counts are kept apart: those counting, and those that ended since one last started (tests). */
    int countingThreads() {
        return threads.size();
    }

    /** Every rule hit at least once, with its hits, sorted by name. */
    public Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new TreeMap<>();
        ids.forEach((name, id) -> {
            long sum = hits(id);
            if (sum > 0) {
                snapshot.put(name, sum);
            }
        });
        return snapshot;
    }
}
