package org.cleanmail.webadmin.fingerprint;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.apache.james.task.TaskExecutionDetails;
import org.cleanmail.core.learning.LearnCounts;
import org.cleanmail.core.learning.LearnKind;

/** What a bulk learning task has done so far, shown at {@code /tasks/{id}}. Immutable. */
public final class LearnDetails implements TaskExecutionDetails.AdditionalInformation {
    private final LearnKind kind;
    private final List<String> sources;
    private final LearnCounts counts;
    private final Instant timestamp;

    public LearnDetails(LearnKind kind, List<String> sources, LearnCounts counts, Instant timestamp) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.sources = List.copyOf(sources);
        this.counts = Objects.requireNonNull(counts, "counts");
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
    }

    public LearnKind kind() {
        return kind;
    }

    public List<String> sources() {
        return sources;
    }

    public LearnCounts counts() {
        return counts;
    }

    @Override
    public Instant timestamp() {
        return timestamp;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LearnDetails)) {
            return false;
        }
        LearnDetails other = (LearnDetails) o;
        return kind == other.kind && sources.equals(other.sources) && counts.equals(other.counts)
            && timestamp.equals(other.timestamp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, sources, counts, timestamp);
    }

    @Override
    public String toString() {
        return "LearnDetails{" + kind.asText() + " " + sources + ": " + counts + "}";
    }
}
