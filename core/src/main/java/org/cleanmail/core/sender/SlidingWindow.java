package org.cleanmail.core.sender;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * A count of events in the last {@code window}, kept in {@value #BUCKETS} buckets of a
 * tenth of the window each: memory stays constant however many events come. The total
 * covers the current bucket and the nine before it, so an event stops counting between
 * 0.9 and 1 window after it happened. Thread-safe.
 */
public final class SlidingWindow {
    public static final int BUCKETS = 10;

    private final Duration window;
    private final long bucketMillis;
    private final long[] counts = new long[BUCKETS];
    private final long[] bucketNumbers = new long[BUCKETS];

    public SlidingWindow(Duration window) {
        if (window.isNegative() || window.toMillis() < BUCKETS) {
            throw new IllegalArgumentException("window must be at least " + BUCKETS + " ms; got " + window);
        }
        this.window = window;
        this.bucketMillis = window.toMillis() / BUCKETS;
        Arrays.fill(bucketNumbers, Long.MIN_VALUE);
    }

    public Duration window() {
        return window;
    }

    /** Counts {@code amount} events at {@code now}; returns the total of the window including them. */
    public synchronized long add(long amount, Instant now) {
        long bucket = Math.floorDiv(now.toEpochMilli(), bucketMillis);
        int slot = (int) Math.floorMod(bucket, (long) BUCKETS);
        if (bucketNumbers[slot] != bucket) {
            bucketNumbers[slot] = bucket;
            counts[slot] = 0;
        }
        counts[slot] += amount;
        return total(bucket);
    }

    /** The events counted in the window that ends at {@code now}. */
    public synchronized long total(Instant now) {
        return total(Math.floorDiv(now.toEpochMilli(), bucketMillis));
    }

    private long total(long currentBucket) {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            long age = currentBucket - bucketNumbers[i];
            if (age >= 0 && age < BUCKETS) {
                total += counts[i];
            }
        }
        return total;
    }
}
