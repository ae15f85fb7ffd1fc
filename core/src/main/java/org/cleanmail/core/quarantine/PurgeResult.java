package org.cleanmail.core.quarantine;

import java.util.Objects;

/** Counts of a retention purge. Immutable. */
public final class PurgeResult {
    private final long expiredEntries;
    private final long purgedEntries;
    private final long deletedMails;
    private final long skippedEntries;
    private final long failedMails;

    public PurgeResult(long expiredEntries, long purgedEntries, long deletedMails, long skippedEntries, long failedMails) {
        this.expiredEntries = expiredEntries;
        this.purgedEntries = purgedEntries;
        this.deletedMails = deletedMails;
        this.skippedEntries = skippedEntries;
        this.failedMails = failedMails;
    }

    /** Entries found expired when the purge started. */
    public long expiredEntries() {
        return expiredEntries;
    }

    /** Entries removed from the index. */
    public long purgedEntries() {
        return purgedEntries;
    }

    /** Mails deleted from the repository. */
    public long deletedMails() {
        return deletedMails;
    }

    /** Expired entries left alone: being released, or gone meanwhile. */
    public long skippedEntries() {
        return skippedEntries;
    }

    /** Mails whose deletion failed; their entries are kept for the next purge. */
    public long failedMails() {
        return failedMails;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PurgeResult)) {
            return false;
        }
        PurgeResult other = (PurgeResult) o;
        return expiredEntries == other.expiredEntries && purgedEntries == other.purgedEntries
            && deletedMails == other.deletedMails && skippedEntries == other.skippedEntries && failedMails == other.failedMails;
    }

    @Override
    public int hashCode() {
        return Objects.hash(expiredEntries, purgedEntries, deletedMails, skippedEntries, failedMails);
    }

    @Override
    public String toString() {
        return "PurgeResult{expired=" + expiredEntries + ", purged=" + purgedEntries + ", deletedMails=" + deletedMails
            + ", skipped=" + skippedEntries + ", failedMails=" + failedMails + "}";
    }
}
