package org.cleanmail.core.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.cleanmail.core.fingerprint.FingerprintCalculator;
import org.cleanmail.core.fingerprint.FingerprintKind;
import org.cleanmail.core.fingerprint.FingerprintMatcher;
import org.cleanmail.core.fingerprint.FingerprintSettings;
import org.cleanmail.core.fingerprint.FingerprintSource;
import org.cleanmail.core.fingerprint.store.embedded.EmbeddedFingerprintStore;
import org.cleanmail.core.fingerprint.store.embedded.EmbeddedStoreSettings;
import org.cleanmail.core.message.MessageParser;
import org.cleanmail.core.pipeline.FingerprintHitSource;
import org.cleanmail.core.pipeline.FingerprintScores;
import org.cleanmail.core.pipeline.ScanInput;
import org.cleanmail.core.scan.RawMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulkLearnerTest {
    private static final Path SPAM = Path.of(System.getProperty("cleanmail.corpus", "../../shared/corpus"),
        "spamassassin-public", "spam");

    @TempDir
    Path folder;

    private EmbeddedFingerprintStore store;
    private FingerprintHitSource fingerprints;
    private BulkLearner learner;

    @BeforeEach
    void setUp() throws IOException {
        store = EmbeddedFingerprintStore.open(EmbeddedStoreSettings.inMemory().build(), Clock.systemUTC());
        fingerprints = new FingerprintHitSource(
            new FingerprintMatcher(new FingerprintCalculator(FingerprintSettings.defaults()), store),
            FingerprintScores.defaults());
        learner = new BulkLearner(BulkLearnerTest::parse, fingerprints, 1 << 20, FingerprintSource.ADMIN);
    }

    @AfterEach
    void tearDown() throws IOException {
        store.close();
    }

    private static ScanInput parse(RawMessage raw) {
        return new ScanInput(raw, MessageParser.defaultParser().parse(raw));
    }

    private Path copyCorpus(String target, String... names) throws IOException {
        Path dir = Files.createDirectories(folder.resolve(target));
        for (String name : names) {
            Files.copy(SPAM.resolve(name), dir.resolve(name));
        }
        return dir;
    }

    private boolean known(Path file) throws IOException {
        return fingerprints.matches(parse(RawMessage.of(Files.readAllBytes(file)))).stream()
            .anyMatch(match -> match.kind() == FingerprintKind.TEXT_EXACT);
    }

    @Test
    void spamShouldBeLearnedFromAFolderRecursivelyCountingShortDuplicateAndBrokenMessages() throws IOException {
        Path spam = copyCorpus("spam", "00001.eml", "00005.eml");
        copyCorpus("spam/nested", "00010.eml");
        Files.copy(spam.resolve("00001.eml"), spam.resolve("00001-again.eml"));
        Files.writeString(spam.resolve("short.eml"), "Subject: hi\r\n\r\nthanks!\r\n");
        LearnProgress progress = new LearnProgress();

        boolean finished = learner.learn(List.of(spam), LearnKind.SPAM, progress, () -> false);

        LearnCounts counts = progress.snapshot();
        assertThat(finished).isTrue();
        assertThat(counts.filesSeen()).isEqualTo(5);
        assertThat(counts.messagesSeen()).isEqualTo(5);
        assertThat(counts.learned()).as(counts.toString()).isEqualTo(3);
        assertThat(counts.skippedDuplicate()).isEqualTo(1);
        assertThat(counts.skippedTooShort()).isEqualTo(1);
        assertThat(counts.failed()).isZero();
        assertThat(counts.currentPath()).isEmpty();
        assertThat(known(SPAM.resolve("00010.eml"))).isTrue();
    }

    @Test
    void anMboxShouldBeSplitAndHamShouldVetoWhatSpamTaught() throws IOException {
        String one = Files.readString(SPAM.resolve("00001.eml"), java.nio.charset.StandardCharsets.ISO_8859_1);
        String two = Files.readString(SPAM.resolve("00002.eml"), java.nio.charset.StandardCharsets.ISO_8859_1);
        Path mbox = Files.writeString(folder.resolve("box.mbox"), one + "\n" + two,
            java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(one).startsWith("From ");

        learner.learn(List.of(mbox), LearnKind.SPAM, new LearnProgress(), () -> false);
        assertThat(known(SPAM.resolve("00002.eml"))).isTrue();
        LearnProgress ham = new LearnProgress();
        learner.learn(List.of(mbox), LearnKind.HAM, ham, () -> false);

        assertThat(ham.snapshot().messagesSeen()).isEqualTo(2);
        assertThat(ham.snapshot().learned()).isEqualTo(2);
        assertThat(known(SPAM.resolve("00002.eml"))).isFalse();
    }

    @Test
    void cancellationShouldStopBeforeTheNextMessage() throws IOException {
        Path spam = copyCorpus("spam", "00001.eml", "00002.eml", "00003.eml");
        AtomicInteger checks = new AtomicInteger();
        LearnProgress progress = new LearnProgress();

        boolean finished = learner.learn(List.of(spam), LearnKind.SPAM, progress, () -> checks.incrementAndGet() > 3);

        assertThat(finished).isFalse();
        assertThat(progress.snapshot().learned()).isEqualTo(1);
    }

    @Test
    void aMessageThatBreaksTheParserShouldBeCountedAsFailedAndTheRunGoOn() throws IOException {
        Path spam = copyCorpus("spam", "00001.eml", "00002.eml");
        BulkLearner fragile = new BulkLearner(raw -> {
            if (new String(raw.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("00001")) {
                return parse(raw);
            }
            throw new IllegalStateException("parser exploded");
        }, fingerprints, 1 << 20, FingerprintSource.ADMIN);
        Files.writeString(spam.resolve("zz-bad.eml"), "Subject: bad\r\n\r\nbody");
        LearnProgress progress = new LearnProgress();

        fragile.learn(List.of(spam), LearnKind.SPAM, progress, () -> false);

        assertThat(progress.snapshot().failed()).isGreaterThanOrEqualTo(1);
        assertThat(progress.snapshot().failures()).anySatisfy(failure ->
            assertThat(failure).endsWith("zz-bad.eml: parser exploded"));
        assertThat(progress.snapshot().messagesSeen()).isEqualTo(3);
    }

    @Test
    void aMissingPathShouldBeRefusedBeforeLearningAnything() {
        assertThatThrownBy(() -> learner.learn(List.of(folder.resolve("nope")), LearnKind.SPAM, new LearnProgress(),
            () -> false))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("no such file or folder");
    }
}
