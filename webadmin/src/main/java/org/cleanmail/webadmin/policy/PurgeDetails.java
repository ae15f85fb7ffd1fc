package org.cleanmail.webadmin.policy;

import java.time.Instant;
import java.util.Objects;

import org.apache.james.task.TaskExecutionDetails;
import org.cleanmail.core.quarantine.PurgeResult;

/** What a quarantine purge task has counted so far, shown at {@code /tasks/{id}}. Immutable. */
public final class PurgeDetails implements TaskExecutionDetails.AdditionalInformation {
    private final PurgeResult counts;
    private final Instant timestamp;

    public PurgeDetails(PurgeResult counts, Instant timestamp) {
        this.counts = Objects.requireNonNull(counts, "counts");
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
    }

    public PurgeResult counts() {
        return counts;
    }

    @Override
    public Instant timestamp() {
        return timestamp;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PurgeDetails)) {
            return false;
        }
        PurgeDetails other = (PurgeDetails) o;
        return counts.equals(other.counts) && timestamp.equals(other.timestamp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(counts, timestamp);
    }
}
