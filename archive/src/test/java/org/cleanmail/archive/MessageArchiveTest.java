package org.cleanmail.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cleanmail.archive.ArchiveFixture.archive;
import static org.cleanmail.archive.ArchiveFixture.day;
import static org.cleanmail.archive.ArchiveFixture.metadata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.cleanmail.archive.crypto.ArchiveKey;
import org.cleanmail.archive.crypto.ContentCipher;
import org.cleanmail.archive.crypto.TamperedContentException;
import org.cleanmail.archive.crypto.UnknownArchiveKeyException;
import org.cleanmail.archive.model.ArchiveId;
import org.cleanmail.archive.model.ArchiveMetadata;
import org.cleanmail.archive.model.ArchivedMessage;
import org.cleanmail.archive.model.ArchivedMessageCodec;
import org.cleanmail.archive.model.Direction;
import org.cleanmail.archive.search.ArchiveHit;
import org.cleanmail.archive.search.ArchiveQuery;
import org.cleanmail.archive.search.ArchiveSearchResult;
import org.cleanmail.archive.search.ArchiveSort;
import org.cleanmail.archive.search.InvalidArchiveQueryException;
import org.cleanmail.archive.store.FileArchiveContentStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageArchiveTest {
    private static final String ALICE = "alice@example.com";
    private static final String BOB = "bob@example.com";
    private static final String CAROL = "carol@example.org";

    @TempDir
    Path folder;

    private ArchiveFixture fixture;
    private MessageArchive archive;

    @BeforeEach
    void open() throws IOException {
        fixture = new ArchiveFixture(folder);
        archive = fixture.open(TestKeys.single());
    }

    @AfterEach
    void close() throws IOException {
        archive.close();
    }

    private List<String> subjects(ArchiveQuery query) throws IOException {
        return archive.search(query).hits().stream().map(ArchiveHit::subject).collect(Collectors.toList());
    }

    private List<String> subjects(String query) throws IOException {
        return subjects(ArchiveQuery.of(query));
    }

    private void reopen(ArchiveSettings settings) throws IOException {
        archive.close();
        archive = MessageArchive.open(settings);
    }

    @Nested
    class Storage {
        @Test
        void fetchShouldReturnTheArchivedBytesAndMetadata() throws IOException {
            byte[] raw = TestMessages.message(ALICE, BOB, "Lunch", "Shall we meet at noon?");
            ArchiveMetadata metadata = ArchiveMetadata.builder(day(3)).envelopeSender(ALICE)
                .envelopeRecipients(List.of(BOB)).direction(Direction.OUTBOUND).remoteIp("2001:db8::7")
                .verdict("ham").score(-1.5).hits(List.of("ALL_TRUSTED")).build();

            ArchiveId id = archive.archive(raw, metadata);

            assertThat(archive.fetch(id)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(raw));
            assertThat(archive.fetchArchived(id).map(ArchivedMessage::metadata)).contains(metadata);
        }

        @Test
        void fetchShouldBeEmptyForAnUnknownId() throws IOException {
            assertThat(archive.fetch(ArchiveId.random(new Random(5)))).isEmpty();
        }

        @Test
        void storedFilesShouldNotContainThePlaintext() throws IOException {
            archive(archive, ALICE, BOB, "Project xylophone-5531", "The unique token is quizzaciously-90210 here.",
                day(1));
            archive.close();

            byte[] all = contentBytes();
            assertThat(all.length).isGreaterThan(0);
            String text = new String(all, StandardCharsets.ISO_8859_1);
            assertThat(text).doesNotContain("quizzaciously").doesNotContain("xylophone").doesNotContain(ALICE);
            archive = fixture.open(TestKeys.single());
        }

        @Test
        void fetchShouldReportAFlippedByteAsTampered() throws IOException {
            ArchiveId id = archive(archive, ALICE, BOB, "Tamper", "Some text to protect.", day(1));
            Path file = onlyContentFile();
            byte[] blob = Files.readAllBytes(file);
            blob[blob.length / 2] ^= 0x01;
            Files.write(file, blob);

            assertThatThrownBy(() -> archive.fetch(id))
                .isInstanceOf(TamperedContentException.class)
                .hasMessageContaining(id.value());
        }

        @Test
        void searchShouldStillListATamperedEntryWithoutItsBodySnippet() throws IOException {
            archive(archive, ALICE, BOB, "Tamper", "Some text to protect.", day(1));
            Path file = onlyContentFile();
            byte[] blob = Files.readAllBytes(file);
            blob[blob.length - 1] ^= 0x01;
            Files.write(file, blob);
            archive.refresh();

            List<ArchiveHit> hits = archive.search(ArchiveQuery.of("tamper")).hits();

            assertThat(hits).hasSize(1);
            assertThat(hits.get(0).bodySnippet()).isEmpty();
        }

        @Test
        void keyRotationShouldKeepOldEntriesReadable() throws IOException {
            ArchiveKey first = TestKeys.key("2026-01", 11);
            ArchiveKey second = TestKeys.key("2026-07", 12);
            reopen(fixture.settings(TestKeys.ring("2026-01", first)));
            ArchiveId old = archive(archive, ALICE, BOB, "Before rotation", "old key", day(1));
            reopen(fixture.settings(TestKeys.ring("2026-07", first, second)));
            ArchiveId recent = archive(archive, ALICE, BOB, "After rotation", "new key", day(2));
            archive.refresh();

            assertThat(new String(archive.fetch(old).orElseThrow(), StandardCharsets.UTF_8)).contains("old key");
            assertThat(new String(archive.fetch(recent).orElseThrow(), StandardCharsets.UTF_8)).contains("new key");
            assertThat(subjects("keyId:2026-01")).containsExactly("Before rotation");
            assertThat(subjects("keyId:2026-07")).containsExactly("After rotation");
        }

        @Test
        void fetchShouldNameTheKeyMissingFromTheRing() throws IOException {
            ArchiveKey first = TestKeys.key("2026-01", 11);
            reopen(fixture.settings(TestKeys.ring("2026-01", first)));
            ArchiveId old = archive(archive, ALICE, BOB, "Before", "old key", day(1));
            reopen(fixture.settings(TestKeys.ring("2026-07", TestKeys.key("2026-07", 12))));

            assertThatThrownBy(() -> archive.fetch(old))
                .isInstanceOf(UnknownArchiveKeyException.class)
                .hasMessageContaining("'2026-01'");
        }

        @Test
        void archiveShouldRefuseAMessageLargerThanTheCap() throws IOException {
            reopen(ArchiveSettings.builder(folder, TestKeys.single()).maxMessageBytes(100).build());

            assertThatThrownBy(() -> archive.archive(new byte[101], metadata(ALICE, BOB, day(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Message of 101 bytes is larger than the archive's maxMessageBytes (100)");
        }

        @Test
        void archiveShouldKeepMessagesThatAreNotMailAtAll() throws IOException {
            byte[] garbage = new byte[5000];
            new Random(9).nextBytes(garbage);
            ArchiveId random = archive.archive(garbage, metadata(ALICE, BOB, day(1)));
            ArchiveId empty = archive.archive(new byte[0], metadata(ALICE, BOB, day(1)));
            byte[] hugeHeader = ("Subject: " + "x".repeat(200_000) + "\r\nFrom: " + "a@b.c, ".repeat(20_000)
                + "\r\n\r\nbody").getBytes(StandardCharsets.US_ASCII);
            ArchiveId huge = archive.archive(hugeHeader, metadata(ALICE, BOB, day(1)));
            archive.refresh();

            assertThat(archive.fetch(random)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(garbage));
            assertThat(archive.fetch(empty)).hasValueSatisfying(bytes -> assertThat(bytes).isEmpty());
            assertThat(archive.fetch(huge)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(hugeHeader));
            assertThat(archive.search(ArchiveQuery.builder().from(ALICE).build()).total()).isEqualTo(3);
        }

        private Path onlyContentFile() throws IOException {
            try (Stream<Path> files = Files.walk(folder.resolve("content"))) {
                List<Path> regular = files.filter(Files::isRegularFile).collect(Collectors.toList());
                assertThat(regular).hasSize(1);
                return regular.get(0);
            }
        }

        private byte[] contentBytes() throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try (Stream<Path> files = Files.walk(folder.resolve("content"))) {
                for (Path file : files.filter(Files::isRegularFile).collect(Collectors.toList())) {
                    all.writeBytes(Files.readAllBytes(file));
                }
            }
            return all.toByteArray();
        }
    }

    @Nested
    class Search {
        @BeforeEach
        void archiveSome() throws IOException {
            archive(archive, ALICE, BOB, "Invoice 2026-001", "Please find the quarterly numbers are ready for review.",
                day(5));
            archive(archive, CAROL, BOB, "Lunch plans", "Shall we meet at noon near the river?", day(20));
            archive(archive, BOB, CAROL, "Re: Lunch plans", "Noon works, see you at the river.", day(31));
            archive(archive, ALICE, CAROL, "Holiday photos", "The numbers of photos is large.", day(40));
            archive.refresh();
        }

        @Test
        void searchShouldFindBySubjectWord() throws IOException {
            assertThat(subjects("subject:invoice")).containsExactly("Invoice 2026-001");
            assertThat(subjects("subject:lunch")).containsExactly("Re: Lunch plans", "Lunch plans");
        }

        @Test
        void searchShouldFindBySenderInTheQueryOrAsAParameter() throws IOException {
            assertThat(subjects("from:alice@example.com")).containsExactly("Holiday photos", "Invoice 2026-001");
            assertThat(subjects("from:ALICE@Example.com subject:invoice")).containsExactly("Invoice 2026-001");
            assertThat(subjects("from:*@example.org")).containsExactly("Lunch plans");
            assertThat(subjects(ArchiveQuery.builder().from(CAROL).build())).containsExactly("Lunch plans");
            assertThat(subjects(ArchiveQuery.builder().to(CAROL).build()))
                .containsExactly("Holiday photos", "Re: Lunch plans");
        }

        @Test
        void searchShouldFindABodyPhraseOnlyInItsOrder() throws IOException {
            assertThat(subjects("body:\"quarterly numbers are ready\"")).containsExactly("Invoice 2026-001");
            assertThat(subjects("body:\"ready are numbers\"")).isEmpty();
            assertThat(subjects("\"meet at noon\"")).containsExactly("Lunch plans");
        }

        @Test
        void searchShouldReadDateRangesByDay() throws IOException {
            assertThat(subjects("date:[2026-01-01 TO 2026-01-31]")).containsExactly("Re: Lunch plans", "Lunch plans",
                "Invoice 2026-001");
            assertThat(subjects("date:{2026-01-05 TO 2026-01-31}")).containsExactly("Lunch plans");
            assertThat(subjects("date:[2026-01-31 TO *]")).containsExactly("Holiday photos", "Re: Lunch plans");
            assertThat(subjects("date:2026-01-20")).containsExactly("Lunch plans");
            assertThat(subjects("date:[2026-01-20T10:00:00Z TO 2026-01-20T10:00:00Z]")).containsExactly("Lunch plans");
        }

        @Test
        void searchShouldApplyAfterAndBeforeParameters() throws IOException {
            ArchiveQuery query = ArchiveQuery.builder().after(day(20)).before(day(40)).build();

            assertThat(subjects(query)).containsExactly("Re: Lunch plans", "Lunch plans");
        }

        @Test
        void searchShouldFilterByVerdictAndCombineWithOr() throws IOException {
            assertThat(subjects(ArchiveQuery.builder().verdict("HAM").query("invoice OR holiday").build()))
                .containsExactly("Holiday photos", "Invoice 2026-001");
            assertThat(subjects(ArchiveQuery.builder().verdict("spam").build())).isEmpty();
        }

        @Test
        void personalSearchShouldOnlyReturnTheUsersMail() throws IOException {
            ArchiveQuery everything = ArchiveQuery.builder().limit(100).build();

            assertThat(archive.searchPersonal("Bob@Example.COM", everything).hits()).extracting(ArchiveHit::subject)
                .containsExactly("Re: Lunch plans", "Lunch plans", "Invoice 2026-001");
            assertThat(archive.searchPersonal(BOB, ArchiveQuery.of("from:alice@example.com")).hits())
                .extracting(ArchiveHit::subject).containsExactly("Invoice 2026-001");
            assertThat(archive.searchPersonal(BOB, ArchiveQuery.of("participants:carol@example.org OR holiday")).hits())
                .extracting(ArchiveHit::subject).containsExactly("Re: Lunch plans", "Lunch plans");
            assertThat(archive.searchPersonal("mallory@example.com", everything).total()).isZero();
        }

        @Test
        void personalSearchShouldIncludeMailReceivedThroughTheEnvelopeOnly() throws IOException {
            archive.archive(TestMessages.message(ALICE, "team@example.com", "Team news", "All hands."),
                ArchiveMetadata.builder(day(50)).envelopeSender(ALICE)
                    .envelopeRecipients(List.of("dave@example.com")).build());
            archive.refresh();

            assertThat(archive.searchPersonal("dave@example.com", ArchiveQuery.builder().build()).hits())
                .extracting(ArchiveHit::subject).containsExactly("Team news");
        }

        @Test
        void hitsShouldCarryTheFieldsAListShows() throws IOException {
            ArchiveHit hit = archive.search(ArchiveQuery.of("subject:invoice")).hits().get(0);

            assertThat(hit.from()).isEqualTo(ALICE);
            assertThat(hit.to()).isEqualTo(BOB);
            assertThat(hit.date()).isEqualTo(day(5));
            assertThat(hit.verdict()).contains("ham");
            assertThat(hit.score()).contains(0.5);
            assertThat(hit.direction()).isEqualTo(Direction.INBOUND);
            assertThat(hit.size()).isGreaterThan(100);
            assertThat(hit.messageId()).hasValueSatisfying(id -> assertThat(id).endsWith("@test.example"));
        }

        @Test
        void hitsShouldHighlightSubjectAndBody() throws IOException {
            ArchiveHit hit = archive.search(ArchiveQuery.of("invoice \"quarterly numbers\"")).hits().get(0);

            assertThat(hit.subjectSnippet()).isEqualTo("<em>Invoice</em> 2026-001");
            assertThat(hit.bodySnippet()).hasValueSatisfying(snippet ->
                assertThat(snippet).contains("<em>quarterly</em> <em>numbers</em>"));
        }

        @Test
        void hitsShouldShowTheBodysBeginningWhenTheQueryMatchesElsewhere() throws IOException {
            ArchiveHit hit = archive.search(ArchiveQuery.of("subject:holiday")).hits().get(0);

            assertThat(hit.subjectSnippet()).isEqualTo("<em>Holiday</em> photos");
            assertThat(hit.bodySnippet()).contains("The numbers of photos is large.");
        }

        @Test
        void hitsShouldHighlightWildcardMatches() throws IOException {
            ArchiveHit hit = archive.search(ArchiveQuery.of("body:rive*")).hits().get(0);

            assertThat(hit.bodySnippet()).hasValueSatisfying(snippet -> assertThat(snippet).contains("<em>river</em>"));
        }

        @Test
        void snippetsShouldEscapeHtml() throws IOException {
            archive(archive, ALICE, BOB, "<b>Offer</b> & more", "Click <a href=x>offer</a> now", day(60));
            archive.refresh();

            ArchiveHit hit = archive.search(ArchiveQuery.of("offer")).hits().get(0);

            assertThat(hit.subjectSnippet()).isEqualTo("&lt;b&gt;<em>Offer</em>&lt;&#x2F;b&gt; &amp; more");
            assertThat(hit.bodySnippet()).hasValueSatisfying(snippet -> assertThat(snippet).doesNotContain("<a"));
        }

        @Test
        void searchShouldFindAttachmentsByNameWordAndType() throws IOException {
            archive.archive(TestMessages.withAttachment(ALICE, BOB, "Contract", "See attached.", "Signed-Contract-2026.pdf"),
                metadata(ALICE, BOB, day(45)));
            archive.refresh();

            assertThat(subjects("attachment:contract")).containsExactly("Contract");
            assertThat(subjects("attachmentType:\"application/pdf\"")).containsExactly("Contract");
            assertThat(archive.search(ArchiveQuery.of("attachment:signed")).hits().get(0).attachments())
                .containsExactly("Signed-Contract-2026.pdf");
            assertThat(subjects("attachmentType:\"image/png\"")).isEmpty();
        }

        @Test
        void aQueryExpandingToTooManyClausesShouldBeRefusedAsInvalid() {
            String manyWords = IntStream.range(100, 900).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));

            assertThatThrownBy(() -> archive.search(ArchiveQuery.of(manyWords)))
                .isInstanceOf(InvalidArchiveQueryException.class)
                .hasMessageStartingWith("Query is too complex to run: ");
        }

        @Test
        void snippetsCanBeLeftOut() throws IOException {
            ArchiveHit hit = archive.search(ArchiveQuery.builder().query("invoice").snippets(false).build()).hits().get(0);

            assertThat(hit.bodySnippet()).isEmpty();
            assertThat(hit.subjectSnippet()).isEqualTo("Invoice 2026-001");
        }
    }

    @Nested
    class Paging {
        @BeforeEach
        void archiveTwentyFive() throws IOException {
            for (int i = 1; i <= 25; i++) {
                String body = i == 7 ? "apple apple apple" : "apple and other fruit, pear, plum, fig, banana " + i;
                archive(archive, ALICE, BOB, "Message " + i, body, day(i));
            }
            archive.refresh();
        }

        @Test
        void pagesShouldFollowNewestFirstWithoutOverlap() throws IOException {
            List<String> seen = new ArrayList<>();
            for (int offset = 0; offset < 25; offset += 10) {
                ArchiveSearchResult page = archive.search(ArchiveQuery.builder().offset(offset).limit(10).build());
                assertThat(page.total()).isEqualTo(25);
                page.hits().forEach(hit -> seen.add(hit.subject()));
            }

            assertThat(seen).hasSize(25).doesNotHaveDuplicates();
            assertThat(seen.subList(0, 3)).containsExactly("Message 25", "Message 24", "Message 23");
            assertThat(seen.get(24)).isEqualTo("Message 1");
        }

        @Test
        void aPageBeyondTheEndShouldBeEmptyWithTheTotal() throws IOException {
            ArchiveSearchResult page = archive.search(ArchiveQuery.builder().offset(30).limit(10).build());

            assertThat(page.hits()).isEmpty();
            assertThat(page.total()).isEqualTo(25);
        }

        @Test
        void oldestFirstShouldReverseTheOrder() throws IOException {
            assertThat(subjects(ArchiveQuery.builder().sort(ArchiveSort.DATE_ASC).limit(2).build()))
                .containsExactly("Message 1", "Message 2");
        }

        @Test
        void relevanceShouldPutTheBestMatchFirst() throws IOException {
            assertThat(subjects(ArchiveQuery.builder().query("apple").sort(ArchiveSort.RELEVANCE).limit(2).build()).get(0))
                .isEqualTo("Message 7");
            assertThat(subjects(ArchiveQuery.builder().query("apple").limit(1).build())).containsExactly("Message 25");
        }
    }

    @Nested
    class Maintenance {
        @Test
        void reindexAllShouldBeIdempotent() throws IOException {
            archive(archive, ALICE, BOB, "One", "first", day(1));
            archive(archive, ALICE, BOB, "Two", "second", day(2));
            archive.refresh();
            List<Long> progress = new ArrayList<>();

            MaintenanceReport first = archive.reindexAll((scanned, indexed, unreadable) -> progress.add(scanned));
            MaintenanceReport second = archive.reindexAll(MaintenanceProgress.NONE);

            assertThat(first).isEqualTo(new MaintenanceReport(2, 2, 0, 0));
            assertThat(second).isEqualTo(first);
            assertThat(progress).containsExactly(1L, 2L);
            assertThat(archive.indexedCount()).isEqualTo(2);
            assertThat(subjects("first OR second")).containsExactly("Two", "One");
        }

        @Test
        void repairShouldIndexContentLeftWithoutIndexEntryByACrash() throws IOException {
            archive(archive, ALICE, BOB, "Indexed", "normal", day(1));
            archive.close();
            ArchiveId orphan = ArchiveId.random(new Random(77));
            ArchivedMessage message = new ArchivedMessage(metadata(CAROL, BOB, day(2)),
                TestMessages.message(CAROL, BOB, "Orphan", "stored before the crash"));
            new FileArchiveContentStore(folder.resolve("content"))
                .put(orphan, new ContentCipher(TestKeys.single()).seal(orphan, ArchivedMessageCodec.encode(message)));
            archive = fixture.open(TestKeys.single());
            assertThat(subjects("orphan")).isEmpty();

            MaintenanceReport report = archive.repair(MaintenanceProgress.NONE);

            assertThat(report).isEqualTo(new MaintenanceReport(2, 1, 0, 0));
            assertThat(subjects("orphan")).containsExactly("Orphan");
            assertThat(archive.repair(MaintenanceProgress.NONE)).isEqualTo(new MaintenanceReport(2, 0, 0, 0));
        }

        @Test
        void repairShouldDropIndexEntriesWhoseContentIsGoneAndKeepUnreadableContent() throws IOException {
            ArchiveId gone = archive(archive, ALICE, BOB, "Gone", "deleted behind our back", day(1));
            archive(archive, ALICE, BOB, "Kept", "still there", day(2));
            archive.refresh();
            new FileArchiveContentStore(folder.resolve("content")).delete(gone);
            ArchiveId broken = ArchiveId.random(new Random(78));
            new FileArchiveContentStore(folder.resolve("content")).put(broken, new byte[100]);

            MaintenanceReport report = archive.repair(MaintenanceProgress.NONE);

            assertThat(report).isEqualTo(new MaintenanceReport(2, 0, 1, 1));
            assertThat(subjects("")).containsExactly("Kept");
            assertThat(archive.storedCount()).isEqualTo(2);
        }

        @Test
        void restartShouldKeepTheArchiveSearchable() throws IOException {
            ArchiveId id = archive(archive, ALICE, BOB, "Survivor", "across restarts", day(1));
            reopen(fixture.settings(TestKeys.single()));

            assertThat(subjects("survivor")).containsExactly("Survivor");
            assertThat(archive.fetch(id)).isPresent();
        }

        @Test
        void openingShouldTellWhetherTheLastRunClosedTheArchive() throws IOException {
            assertThat(archive.previousRunEndedUncleanly()).isFalse();
            reopen(fixture.settings(TestKeys.single()));
            assertThat(archive.previousRunEndedUncleanly()).isFalse();

            archive.close();
            Files.write(folder.resolve(MessageArchive.OPEN_MARKER), new byte[0]);
            archive = fixture.open(TestKeys.single());

            assertThat(archive.previousRunEndedUncleanly()).isTrue();
        }

        @Test
        void purgeShouldDeleteWhatArrivedBeforeTheCutoff() throws IOException {
            List<ArchiveId> ids = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                ids.add(archive(archive, ALICE, BOB, "Day " + i, "text", day(i)));
            }

            long purged = archive.purgeOlderThan(day(6));

            assertThat(purged).isEqualTo(5);
            assertThat(archive.indexedCount()).isEqualTo(5);
            assertThat(archive.storedCount()).isEqualTo(5);
            assertThat(archive.fetch(ids.get(4))).isEmpty();
            assertThat(archive.fetch(ids.get(5))).isPresent();
            assertThat(subjects(ArchiveQuery.builder().sort(ArchiveSort.DATE_ASC).limit(1).build()))
                .containsExactly("Day 6");
        }

        @Test
        void purgeExpiredShouldUseTheClock() throws IOException {
            archive(archive, ALICE, BOB, "Old", "text", ArchiveFixture.NOW.minus(Duration.ofDays(91)));
            archive(archive, ALICE, BOB, "Recent", "text", ArchiveFixture.NOW.minus(Duration.ofDays(89)));

            assertThat(archive.purgeExpired(Duration.ofDays(90))).isEqualTo(1);
            assertThat(subjects("")).containsExactly("Recent");
        }

        @Test
        void deleteShouldRemoveContentAndIndexEntry() throws IOException {
            ArchiveId id = archive(archive, ALICE, BOB, "Delete me", "text", day(1));

            assertThat(archive.delete(id)).isTrue();
            archive.refresh();

            assertThat(archive.fetch(id)).isEmpty();
            assertThat(subjects("delete")).isEmpty();
            assertThat(archive.delete(id)).isFalse();
        }

        @Test
        void theRefreshThreadShouldMakeNewMailSearchableWithoutAnExplicitRefresh() throws IOException {
            archive(archive, ALICE, BOB, "Near real time", "visible soon", day(1));

            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> archive.search(ArchiveQuery.of("visible")).total() == 1);
            assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .contains("cleanmail-archive-index-refresh");
        }

        @Test
        void reindexShouldKeepTheKeyIdOfEachEntry() throws IOException {
            ArchiveKey first = TestKeys.key("2026-01", 11);
            reopen(fixture.settings(TestKeys.ring("2026-01", first)));
            archive(archive, ALICE, BOB, "Old key", "text", day(1));
            reopen(fixture.settings(TestKeys.ring("2026-07", first, TestKeys.key("2026-07", 12))));

            archive.reindexAll(MaintenanceProgress.NONE);

            assertThat(subjects("keyId:2026-01")).containsExactly("Old key");
        }
    }

    @Test
    void archiveShouldServeManyThreadsAtOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<ArchiveId>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                futures.add(threads.submit(() -> archive(archive, ALICE, BOB, "Parallel " + n, "body " + n, day(1 + n))));
            }
            List<ArchiveId> ids = new ArrayList<>();
            for (Future<ArchiveId> future : futures) {
                ids.add(future.get());
            }
            archive.refresh();

            assertThat(ids).doesNotHaveDuplicates();
            assertThat(archive.search(ArchiveQuery.of("parallel")).total()).isEqualTo(40);
            for (ArchiveId id : ids) {
                assertThat(archive.fetch(id)).isPresent();
            }
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void hitsShouldListTheRulesThatFired() throws IOException {
        archive.archive(TestMessages.message(ALICE, BOB, "Cheap pills", "buy now"), ArchiveMetadata.builder(day(1))
            .verdict("spam").score(12.5).hits(List.of("GTUBE", "URIBL_BLACK")).build());
        archive.refresh();

        ArchiveHit hit = archive.search(ArchiveQuery.of("hits:gtube")).hits().get(0);

        assertThat(hit.ruleHits()).containsExactly("GTUBE", "URIBL_BLACK");
        assertThat(subjects("score:[10 TO *] verdict:spam")).containsExactly("Cheap pills");
        assertThat(subjects("score:[13 TO *]")).isEmpty();
    }

    @Test
    void archivedMailShouldBeFoundOnceArrivedAt() throws IOException {
        Instant at = Instant.parse("2026-02-03T04:05:06Z");
        archive(archive, ALICE, BOB, "Timestamped", "text", at);
        archive.refresh();

        assertThat(archive.search(ArchiveQuery.of("timestamped")).hits().get(0).date()).isEqualTo(at);
    }
}
