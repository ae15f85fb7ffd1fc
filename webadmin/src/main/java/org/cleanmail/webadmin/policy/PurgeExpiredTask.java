package org.cleanmail.webadmin.policy;

import org.apache.james.task.Task;
import org.apache.james.task.TaskType;
import org.cleanmail.core.quarantine.PurgeProgress;
import org.cleanmail.core.quarantine.PurgeResult;
import org.cleanmail.james.policy.PolicyServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges the expired quarantine entries now, as the periodic job does. Its counts
 * (expired, purged, mails deleted, skipped, failed) are logged at INFO when it ends; the task
 * has no additional information at {@code /tasks/{id}} (that needs a JSON DTO module
 * registered with {@code guice.extension.task=}, not written yet). PARTIAL when a mail
 * could not be deleted.
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

    /** What the purge has counted so far. */
    public PurgeResult progress() {
        return progress.snapshot();
    }
}
