package org.cleanmail.webadmin.policy;

import java.util.Optional;

import org.apache.james.task.Task;
import org.apache.james.task.TaskExecutionDetails;
import org.apache.james.task.TaskType;
import org.cleanmail.core.quarantine.PurgeProgress;
import org.cleanmail.core.quarantine.PurgeResult;
import org.cleanmail.james.policy.PolicyServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges the expired quarantine entries now, as the periodic job does. Its counts
 * (expired, purged, mails deleted, skipped, failed) are its additional information at
 * {@code /tasks/{id}} ({@link PurgeDetailsDTO}, registered by {@code org.cleanmail.webadmin.CleanMailTaskExtension}, with the task's
 * own JSON form {@link PurgeExpiredTaskDTO})
 * and are logged at INFO when it ends. PARTIAL when a mail could not be deleted.
 */
public class PurgeExpiredTask implements Task {
    public static final TaskType TYPE = TaskType.of("cleanmail-quarantine-purge");

    private static final Logger LOGGER = LoggerFactory.getLogger(PurgeExpiredTask.class);

    private final PolicyServices services;
    private final PurgeProgress progress = new PurgeProgress();

    public PurgeExpiredTask(PolicyServices services) {
        this.services = services;
    }

    @Override
    public Result run() {
        PurgeResult result = services.purgeExpired(progress);
        LOGGER.info("Quarantine purge task: {}", result);
        return result.failedMails() == 0 ? Result.COMPLETED : Result.PARTIAL;
    }

    @Override
    public TaskType type() {
        return TYPE;
    }

    @Override
    public Optional<TaskExecutionDetails.AdditionalInformation> details() {
        return Optional.of(new PurgeDetails(progress.snapshot(), services.clock().instant()));
    }
}
