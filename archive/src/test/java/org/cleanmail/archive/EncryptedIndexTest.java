package org.cleanmail.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cleanmail.archive.ArchiveFixture.archive;
import static org.cleanmail.archive.ArchiveFixture.day;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.cleanmail.archive.crypto.EncryptedDirectory;
import org.cleanmail.archive.crypto.KeyRing;
import org.cleanmail.archive.crypto.WrongArchiveKeyException;
import org.cleanmail.archive.search.ArchiveHit;
import org.cleanmail.archive.search.ArchiveQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive's index is encrypted on disk and still searchable, across restarts and key rotations. */
class EncryptedIndexTest {
    private static final String ALICE = "alice@example.com";
    private static final String BOB = "bob@example.com";
    private static final String TOKEN = "Zorbulation7Quintessa";

    @TempDir
    Path folder;

    @Test
    void noIndexFileShouldHoldAUniqueTokenOfASubjectOrBody() throws IOException {
        ArchiveFixture fixture = new ArchiveFixture(folder);
        try (MessageArchive archive = fixture.open(TestKeys.single())) {
            for (int i = 0; i < 20; i++) {
                archive(archive, ALICE, BOB, "Report " + TOKEN + " " + i, "The " + TOKEN + " body " + i, day(1 + i));
            }
            archive.refresh();
            assertThat(archive.search(ArchiveQuery.of("body:" + TOKEN.toLowerCase())).total()).isEqualTo(20);
        }

        Path index = fixture.settings(TestKeys.single()).indexFolder();
        assertThat(filesOf(index)).isNotEmpty();
        assertThat(filesHolding(index, TOKEN)).isEmpty();
        assertThat(filesHolding(index, TOKEN.toLowerCase())).isEmpty();
    }

    @Test
    void theTokenCheckShouldFindTheTokenInAPlaintextIndex() throws IOException {
        Path plain = folder.resolve("plain");
        try (FSDirectory directory = FSDirectory.open(plain);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            Document document = new Document();
            document.add(new StoredField("subject", "Report " + TOKEN));
            document.add(new TextField("body", "The " + TOKEN + " body", Field.Store.NO));
            writer.addDocument(document);
        }

        assertThat(filesHolding(plain, TOKEN.toLowerCase())).isNotEmpty();
    }

    @Test
    void theArchiveShouldStaySearchableAfterARestart() throws IOException {
        ArchiveFixture fixture = new ArchiveFixture(folder);
        try (MessageArchive archive = fixture.open(TestKeys.single())) {
            archive(archive, ALICE, BOB, "Quarterly invoice", "amounts due " + TOKEN, day(1));
            archive(archive, BOB, ALICE, "Lunch", "at noon", day(2));
        }

        try (MessageArchive archive = fixture.open(TestKeys.single())) {
            assertThat(archive.indexRebuildNeeded()).isFalse();
            assertThat(subjects(archive, "body:" + TOKEN.toLowerCase())).containsExactly("Quarterly invoice");
            assertThat(subjects(archive, "from:" + BOB)).containsExactly("Lunch");
        }
    }

    @Test
    void aKeyFileWithOtherMaterialUnderTheSameIdShouldFailClearly() throws IOException {
        ArchiveFixture fixture = new ArchiveFixture(folder);
        try (MessageArchive archive = fixture.open(TestKeys.ring("2026-01", TestKeys.key("2026-01", 1)))) {
            archive(archive, ALICE, BOB, "Secret", "text", day(1));
        }

        KeyRing impostor = TestKeys.ring("2026-01", TestKeys.key("2026-01", 2));
        assertThatThrownBy(() -> fixture.open(impostor))
            .isInstanceOf(WrongArchiveKeyException.class)
            .hasMessageContaining("'2026-01'")
            .hasMessageContaining("does not belong to this archive");
    }

    @Test
    void aRotatedKeyShouldEncryptNewIndexFilesAndKeepOldOnesReadable() throws IOException {
        ArchiveFixture fixture = new ArchiveFixture(folder);
        try (MessageArchive archive = fixture.open(TestKeys.ring("2026-01", TestKeys.key("2026-01", 1)))) {
            archive(archive, ALICE, BOB, "Before rotation", "text", day(1));
        }
        KeyRing rotated = TestKeys.ring("2026-07", TestKeys.key("2026-01", 1), TestKeys.key("2026-07", 2));

        try (MessageArchive archive = fixture.open(rotated)) {
            archive(archive, ALICE, BOB, "After rotation", "text", day(2));
            archive.refresh();
            assertThat(subjects(archive, "text")).containsExactlyInAnyOrder("Before rotation", "After rotation");
        }
        Path index = fixture.settings(rotated).indexFolder();
        assertThat(filesHolding(index, "2026-07")).isNotEmpty();
    }

    @Test
    void anIndexWhoseKeyWasRemovedShouldBeRebuiltFromTheContentStore() throws IOException {
        ArchiveFixture fixture = new ArchiveFixture(folder);
        KeyRing both = TestKeys.ring("2026-07", TestKeys.key("2026-01", 1), TestKeys.key("2026-07", 2));
        try (MessageArchive archive = fixture.open(TestKeys.ring("2026-01", TestKeys.key("2026-01", 1)))) {
            archive(archive, ALICE, BOB, "Old key", "text", day(1));
        }
        try (MessageArchive archive = fixture.open(both)) {
            archive(archive, ALICE, BOB, "New key", "text", day(2));
        }

        try (MessageArchive archive = fixture.open(TestKeys.ring("2026-07", TestKeys.key("2026-07", 2)))) {
            assertThat(archive.indexRebuildNeeded()).isTrue();
            MaintenanceReport report = archive.repair(MaintenanceProgress.NONE);
            assertThat(report.indexed()).isEqualTo(1);
            assertThat(report.unreadable()).isEqualTo(1);
            assertThat(subjects(archive, "text")).containsExactly("New key");
        }
    }

    @Test
    void aPlaintextIndexOfAnOlderVersionShouldBeDeletedAndRebuilt() throws IOException {
        ArchiveFixture fixture = new ArchiveFixture(folder);
        try (MessageArchive archive = fixture.open(TestKeys.single())) {
            archive(archive, ALICE, BOB, "Archived before the upgrade", TOKEN, day(1));
        }
        Path index = fixture.settings(TestKeys.single()).indexFolder();
        try (Stream<Path> files = Files.list(index)) {
            for (Path file : files.collect(Collectors.toList())) {
                Files.delete(file);
            }
        }
        try (FSDirectory directory = FSDirectory.open(index);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            Document document = new Document();
            document.add(new TextField("body", TOKEN, Field.Store.YES));
            writer.addDocument(document);
        }
        assertThat(EncryptedDirectory.holdsPlaintextIndex(index)).isTrue();

        try (MessageArchive archive = fixture.open(TestKeys.single())) {
            assertThat(archive.indexRebuildNeeded()).isTrue();
            assertThat(filesHolding(index, TOKEN)).isEmpty();
            archive.repair(MaintenanceProgress.NONE);
            assertThat(subjects(archive, "body:" + TOKEN.toLowerCase())).containsExactly("Archived before the upgrade");
        }
        assertThat(EncryptedDirectory.holdsPlaintextIndex(index)).isFalse();
    }

    private static List<String> subjects(MessageArchive archive, String query) throws IOException {
        return archive.search(ArchiveQuery.of(query)).hits().stream().map(ArchiveHit::subject)
            .collect(Collectors.toList());
    }

    private static List<Path> filesOf(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).collect(Collectors.toList());
        }
    }

    private static List<Path> filesHolding(Path folder, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        return filesOf(folder).stream().filter(file -> contains(read(file), needle)).collect(Collectors.toList());
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
