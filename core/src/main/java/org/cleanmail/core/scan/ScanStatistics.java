package org.cleanmail.core.scan;

import java.util.concurrent.atomic.LongAdder;

/** Counters of what the scanner has seen since start, for the status report. */
public final class ScanStatistics {
    private final LongAdder scanned = new LongAdder();
    private final LongAdder spam = new LongAdder();
    private final LongAdder truncated = new LongAdder();

    public void record(ScanResult result, double threshold) {
        scanned.increment();
        if (result.reaches(threshold)) {
            spam.increment();
        }
        if (result.truncated()) {
            truncated.increment();
        }
    }

    public long scanned() {
        return scanned.sum();
    }

    /** Messages whose score reached the threshold they were scanned with. */
    public long spam() {
        return spam.sum();
    }

    /** Messages larger than the scan cap, scanned by their head only. */
    public long truncated() {
        return truncated.sum();
    }
}
