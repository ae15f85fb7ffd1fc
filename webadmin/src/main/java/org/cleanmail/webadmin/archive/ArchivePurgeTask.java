package org.cleanmail.webadmin.archive;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.james.task.Task;
import org.apache.james.task.TaskExecutionDetails;
import org.apache.james.task.TaskType;
import org.cleanmail.james.archive.ArchiveMaintenance;
import org.cleanmail.james.archive.ArchiveService;

/**
 * Purges the archived mail that arrived before a cutoff (now less {@code archive.retention-days}
 * when requested), as the daily job does, as a James task: {@code /tasks/{id}} shows the
 * cutoff and the count purged so far ({@link ArchivePurgeDetails}). Runs on the archive's
 * maintenance thread, after any repair or re-indexing; once started it runs to its end
 * (each message deleted is deleted for good).
 */
public final class ArchivePurgeTask implements Task {
    public static final TaskType TYPE = TaskType.of("cleanmail-archive-purge");

    private final ArchiveService service;
    private final Instant cutoff;
    private final Clock clock;
    private final AtomicLong purged = new AtomicLong();

    public ArchivePurgeTask(ArchiveService service, Instant cutoff, Clock clock) {
        this.service = service;
        this.cutoff = cutoff;
        this.clock = clock;
    }

    public Instant cutoff() {
        return cutoff;
    }

    @Override
    public Result run() throws InterruptedException {
        Optional<ArchiveMaintenance> maintenance = service.maintenance();
        if (maintenance.isEmpty()) {
            LOGGER.warn("Archive purge task not run: the archive is disabled");
            return Result.PARTIAL;
        }
        try {
            long count = maintenance.get().purgeNow(cutoff, purged::set);
            LOGGER.info("Archive purge task: {} message(s) that arrived before {} deleted", count, cutoff);
            return Result.COMPLETED;
        } catch (IOException | RuntimeException e) {
            LOGGER.error("Archive purge task failed after {} message(s)", purged.get(), e);
            return Result.PARTIAL;
        }
    }

    @Override
    public TaskType type() {
        return TYPE;
    }

    @Override
    public Optional<TaskExecutionDetails.AdditionalInformation> details() {
        return Optional.of(new ArchivePurgeDetails(cutoff, purged.get(), clock.instant()));
    }
}
