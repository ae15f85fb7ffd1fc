package org.cleanmail.webadmin.archive;

import java.time.Clock;
import java.util.Optional;

import org.apache.james.task.Task;
import org.apache.james.task.TaskExecutionDetails;
import org.apache.james.task.TaskType;
import org.cleanmail.james.archive.ArchiveService;
import org.cleanmail.james.archive.MaintenanceRun;

/**
 * Re-indexes every archived message, or repairs the index (indexes content without an
 * entry, removes entries without content), as a James task: {@code /tasks/{id}} shows
 * {@link ArchiveMaintenanceDetails} (messages seen, indexed, repaired, failed). The work
 * runs on the archive's maintenance thread, where it never overlaps a purge or another
 * run; cancelling the task stops it after the current message, with what was done
 * committed. Ends PARTIAL (James shows it {@code failed}) when the archive is disabled,
 * another run is going on, the run failed, or some messages could not be read.
 */
public final class ArchiveMaintenanceTask implements Task {
    public static final TaskType TYPE = TaskType.of("cleanmail-archive-maintenance");

    private final ArchiveService service;
    private final MaintenanceRun.Kind kind;
    private final Clock clock;
    private volatile MaintenanceRun run;

    public ArchiveMaintenanceTask(ArchiveService service, MaintenanceRun.Kind kind, Clock clock) {
        this.service = service;
        this.kind = kind;
        this.clock = clock;
    }

    public MaintenanceRun.Kind kind() {
        return kind;
    }

    @Override
    public Result run() {
        Optional<MaintenanceRun> started = service.maintenance().flatMap(maintenance -> maintenance.start(kind));
        if (started.isEmpty()) {
            LOGGER.warn("Archive {} task not run: the archive is disabled or a repair or re-indexing is already"
                + " running", kind.keyword());
            return Result.PARTIAL;
        }
        run = started.get();
        run.awaitCancellingOnInterrupt();
        if (run.state() == MaintenanceRun.State.COMPLETED) {
            return run.unreadable() == 0 ? Result.COMPLETED : Result.PARTIAL;
        }
        return Result.PARTIAL;
    }

    @Override
    public TaskType type() {
        return TYPE;
    }

    @Override
    public Optional<TaskExecutionDetails.AdditionalInformation> details() {
        MaintenanceRun current = run;
        if (current == null) {
            return Optional.of(new ArchiveMaintenanceDetails(kind.keyword(), 0, 0, 0, 0, clock.instant()));
        }
        long repaired = current.removedFromIndex() + (kind == MaintenanceRun.Kind.REPAIR ? current.indexed() : 0);
        return Optional.of(new ArchiveMaintenanceDetails(kind.keyword(), current.scanned(), current.indexed(), repaired,
            current.unreadable(), clock.instant()));
    }
}
