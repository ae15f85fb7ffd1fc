package org.cleanmail.webadmin.fingerprint;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.apache.james.task.Task;
import org.apache.james.task.TaskExecutionDetails;
import org.apache.james.task.TaskType;
import org.cleanmail.core.learning.LearnCounts;
import org.cleanmail.core.learning.LearnKind;
import org.cleanmail.core.learning.LearnProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns every message of folders (recursively) and mbox files on the server into the
 * fingerprint database, as spam or ham, with the code of {@code ./cleanmail learn}. Its
 * progress (files seen, messages learned, skipped as too short or duplicate, failed with
 * reasons, the current file) is its additional information at {@code /tasks/{id}}
 * ({@link LearnDetailsDTO}). Cancellable: the learning stops before the next message (it
 * runs in its own thread, so the interruption of a cancelled task never reaches the
 * database's files). One runs at a time: a second one started meanwhile fails at once.
 * PARTIAL when a message failed.
 */
public class LearnFingerprintsTask implements Task {
    public static final TaskType TYPE = TaskType.of("cleanmail-fingerprints-learn");

    private static final Logger LOGGER = LoggerFactory.getLogger(LearnFingerprintsTask.class);

    private final BulkLearning learning;
    private final List<Path> sources;
    private final LearnKind kind;
    private final LearnProgress progress = new LearnProgress();

    public LearnFingerprintsTask(BulkLearning learning, List<Path> sources, LearnKind kind) {
        this.learning = Objects.requireNonNull(learning, "learning");
        this.sources = List.copyOf(sources);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public List<Path> sources() {
        return sources;
    }

    public LearnKind kind() {
        return kind;
    }

    @Override
    public Result run() throws InterruptedException {
        if (!learning.tryStart()) {
            LOGGER.warn("Fingerprint learning of {} refused: another learning task is running", sources);
            return Result.PARTIAL;
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        CompletableFuture<Boolean> learned = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                learned.complete(learning.learner().learn(sources, kind, progress, cancelled::get));
            } catch (RuntimeException | Error e) {
                learned.completeExceptionally(e);
            }
        }, "cleanmail-fingerprint-learning");
        worker.setDaemon(true);
        try {
            worker.start();
            boolean finished = learned.get();
            LearnCounts counts = progress.snapshot();
            LOGGER.info("Fingerprint learning of {} as {} {}: {}", sources, kind.asText(),
                finished ? "done" : "stopped", counts);
            return counts.failed() == 0 ? Result.COMPLETED : Result.PARTIAL;
        } catch (InterruptedException e) {
            cancelled.set(true);
            learned.handle((result, failure) -> result).join();
            LOGGER.info("Fingerprint learning of {} cancelled: {}", sources, progress.snapshot());
            throw e;
        } catch (ExecutionException e) {
            progress.failed(sources.toString(), String.valueOf(e.getCause().getMessage()));
            LOGGER.error("Fingerprint learning of {} failed: {}", sources, progress.snapshot(), e.getCause());
            return Result.PARTIAL;
        } finally {
            learning.finish();
        }
    }

    @Override
    public TaskType type() {
        return TYPE;
    }

    @Override
    public Optional<TaskExecutionDetails.AdditionalInformation> details() {
        return Optional.of(new LearnDetails(kind, sources.stream().map(Path::toString).collect(Collectors.toList()),
            progress.snapshot(), learning.clock().instant()));
    }
}
