package org.cleanmail.core.quarantine;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counters of a running purge, readable from another thread (a webadmin task's
 * additional information). Thread-safe; {@link #snapshot()} gives an immutable copy.
 */
public final class PurgeProgress {
    private final AtomicLong expiredEntries = new AtomicLong();
    private final AtomicLong purgedEntries = new AtomicLong();
    private final AtomicLong deletedMails = new AtomicLong();
    private final AtomicLong skippedEntries = new AtomicLong();
    private final AtomicLong failedMails = new AtomicLong();

    void expired(long count) {
        expiredEntries.addAndGet(count);
    }

    void purged(long count) {
        purgedEntries.addAndGet(count);
    }

    void deletedMail() {
        deletedMails.incrementAndGet();
    }

    void skipped(long count) {
        skippedEntries.addAndGet(count);
    }

    void failedMail() {
        failedMails.incrementAndGet();
    }

    public PurgeResult snapshot() {
        return new PurgeResult(expiredEntries.get(), purgedEntries.get(), deletedMails.get(), skippedEntries.get(),
            failedMails.get());
    }
}
