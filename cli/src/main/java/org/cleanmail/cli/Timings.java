package org.cleanmail.cli;

import java.util.Arrays;

/** Per-message times in nanoseconds: median and 99th percentile, in milliseconds. */
final class Timings {
    private final long[] sorted;

    Timings(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    double medianMillis() {
        return percentile(0.5);
    }

    double p99Millis() {
        return percentile(0.99);
    }

    private double percentile(double fraction) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
