package org.cleanmail.core.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.cleanmail.core.policy.DispositionAction;
import org.cleanmail.core.policy.DispositionReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeletionLogTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final SettableClock clock = new SettableClock(T0);

    @TempDir
    Path folder;

    @Test
    void recordShouldStampTheClocksTime() {
        DeletionLog log = DeletionLog.inMemory(clock, 10);

        DeletionRecord deletion = log.record("<a@x>", "spammer@bad.example", List.of("alice@example.com"),
            DispositionReason.CERTAIN_SPAM);

        assertThat(deletion).isEqualTo(new DeletionRecord("<a@x>", "spammer@bad.example", List.of("alice@example.com"),
            DispositionReason.CERTAIN_SPAM, T0));
        assertThat(log.recent()).containsExactly(deletion);
    }

    @Test
    void recentShouldKeepTheNewestUpToTheCapacityNewestFirst() {
        DeletionLog log = DeletionLog.inMemory(clock, 2);
        for (int i = 1; i <= 3; i++) {
            log.record("<m" + i + "@x>", "", List.of("alice@example.com"), DispositionReason.SPAM);
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(log.recent()).extracting(DeletionRecord::messageId).containsExactly("<m3@x>", "<m2@x>");
        assertThat(log.recordedSinceStart()).isEqualTo(3);
    }

    @Test
    void recentForShouldFindTheRecipientsDeletionsInAnyCase() {
        DeletionLog log = DeletionLog.inMemory(clock, 10);
        log.record("<m1@x>", "", List.of("Alice@Example.com", "bob@example.com"), DispositionReason.VIRUS);
        log.record("<m2@x>", "", List.of("bob@example.com"), DispositionReason.SPAM);

        assertThat(log.recentFor("alice@example.COM")).extracting(DeletionRecord::messageId).containsExactly("<m1@x>");
        assertThat(log.recentFor("bob@example.com")).hasSize(2);
    }

    @Test
    void recentWithMessageIdShouldIgnoreAngleBrackets() {
        DeletionLog log = DeletionLog.inMemory(clock, 10);
        log.record("<m1@x>", "", List.of("alice@example.com"), DispositionReason.VIRUS);

        assertThat(log.recentWithMessageId("m1@x")).hasSize(1);
        assertThat(log.recentWithMessageId("m2@x")).isEmpty();
    }

    @Test
    void rejectionsShouldBeRecordedAsSuchAndSurviveARestart() throws IOException {
        DeletionLog log = DeletionLog.openIn(folder, clock, 10);
        log.record("<m1@x>", "", List.of("alice@example.com"), DispositionReason.SPAM);
        log.recordRejection("<m2@x>", "s@x.example", List.of("alice@example.com"), DispositionReason.CERTAIN_SPAM);

        assertThat(DeletionLog.openIn(folder, clock, 10).recent()).extracting(DeletionRecord::action)
            .containsExactly(DispositionAction.REJECT, DispositionAction.DELETE);
    }

    @Test
    void aLineWrittenBeforeActionsWereRecordedShouldReadAsADeletion() throws IOException {
        Files.writeString(folder.resolve(DeletionLog.FILE_NAME), "{\"messageId\":\"<old@x>\",\"sender\":\"\","
            + "\"recipients\":[\"alice@example.com\"],\"reason\":\"SPAM\",\"time\":\"2026-01-01T00:00:00Z\"}\n",
            StandardCharsets.UTF_8);

        assertThat(DeletionLog.openIn(folder, clock, 10).recent()).singleElement()
            .extracting(DeletionRecord::action).isEqualTo(DispositionAction.DELETE);
    }

    @Test
    void deletionsShouldSurviveARestartAndSkipATornLine() throws IOException {
        DeletionLog log = DeletionLog.openIn(folder, clock, 10);
        log.record("<m1@x>", "s@x.example", List.of("alice@example.com"), DispositionReason.BLACKLISTED);
        Files.writeString(folder.resolve(DeletionLog.FILE_NAME), "{\"messageId\":\"<m2", StandardCharsets.UTF_8,
            StandardOpenOption.APPEND);

        DeletionLog reopened = DeletionLog.openIn(folder, clock, 10);

        assertThat(reopened.recent()).isEqualTo(log.recent());
        assertThat(reopened.recordedSinceStart()).isZero();
        reopened.record("<m3@x>", "", List.of("bob@example.com"), DispositionReason.SPAM);
        assertThat(DeletionLog.openIn(folder, clock, 10).recent()).extracting(DeletionRecord::messageId)
            .containsExactly("<m3@x>", "<m1@x>");
    }

    @Test
    void theFileShouldOnlyGrow() throws IOException {
        DeletionLog log = DeletionLog.openIn(folder, clock, 1);
        log.record("<m1@x>", "", List.of("alice@example.com"), DispositionReason.SPAM);
        log.record("<m2@x>", "", List.of("alice@example.com"), DispositionReason.SPAM);

        assertThat(Files.readAllLines(folder.resolve(DeletionLog.FILE_NAME))).hasSize(2);
        assertThat(log.recent()).hasSize(1);
    }

    @Test
    void capacityBelowOneShouldBeRefused() {
        assertThatThrownBy(() -> DeletionLog.inMemory(clock, 0))
            .hasMessage("'capacity' must be at least 1, e.g. 10000; got 0");
    }
}
