package org.cleanmail.core.learning;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a bulk learning run stands: files and messages seen, messages learned, skipped
 * (too short to fingerprint, or already known), failed (with the first reasons), and the
 * file being read. Immutable.
 */
public final class LearnCounts {
    private final long filesSeen;
    private final long messagesSeen;
    private final long learned;
    private final long skippedTooShort;
    private final long skippedDuplicate;
    private final long failed;
    private final List<String> failures;
    private final Optional<String> currentPath;

    public LearnCounts(long filesSeen, long messagesSeen, long learned, long skippedTooShort, long skippedDuplicate,
                       long failed, List<String> failures, Optional<String> currentPath) {
        this.filesSeen = filesSeen;
        this.messagesSeen = messagesSeen;
        this.learned = learned;
        this.skippedTooShort = skippedTooShort;
        this.skippedDuplicate = skippedDuplicate;
        this.failed = failed;
        this.failures = List.copyOf(failures);
        this.currentPath = Objects.requireNonNull(currentPath, "currentPath");
    }

    public long filesSeen() {
        return filesSeen;
    }

    public long messagesSeen() {
        return messagesSeen;
    }

    public long learned() {
        return learned;
    }

    /** Messages with too little text (and no attachment or link set) to give any fingerprint. */
    public long skippedTooShort() {
        return skippedTooShort;
    }

    /** Spam whose exact text fingerprint the database already had (from before, or earlier in the run). */
    public long skippedDuplicate() {
        return skippedDuplicate;
    }

    public long failed() {
        return failed;
    }

    /** {@code path: reason} of the first failures (at most {@link LearnProgress#MAX_FAILURES_KEPT}). */
    public List<String> failures() {
        return failures;
    }

    /** The file being read; empty before the first and after the last. */
    public Optional<String> currentPath() {
        return currentPath;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LearnCounts)) {
            return false;
        }
        LearnCounts other = (LearnCounts) o;
        return filesSeen == other.filesSeen && messagesSeen == other.messagesSeen && learned == other.learned
            && skippedTooShort == other.skippedTooShort && skippedDuplicate == other.skippedDuplicate
            && failed == other.failed && failures.equals(other.failures) && currentPath.equals(other.currentPath);
    }

    @Override
    public int hashCode() {
        return Objects.hash(filesSeen, messagesSeen, learned, skippedTooShort, skippedDuplicate, failed, failures,
            currentPath);
    }

    @Override
    public String toString() {
        return "files " + filesSeen + ", messages " + messagesSeen + ", learned " + learned + ", skipped " + skippedTooShort
            + " too short and " + skippedDuplicate + " duplicate, failed " + failed + currentPath.map(p -> ", at " + p)
            .orElse("");
    }
}
