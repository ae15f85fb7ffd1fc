package org.cleanmail.james.archive;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.cleanmail.archive.MaintenanceProgress;
import org.cleanmail.archive.MaintenanceReport;

/**
 * One repair or re-indexing running in the background, with its progress: what the
 * status route and the maintenance task show. Cancellable. Thread-safe: the maintenance
 * thread writes, routes and tasks read.
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
        WAITING, RUNNING, COMPLETED, FAILED, CANCELLED;

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
    private volatile boolean cancelRequested;
    private final CountDownLatch done = new CountDownLatch(1);

    public MaintenanceRun(Kind kind, Instant submitted) {
        this.kind = kind;
        this.submitted = submitted;
    }

    void started() {
        state = State.RUNNING;
    }

    void completed(MaintenanceReport report, Instant at) {
        end(report, at, State.COMPLETED);
    }

    void cancelled(MaintenanceReport partial, Instant at) {
        end(partial, at, State.CANCELLED);
    }

    void failed(String failure, Instant at) {
        this.failure = failure;
        end(null, at, State.FAILED);
    }

    private void end(MaintenanceReport report, Instant at, State state) {
        this.report = report;
        this.ended = at;
        this.state = state;
        done.countDown();
    }

    /** Asks the run to stop after the message it is on; it commits what it did and ends CANCELLED. */
    public void cancel() {
        cancelRequested = true;
    }

    @Override
    public boolean cancelled() {
        return cancelRequested;
    }

    /** Waits until the run has ended (completed, failed or cancelled). */
    public void await() throws InterruptedException {
        done.await();
    }

    /** Waits until the run has ended; if interrupted meanwhile, cancels it, still waits, and interrupts again. */
    public void awaitCancellingOnInterrupt() {
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                cancel();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
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
        return state == State.COMPLETED || state == State.FAILED || state == State.CANCELLED;
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
