package org.cleanmail.james.archive;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.cleanmail.archive.MaintenanceProgress;
import org.cleanmail.archive.MaintenanceReport;

/**
 * One repair or re-indexing running in the background, with its progress: what the
 * status route shows. Thread-safe: the maintenance thread writes, routes read.
 */
public final class MaintenanceRun implements MaintenanceProgress {
    /** What a run does. */
    public enum Kind {
        REPAIR, REINDEX;

        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where a run is. */
    public enum State {
        WAITING, RUNNING, COMPLETED, FAILED;

        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Kind kind;
    private final Instant submitted;
    private volatile State state = State.WAITING;
    private volatile long scanned;
    private volatile long indexed;
    private volatile long unreadable;
    private volatile MaintenanceReport report;
    private volatile String failure;
    private volatile Instant ended;

    public MaintenanceRun(Kind kind, Instant submitted) {
        this.kind = kind;
        this.submitted = submitted;
    }

    void started() {
        state = State.RUNNING;
    }

    void completed(MaintenanceReport report, Instant at) {
        this.report = report;
        this.ended = at;
        this.state = State.COMPLETED;
    }

    void failed(String failure, Instant at) {
        this.failure = failure;
        this.ended = at;
        this.state = State.FAILED;
    }

    @Override
    public void progress(long scanned, long indexed, long unreadable) {
        this.scanned = scanned;
        this.indexed = indexed;
        this.unreadable = unreadable;
    }

    public Kind kind() {
        return kind;
    }

    public State state() {
        return state;
    }

    public boolean finished() {
        return state == State.COMPLETED || state == State.FAILED;
    }

    public Instant submitted() {
        return submitted;
    }

    public Optional<Instant> ended() {
        return Optional.ofNullable(ended);
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

    /** Index entries removed because their content was gone; known once completed. */
    public long removedFromIndex() {
        return report == null ? 0 : report.removedFromIndex();
    }

    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }
}
