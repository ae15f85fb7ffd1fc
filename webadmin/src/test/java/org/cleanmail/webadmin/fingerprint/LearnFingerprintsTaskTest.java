package org.cleanmail.webadmin.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.apache.james.task.Task;
import org.cleanmail.core.learning.LearnCounts;
import org.cleanmail.core.learning.LearnKind;
import org.cleanmail.james.CleanMailConfiguration;
import org.cleanmail.james.CleanMailRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnFingerprintsTaskTest {
    private static final Path SPAM = Path.of(System.getProperty("cleanmail.corpus", "../../shared/corpus"),
        "spamassassin-public", "spam");
    private static final int FILES = 20;

    @TempDir
    Path folder;

    private CleanMailRuntime runtime;
    private BulkLearning learning;
    private Path spam;

    @BeforeEach
    void setUp() throws IOException {
        runtime = new CleanMailRuntime(CleanMailConfiguration.defaults(), new RecordingMetricFactory(),
            CleanMailRuntime.openEngine(CleanMailConfiguration.defaults(), folder.resolve("state")));
        learning = new BulkLearning(runtime, Clock.systemUTC());
        spam = Files.createDirectories(folder.resolve("spam"));
        for (int i = 1; i <= FILES; i++) {
            String name = String.format("%05d.eml", i);
            Files.copy(SPAM.resolve(name), spam.resolve(name));
        }
    }

    @AfterEach
    void tearDown() {
        runtime.close();
    }

    private static LearnCounts counts(Task task) {
        return ((LearnDetails) task.details().orElseThrow()).counts();
    }

    @Test
    void aTaskShouldLearnEveryFileAndShowItsCounts() throws Exception {
        LearnFingerprintsTask task = new LearnFingerprintsTask(learning, List.of(spam), LearnKind.SPAM);

        assertThat(task.run()).isEqualTo(Task.Result.COMPLETED);

        LearnCounts counts = counts(task);
        assertThat(counts.filesSeen()).isEqualTo(FILES);
        assertThat(counts.learned() + counts.skippedDuplicate() + counts.skippedTooShort()).isEqualTo(FILES);
        assertThat(counts.learned()).isPositive();
        assertThat(counts.currentPath()).isEmpty();
    }

    @Test
    void aCancelledTaskShouldStopAndLeaveTheDatabaseUsable() throws Exception {
        LearnFingerprintsTask task = new LearnFingerprintsTask(learning, List.of(spam), LearnKind.SPAM);

        Thread.currentThread().interrupt();
        assertThatThrownBy(task::run).isInstanceOf(InterruptedException.class);

        assertThat(counts(task).messagesSeen()).isLessThan(FILES);
        LearnFingerprintsTask next = new LearnFingerprintsTask(learning, List.of(spam), LearnKind.SPAM);
        assertThat(next.run()).isEqualTo(Task.Result.COMPLETED);
        assertThat(counts(next).filesSeen()).isEqualTo(FILES);
    }

    @Test
    void aSecondTaskShouldNotRunWhileOneIsRunning() throws Exception {
        assertThat(learning.tryStart()).isTrue();
        try {
            LearnFingerprintsTask second = new LearnFingerprintsTask(learning, List.of(spam), LearnKind.SPAM);

            assertThat(second.run()).isEqualTo(Task.Result.PARTIAL);
            assertThat(counts(second).messagesSeen()).isZero();
        } finally {
            learning.finish();
        }
    }
}
