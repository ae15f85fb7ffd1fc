package org.cleanmail.webadmin.archive;

import java.time.Instant;
import java.util.Objects;

import org.apache.james.task.TaskExecutionDetails;

/**
 * Progress of an archive re-indexing or repair at {@code /tasks/{id}}: {@code action}
 * ({@code reindex}, {@code repair}), messages {@code seen} in the content store,
 * {@code indexed}, index entries {@code repaired} (missing ones indexed by a repair, and
 * entries without content removed), messages that {@code failed} (unreadable: tampered or
 * key missing; kept). Immutable.
 */
public final class ArchiveMaintenanceDetails implements TaskExecutionDetails.AdditionalInformation {
    private final String action;
    private final long seen;
    private final long indexed;
    private final long repaired;
    private final long failed;
    private final Instant timestamp;

    public ArchiveMaintenanceDetails(String action, long seen, long indexed, long repaired, long failed,
                                     Instant timestamp) {
        this.action = Objects.requireNonNull(action, "action");
        this.seen = seen;
        this.indexed = indexed;
        this.repaired = repaired;
        this.failed = failed;
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
    }

    public String action() {
        return action;
    }

    public long seen() {
        return seen;
    }

    public long indexed() {
        return indexed;
    }

    public long repaired() {
        return repaired;
    }

    public long failed() {
        return failed;
    }

    @Override
    public Instant timestamp() {
        return timestamp;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ArchiveMaintenanceDetails)) {
            return false;
        }
        ArchiveMaintenanceDetails other = (ArchiveMaintenanceDetails) o;
        return action.equals(other.action) && seen == other.seen && indexed == other.indexed
            && repaired == other.repaired && failed == other.failed && timestamp.equals(other.timestamp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(action, seen, indexed, repaired, failed, timestamp);
    }

    @Override
    public String toString() {
        return "ArchiveMaintenanceDetails{action=" + action + ", seen=" + seen + ", indexed=" + indexed + ", repaired="
            + repaired + ", failed=" + failed + "}";
    }
}
