package org.cleanmail.james.archive;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

import org.cleanmail.archive.MaintenanceCancelledException;
import org.cleanmail.archive.MaintenanceReport;
import org.cleanmail.archive.MessageArchive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive's long operations on one named background thread, so that they never run
 * together: repair and re-indexing on request (one at a time, progress in
 * {@link MaintenanceRun}, cancellable), the daily retention purge and purges on request.
 */
public final class ArchiveMaintenance implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(ArchiveMaintenance.class);
    private static final Duration PURGE_PERIOD = Duration.ofDays(1);
    private static final Duration FIRST_PURGE_DELAY = Duration.ofMinutes(1);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    private final MessageArchive archive;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final AtomicReference<MaintenanceRun> last = new AtomicReference<>();

    public ArchiveMaintenance(MessageArchive archive, Clock clock) {
        this.archive = archive;
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cleanmail-archive-maintenance");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Purges mail older than the retention once a day, the first time a minute after start. */
    public void schedulePurge(Duration retention) {
        executor.scheduleWithFixedDelay(() -> purge(retention), FIRST_PURGE_DELAY.toMillis(), PURGE_PERIOD.toMillis(),
            TimeUnit.MILLISECONDS);
    }

    /**
     * Starts a repair or a re-indexing in the background; empty when one is already
     * waiting or running.
     */
    public synchronized Optional<MaintenanceRun> start(MaintenanceRun.Kind kind) {
        MaintenanceRun current = last.get();
        if (current != null && !current.finished()) {
            return Optional.empty();
        }
        MaintenanceRun run = new MaintenanceRun(kind, clock.instant());
        last.set(run);
        executor.execute(() -> run(run));
        return Optional.of(run);
    }

    /** Whether a repair or re-indexing is waiting or running. */
    public boolean busy() {
        MaintenanceRun current = last.get();
        return current != null && !current.finished();
    }

    /**
     * Purges now, on the maintenance thread (after any run in progress), and waits: what
     * arrived before the cutoff is deleted; the consumer hears the count after each message.
     */
    public long purgeNow(Instant cutoff, LongConsumer progress) throws IOException, InterruptedException {
        Future<Long> purge = executor.submit(() -> archive.purgeOlderThan(cutoff, progress));
        try {
            return purge.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException) {
                throw (IOException) e.getCause();
            }
            throw new IllegalStateException("Archive purge failed: " + e.getCause(), e.getCause());
        }
    }

    /** The latest run, finished or not. */
    public Optional<MaintenanceRun> lastRun() {
        return Optional.ofNullable(last.get());
    }

    private void run(MaintenanceRun run) {
        run.started();
        LOGGER.info("Archive {} started", run.kind().keyword());
        try {
            MaintenanceReport report = run.kind() == MaintenanceRun.Kind.REPAIR ? archive.repair(run)
                : archive.reindexAll(run);
            run.completed(report, clock.instant());
        } catch (MaintenanceCancelledException e) {
            LOGGER.info("Archive {} cancelled: {}", run.kind().keyword(), e.partial());
            run.cancelled(e.partial(), clock.instant());
        } catch (IOException | RuntimeException e) {
            LOGGER.error("Archive {} failed", run.kind().keyword(), e);
            run.failed(e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
        }
    }

    private void purge(Duration retention) {
        try {
            archive.purgeExpired(retention);
        } catch (IOException | RuntimeException e) {
            LOGGER.error("Archive retention purge failed; it runs again in {}", PURGE_PERIOD, e);
        }
    }

    @Override
    public void close() {
        MaintenanceRun current = last.get();
        if (current != null && !current.finished()) {
            current.cancel();
        }
        // No interrupt: Lucene closes a file channel whose thread is interrupted, which
        // invalidates the index's write lock under the archive's feet. A cancelled run stops
        // after its current message; the periodic purge is dropped by shutdown().
        executor.shutdown();
        try {
            if (!executor.awaitTermination(CLOSE_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                LOGGER.warn("Archive maintenance still busy {} after close; it is left to finish", CLOSE_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
