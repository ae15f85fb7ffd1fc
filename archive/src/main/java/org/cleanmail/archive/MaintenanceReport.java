package org.cleanmail.archive;

import java.util.Objects;

/**
 * What a repair or a re-indexing did: blobs scanned in the content store, entries
 * (re)indexed, blobs that could not be read (tampered, or a key missing from the key file;
 * they are kept and logged), and index entries removed because their content is gone.
 * Immutable.
 */
public final class MaintenanceReport {
    private final long scanned;
    private final long indexed;
    private final long unreadable;
    private final long removedFromIndex;

    public MaintenanceReport(long scanned, long indexed, long unreadable, long removedFromIndex) {
        this.scanned = scanned;
        this.indexed = indexed;
        this.unreadable = unreadable;
        this.removedFromIndex = removedFromIndex;
    }

    public long scanned() {
        return scanned;
    }

    public long indexed() {
        return indexed;
    }

    public long unreadable() {
        return unreadable;
    }

    public long removedFromIndex() {
        return removedFromIndex;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MaintenanceReport)) {
            return false;
        }
        MaintenanceReport other = (MaintenanceReport) o;
        return scanned == other.scanned && indexed == other.indexed && unreadable == other.unreadable
            && removedFromIndex == other.removedFromIndex;
    }

    @Override
    public int hashCode() {
        return Objects.hash(scanned, indexed, unreadable, removedFromIndex);
    }

    @Override
    public String toString() {
        return "MaintenanceReport{scanned=" + scanned + ", indexed=" + indexed + ", unreadable=" + unreadable
            + ", removedFromIndex=" + removedFromIndex + "}";
    }
}
