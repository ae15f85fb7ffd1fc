package org.cleanmail.webadmin.archive;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import org.apache.james.task.Task;
import org.apache.james.task.TaskExecutionDetails;
import org.apache.james.task.TaskType;
import org.cleanmail.archive.MessageArchive;
import org.cleanmail.archive.search.ArchiveQuery;
import org.cleanmail.james.archive.ArchiveExport;
import org.cleanmail.james.archive.ArchiveService;

/**
 * Exports the archived mail a search matches (all mail, or a user's own) to an mbox file
 * in {@code <state.directory>/archive/exports/}, as a James task: {@code /tasks/{id}} shows
 * the file name and the counts ({@link ArchiveExportDetails}); the file is then served by
 * {@code GET /cleanmail/archive/exports/{fileName}}. Cancelling stops it and deletes the
 * partial file. Ends PARTIAL (James shows it {@code failed}) when some messages could not
 * be read (they are left out) or the export failed.
 */
public final class ArchiveExportTask implements Task {
    public static final TaskType TYPE = TaskType.of("cleanmail-archive-export");

    private final ArchiveService service;
    private final ArchiveQuery query;
    private final Optional<String> user;
    private final String fileName;
    private final Clock clock;
    private volatile long matched;
    private volatile long exported;
    private volatile long failed;

    public ArchiveExportTask(ArchiveService service, ArchiveQuery query, Optional<String> user, String fileName,
                             Clock clock) {
        this.service = service;
        this.query = query;
        this.user = user;
        this.fileName = fileName;
        this.clock = clock;
    }

    public ArchiveQuery query() {
        return query;
    }

    public Optional<String> user() {
        return user;
    }

    public String fileName() {
        return fileName;
    }

    @Override
    public Result run() {
        Optional<MessageArchive> archive = service.archive();
        if (archive.isEmpty()) {
            LOGGER.warn("Archive export task not run: the archive is disabled");
            return Result.PARTIAL;
        }
        try {
            boolean done = new ArchiveExport(archive.get(), service.exportsFolder()).run(query, user, fileName,
                new ArchiveExport.Progress() {
                    @Override
                    public void matched(long count) {
                        matched = count;
                    }

                    @Override
                    public void exported(long exportedSoFar, long failedSoFar) {
                        exported = exportedSoFar;
                        failed = failedSoFar;
                    }

                    @Override
                    public boolean cancelled() {
                        // James cancels a task by interrupting its thread.
                        return Thread.currentThread().isInterrupted();
                    }
                });
            if (!done) {
                return Result.PARTIAL;
            }
            return failed == 0 ? Result.COMPLETED : Result.PARTIAL;
        } catch (IOException | RuntimeException e) {
            LOGGER.error("Archive export {} failed", fileName, e);
            return Result.PARTIAL;
        }
    }

    @Override
    public TaskType type() {
        return TYPE;
    }

    @Override
    public Optional<TaskExecutionDetails.AdditionalInformation> details() {
        return Optional.of(new ArchiveExportDetails(fileName, user, query.query().orElse(""), matched, exported, failed,
            clock.instant()));
    }
}
