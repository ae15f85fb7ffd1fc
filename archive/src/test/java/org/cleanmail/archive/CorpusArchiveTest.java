package org.cleanmail.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cleanmail.archive.model.ArchiveId;
import org.cleanmail.archive.model.ArchiveMetadata;
import org.cleanmail.archive.search.ArchiveHit;
import org.cleanmail.archive.search.ArchiveQuery;
import org.cleanmail.archive.search.ArchiveSearchResult;
import org.cleanmail.core.message.MailAddress;
import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.message.MessageParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real mail through the archive: every 25th message of the corpus, ham and spam. */
class CorpusArchiveTest {
    private static final int STEP = 25;

    @TempDir
    Path folder;

    @Test
    void corpusMessagesShouldComeBackIdenticalAndPersonalSearchShouldOnlyShowTheUsersMail() throws IOException {
        Map<ArchiveId, byte[]> archived = new HashMap<>();
        List<Path> files = CorpusFiles.all();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        try (MessageArchive archive = new ArchiveFixture(folder).open(TestKeys.single())) {
            for (int i = 0; i < files.size(); i += STEP) {
                byte[] raw = Files.readAllBytes(files.get(i));
                ArchiveId id = archive.archive(raw, ArchiveMetadata.builder(start.plus(Duration.ofMinutes(i)))
                    .envelopeRecipients(List.of("user" + (i % 3) + "@cleanmail.local")).build());
                archived.put(id, raw);
            }
            archive.refresh();

            for (Map.Entry<ArchiveId, byte[]> entry : archived.entrySet()) {
                assertThat(archive.fetch(entry.getKey())).hasValueSatisfying(raw ->
                    assertThat(raw).isEqualTo(entry.getValue()));
            }
            assertThat(archive.indexedCount()).isEqualTo(archived.size());

            String user = mostFrequentSender(archived);
            ArchiveSearchResult personal = archive.searchPersonal(user, ArchiveQuery.builder().limit(100).build());
            assertThat(personal.total()).isGreaterThan(1);
            for (ArchiveHit hit : personal.hits()) {
                assertThat(participants(archived.get(hit.archiveId()))).contains(user);
            }
            ArchiveSearchResult everything = archive.search(ArchiveQuery.builder().limit(1).build());
            assertThat(everything.total()).isEqualTo(archived.size());
            assertThat(archive.search(ArchiveQuery.of("body:the")).total()).isGreaterThan(archived.size() / 2L);
        }
    }

    private static String mostFrequentSender(Map<ArchiveId, byte[]> archived) {
        Map<String, Integer> counts = new HashMap<>();
        for (byte[] raw : archived.values()) {
            MessageParser.defaultParser().parse(raw).headers().addresses("From").stream().findFirst()
                .ifPresent(from -> counts.merge(from.address().toLowerCase(Locale.ROOT), 1, Integer::sum));
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static List<String> participants(byte[] raw) {
        MessageFeatures features = MessageParser.defaultParser().parse(raw);
        List<String> addresses = new ArrayList<>();
        for (String header : List.of("From", "To", "Cc")) {
            for (MailAddress address : features.headers().addresses(header)) {
                addresses.add(address.address().toLowerCase(Locale.ROOT));
            }
        }
        return addresses;
    }

    @Test
    void aHostileMessageShouldBeArchivedInBoundedTime() throws IOException {
        StringBuilder hostile = new StringBuilder("Subject: ");
        hostile.append("=?utf-8?q?x?= ".repeat(20_000)).append("\r\nContent-Type: multipart/mixed; boundary=a\r\n\r\n");
        hostile.append("--a\r\nContent-Type: multipart/mixed; boundary=a\r\n\r\n".repeat(2000));
        byte[] raw = hostile.toString().getBytes(StandardCharsets.US_ASCII);
        try (MessageArchive archive = new ArchiveFixture(folder).open(TestKeys.single())) {
            ArchiveId id = archive.archive(raw, ArchiveMetadata.builder(Instant.EPOCH).build());
            archive.refresh();

            assertThat(archive.fetch(id)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(raw));
            assertThat(archive.indexedCount()).isEqualTo(1);
        }
    }
}
