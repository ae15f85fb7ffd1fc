package org.cleanmail.webadmin.archive;

import java.time.Instant;
import java.util.Objects;

import org.apache.james.task.TaskExecutionDetails;

/** An archive purge at {@code /tasks/{id}}: mail that arrived before {@code cutoff}, {@code purged} so far. Immutable. */
public final class ArchivePurgeDetails implements TaskExecutionDetails.AdditionalInformation {
    private final Instant cutoff;
    private final long purged;
    private final Instant timestamp;

    public ArchivePurgeDetails(Instant cutoff, long purged, Instant timestamp) {
        this.cutoff = Objects.requireNonNull(cutoff, "cutoff");
        this.purged = purged;
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
    }

    public Instant cutoff() {
        return cutoff;
    }

    public long purged() {
        return purged;
    }

    @Override
    public Instant timestamp() {
        return timestamp;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ArchivePurgeDetails)) {
            return false;
        }
        ArchivePurgeDetails other = (ArchivePurgeDetails) o;
        return cutoff.equals(other.cutoff) && purged == other.purged && timestamp.equals(other.timestamp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cutoff, purged, timestamp);
    }
}
