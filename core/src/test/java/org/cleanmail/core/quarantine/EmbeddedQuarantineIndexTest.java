package org.cleanmail.core.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanmail.core.quarantine.QuarantineIndexContract.ALICE;
import static org.cleanmail.core.quarantine.QuarantineIndexContract.BOB;
import static org.cleanmail.core.quarantine.QuarantineIndexContract.T0;
import static org.cleanmail.core.quarantine.QuarantineIndexContract.entry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedQuarantineIndexTest {
    @Nested
    class InMemory implements QuarantineIndexContract {
        @Override
        public QuarantineIndex index() {
            return EmbeddedQuarantineIndex.inMemory();
        }
    }

    @Nested
    class InAFolder implements QuarantineIndexContract {
        @TempDir
        Path folder;

        @Override
        public QuarantineIndex index() {
            try {
                return EmbeddedQuarantineIndex.openIn(folder);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @TempDir
    Path folder;

    @Test
    void entriesReleasesAndRemovalsShouldSurviveARestart() throws IOException {
        EmbeddedQuarantineIndex index = EmbeddedQuarantineIndex.openIn(folder);
        index.add(entry("m1", ALICE, 7.5, T0));
        index.add(entry("m1", BOB, 7.5, T0));
        index.add(entry("m2", ALICE, 30.0, T0.plusSeconds(5)));
        index.markReleased(QuarantineEntryId.of("m1", ALICE));
        index.remove(QuarantineEntryId.of("m2", ALICE));

        EmbeddedQuarantineIndex reopened = EmbeddedQuarantineIndex.openIn(folder);

        assertThat(reopened.list(QuarantineQuery.all())).isEqualTo(index.list(QuarantineQuery.all()));
        assertThat(reopened.get(QuarantineEntryId.of("m1", ALICE)).orElseThrow().released()).isTrue();
        assertThat(reopened.get(QuarantineEntryId.of("m1", BOB)).orElseThrow().released()).isFalse();
        assertThat(reopened.get(QuarantineEntryId.of("m2", ALICE))).isEmpty();
    }

    @Test
    void openingShouldCompactTheJournalToOneLinePerEntry() throws IOException {
        EmbeddedQuarantineIndex index = EmbeddedQuarantineIndex.openIn(folder);
        index.add(entry("m1", ALICE, 7.5, T0));
        index.add(entry("m2", ALICE, 7.5, T0));
        index.markReleased(QuarantineEntryId.of("m1", ALICE));
        index.remove(QuarantineEntryId.of("m2", ALICE));
        Path journal = folder.resolve(EmbeddedQuarantineIndex.FILE_NAME);
        assertThat(Files.readAllLines(journal)).hasSize(4);

        EmbeddedQuarantineIndex.openIn(folder);

        assertThat(Files.readAllLines(journal)).hasSize(1);
    }

    @Test
    void aLongJournalShouldBeCompactedWithoutLosingTheChangeThatTriggeredIt() throws IOException {
        EmbeddedQuarantineIndex index = EmbeddedQuarantineIndex.openIn(folder, 10);
        for (int i = 0; i < 30; i++) {
            index.add(entry("m" + i, ALICE, i, T0.plusSeconds(i)));
            if (i > 0) {
                index.remove(QuarantineEntryId.of("m" + (i - 1), ALICE));
            }
        }
        index.markReleased(QuarantineEntryId.of("m29", ALICE));

        assertThat(Files.readAllLines(folder.resolve(EmbeddedQuarantineIndex.FILE_NAME)).size()).isLessThan(12);
        EmbeddedQuarantineIndex reopened = EmbeddedQuarantineIndex.openIn(folder);
        assertThat(reopened.list(QuarantineQuery.all()).entries()).extracting(QuarantineEntry::mailKey).containsExactly("m29");
        assertThat(reopened.get(QuarantineEntryId.of("m29", ALICE)).orElseThrow().released()).isTrue();
    }

    @Test
    void aTornLastLineShouldBeSkipped() throws IOException {
        EmbeddedQuarantineIndex index = EmbeddedQuarantineIndex.openIn(folder);
        index.add(entry("m1", ALICE, 7.5, T0));
        Files.writeString(folder.resolve(EmbeddedQuarantineIndex.FILE_NAME), "{\"op\":\"add\",\"entry\":{\"mailK",
            StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        EmbeddedQuarantineIndex reopened = EmbeddedQuarantineIndex.openIn(folder);

        assertThat(reopened.size()).isEqualTo(1);
        assertThat(reopened.get(QuarantineEntryId.of("m1", ALICE))).isPresent();
    }

    @Test
    void aLineWithABadEntryShouldBeSkippedAndTheRestKept() throws IOException {
        Files.writeString(folder.resolve(EmbeddedQuarantineIndex.FILE_NAME),
            "{\"op\":\"add\",\"entry\":{\"mailKey\":\"m0\",\"recipient\":\"not an address\"}}\n"
                + "{\"op\":\"shred\",\"mailKey\":\"m0\",\"recipient\":\"alice@example.com\"}\n",
            StandardCharsets.UTF_8);
        EmbeddedQuarantineIndex index = EmbeddedQuarantineIndex.openIn(folder);
        index.add(entry("m1", ALICE, 7.5, T0));

        assertThat(EmbeddedQuarantineIndex.openIn(folder).size()).isEqualTo(1);
    }

    @Test
    void claimsShouldNotSurviveARestart() throws IOException {
        EmbeddedQuarantineIndex index = EmbeddedQuarantineIndex.openIn(folder);
        QuarantineEntryId id = QuarantineEntryId.of("m1", ALICE);
        index.add(entry("m1", ALICE, 7.5, T0));
        index.beginRelease(id);

        assertThat(EmbeddedQuarantineIndex.openIn(folder).beginRelease(id)).isTrue();
    }
}
