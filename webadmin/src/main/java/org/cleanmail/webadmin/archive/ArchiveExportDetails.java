package org.cleanmail.webadmin.archive;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.apache.james.task.TaskExecutionDetails;

/**
 * An archive export at {@code /tasks/{id}}: the {@code fileName} to download from
 * {@code /cleanmail/archive/exports/}, the {@code user} of a personal export, the
 * {@code query}, messages {@code matched}, {@code exported} so far and {@code failed}
 * (unreadable, left out). Immutable.
 */
public final class ArchiveExportDetails implements TaskExecutionDetails.AdditionalInformation {
    private final String fileName;
    private final Optional<String> user;
    private final String query;
    private final long matched;
    private final long exported;
    private final long failed;
    private final Instant timestamp;

    public ArchiveExportDetails(String fileName, Optional<String> user, String query, long matched, long exported,
                                long failed, Instant timestamp) {
        this.fileName = Objects.requireNonNull(fileName, "file name");
        this.user = Objects.requireNonNull(user, "user");
        this.query = Objects.requireNonNull(query, "query");
        this.matched = matched;
        this.exported = exported;
        this.failed = failed;
        this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
    }

    public String fileName() {
        return fileName;
    }

    public Optional<String> user() {
        return user;
    }

    public String query() {
        return query;
    }

    public long matched() {
        return matched;
    }

    public long exported() {
        return exported;
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
        if (!(o instanceof ArchiveExportDetails)) {
            return false;
        }
        ArchiveExportDetails other = (ArchiveExportDetails) o;
        return fileName.equals(other.fileName) && user.equals(other.user) && query.equals(other.query)
            && matched == other.matched && exported == other.exported && failed == other.failed
            && timestamp.equals(other.timestamp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, user, query, matched, exported, failed, timestamp);
    }
}
