package org.cleanmail.core.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenDatabaseTest {
    private static final long[] FIRST = {1, 2, 3};
    private static final long[] SECOND = {2, 3, 4, 5};

    @TempDir
    Path folder;

    @Test
    void learningShouldCountMessagesAndTokens() {
        TokenDatabase database = TokenDatabase.inMemory(1000);
        assertThat(database.learn(FIRST, true)).isEqualTo(LearnResult.LEARNED);
        assertThat(database.learn(SECOND, false)).isEqualTo(LearnResult.LEARNED);

        assertThat(database.statistics().spamMessages()).isEqualTo(1);
        assertThat(database.statistics().hamMessages()).isEqualTo(1);
        assertThat(database.statistics().tokens()).isEqualTo(5);
        TokenCounts shared = database.counts(2);
        assertThat(shared.spam()).isEqualTo(1);
        assertThat(shared.ham()).isEqualTo(1);
    }

    @Test
    void learningTheSameMessageTwiceShouldCountItOnce() {
        TokenDatabase database = TokenDatabase.inMemory(1000);
        database.learn(FIRST, true);
        assertThat(database.learn(FIRST.clone(), true)).isEqualTo(LearnResult.ALREADY_LEARNED);
        assertThat(database.statistics().spamMessages()).isEqualTo(1);
        assertThat(database.counts(1).spam()).isEqualTo(1);
    }

    @Test
    void learningAMessageAsTheOtherClassShouldMoveIt() {
        TokenDatabase database = TokenDatabase.inMemory(1000);
        database.learn(FIRST, true);
        assertThat(database.learn(FIRST, false)).isEqualTo(LearnResult.RELEARNED);

        assertThat(database.statistics().spamMessages()).isZero();
        assertThat(database.statistics().hamMessages()).isEqualTo(1);
        assertThat(database.counts(1).spam()).isZero();
        assertThat(database.counts(1).ham()).isEqualTo(1);
    }

    @Test
    void forgettingShouldUndoTheLearning() {
        TokenDatabase database = TokenDatabase.inMemory(1000);
        database.learn(FIRST, true);
        database.learn(SECOND, true);
        assertThat(database.forget(FIRST)).isTrue();
        assertThat(database.forget(FIRST)).isFalse();

        assertThat(database.statistics().spamMessages()).isEqualTo(1);
        assertThat(database.counts(1).spam()).isZero();
        assertThat(database.counts(2).spam()).isEqualTo(1);
        assertThat(database.statistics().tokens()).isEqualTo(4);
    }

    @Test
    void anEmptyMessageShouldTeachNothing() {
        TokenDatabase database = TokenDatabase.inMemory(1000);
        assertThat(database.learn(new long[0], true)).isEqualTo(LearnResult.EMPTY);
        assertThat(database.statistics().spamMessages()).isZero();
    }

    @Test
    void pastTheMaximumTheTokensOfOneMessageShouldGo() {
        TokenDatabase database = TokenDatabase.inMemory(1000);
        long[] common = LongStream.range(0, 10).toArray();
        database.learn(common, true);
        database.learn(LongStream.range(0, 20).toArray(), true);
        database.learn(LongStream.range(10_000, 11_000).toArray(), false);

        assertThat(database.statistics().tokens()).isEqualTo(10);
        assertThat(database.counts(5).spam()).isEqualTo(2);
        assertThat(database.counts(10_500).ham()).isZero();
    }

    @Test
    void reopeningShouldKeepWhatWasLearnt() throws IOException {
        try (TokenDatabase database = TokenDatabase.open(folder, 1000)) {
            database.learn(FIRST, true);
            database.learn(SECOND, false);
        }
        try (TokenDatabase database = TokenDatabase.open(folder, 1000)) {
            assertThat(database.statistics().spamMessages()).isEqualTo(1);
            assertThat(database.statistics().hamMessages()).isEqualTo(1);
            assertThat(database.counts(3).spam()).isEqualTo(1);
            assertThat(database.learn(FIRST, true)).isEqualTo(LearnResult.ALREADY_LEARNED);
        }
    }

    @Test
    void aProcessThatDiedShouldLoseNothingItJournaled() throws IOException {
        TokenDatabase crashed = TokenDatabase.open(folder, 1000);
        crashed.learn(FIRST, true);
        crashed.learn(SECOND, false);
        crashed.abandon();
        try (TokenDatabase database = TokenDatabase.open(folder, 1000)) {
            assertThat(database.statistics().spamMessages()).isEqualTo(1);
            assertThat(database.statistics().hamMessages()).isEqualTo(1);
            assertThat(database.counts(2).ham()).isEqualTo(1);
        }
    }

    @Test
    void aTornLastRecordShouldBeDroppedAndTheRestKept() throws IOException {
        TokenDatabase crashed = TokenDatabase.open(folder, 1000);
        crashed.learn(FIRST, true);
        crashed.learn(SECOND, false);
        crashed.abandon();
        Path journal = folder.resolve(TokenDatabase.JOURNAL);
        byte[] bytes = Files.readAllBytes(journal);
        Files.write(journal, Arrays.copyOf(bytes, bytes.length - 5));

        try (TokenDatabase database = TokenDatabase.open(folder, 1000)) {
            assertThat(database.statistics().spamMessages()).isEqualTo(1);
            assertThat(database.statistics().hamMessages()).isZero();
            database.learn(SECOND, false);
        }
        try (TokenDatabase database = TokenDatabase.open(folder, 1000)) {
            assertThat(database.statistics().hamMessages()).isEqualTo(1);
        }
    }

    @Test
    void aCrashBetweenSnapshotAndNewJournalShouldNotCountTwice() throws IOException {
        TokenDatabase database = TokenDatabase.open(folder, 1000);
        database.learn(FIRST, true);
        database.learn(SECOND, true);
        Path journal = folder.resolve(TokenDatabase.JOURNAL);
        Path oldJournal = folder.resolve("old-journal");
        Files.copy(journal, oldJournal);
        database.compact();
        database.abandon();
        // As if the process died after writing the snapshot and before replacing the journal.
        Files.move(oldJournal, journal, StandardCopyOption.REPLACE_EXISTING);

        try (TokenDatabase reopened = TokenDatabase.open(folder, 1000)) {
            assertThat(reopened.statistics().spamMessages()).isEqualTo(2);
            assertThat(reopened.counts(2).spam()).isEqualTo(2);
        }
    }

    @Test
    void learningAfterACompactionShouldBeKept() throws IOException {
        try (TokenDatabase database = TokenDatabase.open(folder, 1000)) {
            database.learn(FIRST, true);
            database.compact();
            database.learn(SECOND, false);
        }
        try (TokenDatabase database = TokenDatabase.open(folder, 1000)) {
            assertThat(database.statistics().spamMessages()).isEqualTo(1);
            assertThat(database.statistics().hamMessages()).isEqualTo(1);
        }
    }

    @Test
    void aLongJournalShouldBeCompactedOnItsOwn() throws IOException {
        try (TokenDatabase database = TokenDatabase.open(folder, 1000, 200)) {
            for (int i = 0; i < 20; i++) {
                database.learn(new long[] {i, i + 100L}, i % 2 == 0);
            }
            assertThat(Files.size(folder.resolve(TokenDatabase.JOURNAL))).isLessThan(300);
            assertThat(folder.resolve(TokenDatabase.SNAPSHOT)).exists();
        }
        try (TokenDatabase database = TokenDatabase.open(folder, 1000)) {
            assertThat(database.statistics().spamMessages()).isEqualTo(10);
            assertThat(database.statistics().hamMessages()).isEqualTo(10);
        }
    }

    @Test
    void aSecondOpeningOfTheSameFolderShouldBeRefused() throws IOException {
        try (TokenDatabase database = TokenDatabase.open(folder, 1000)) {
            assertThatThrownBy(() -> TokenDatabase.open(folder, 1000))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("in use by another process");
        }
        try (TokenDatabase database = TokenDatabase.open(folder, 1000)) {
            assertThat(database.statistics().tokens()).isZero();
        }
    }

    @Test
    void aForeignSnapshotShouldBeRefusedWithTheFix() throws IOException {
        Files.writeString(folder.resolve(TokenDatabase.SNAPSHOT), "not a snapshot at all", StandardOpenOption.CREATE);
        assertThatThrownBy(() -> TokenDatabase.open(folder, 1000))
            .isInstanceOf(IOException.class)
            .hasMessageContaining(TokenDatabase.SNAPSHOT)
            .hasMessageContaining("move it away");
    }
}
