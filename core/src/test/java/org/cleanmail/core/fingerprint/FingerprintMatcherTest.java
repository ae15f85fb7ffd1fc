package org.cleanmail.core.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.cleanmail.core.fingerprint.store.LearnOutcome;
import org.cleanmail.core.fingerprint.store.SettableClock;
import org.cleanmail.core.fingerprint.store.embedded.EmbeddedFingerprintStore;
import org.cleanmail.core.fingerprint.store.embedded.EmbeddedStoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FingerprintMatcherTest {
    private static final String SPAM = FingerprintCalculatorTest.OFFER;
    private static final String NEAR_COPY = "Hello Mary,\n\nWe are pleased to offer you a unique opportunity to"
        + " refinance your mortgage at the lowest rate of 2.9% ever seen. Our agents are standing by to help you"
        + " save thousands of dollars every single year. Reply today to claim your free quote, this offer expires"
        + " soon. http://track.example/u/8f3a9c2e1b7d\n";
    private static final String HAM = "The committee meeting has been moved to Thursday afternoon in room twelve,"
        + " please bring the budget figures and the minutes of the last meeting with you.";

    private EmbeddedFingerprintStore store;
    private FingerprintMatcher matcher;

    @BeforeEach
    void setUp() throws IOException {
        store = EmbeddedFingerprintStore.open(EmbeddedStoreSettings.inMemory().build(),
            new SettableClock(Instant.parse("2026-11-25T10:00:00Z")));
        matcher = new FingerprintMatcher(new FingerprintCalculator(FingerprintSettings.defaults()), store);
    }

    @AfterEach
    void tearDown() throws IOException {
        store.close();
    }

    private static DecodedContent withAttachmentAndLinks(String text) {
        return new DecodedContent(text, List.of("spam.example", "track.example"),
            List.of(Attachment.of("offer.pdf", "%PDF-1.4 offer".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void matchShouldFindEveryFingerprintOfALearntMessage() {
        matcher.learn(withAttachmentAndLinks(SPAM), FingerprintSource.RULES, 1.0);

        List<FingerprintMatch> matches = matcher.match(withAttachmentAndLinks(SPAM));

        assertThat(matches).extracting(FingerprintMatch::kind).containsExactly(FingerprintKind.TEXT_EXACT,
            FingerprintKind.TEXT_FUZZY, FingerprintKind.ATTACHMENT, FingerprintKind.URL_SET);
        assertThat(matches).extracting(FingerprintMatch::similarity).containsOnly(1.0);
    }

    @Test
    void matchShouldFindANearCopyByItsFuzzyFingerprintOnly() {
        matcher.learn(DecodedContent.ofText(SPAM), FingerprintSource.RULES, 1.0);

        List<FingerprintMatch> matches = matcher.match(DecodedContent.ofText(NEAR_COPY));

        assertThat(matches).singleElement().satisfies(match -> {
            assertThat(match.kind()).isEqualTo(FingerprintKind.TEXT_FUZZY);
            assertThat(match.similarity()).isGreaterThan(0.5).isLessThan(1.0);
        });
    }

    @Test
    void matchShouldFindNothingForUnrelatedMail() {
        matcher.learn(withAttachmentAndLinks(SPAM), FingerprintSource.RULES, 1.0);

        assertThat(matcher.match(DecodedContent.ofText(HAM))).isEmpty();
    }

    @Test
    void learnShouldStoreNearCopiesAsEntriesOfTheirOwn() {
        matcher.learn(DecodedContent.ofText(SPAM), FingerprintSource.RULES, 1.0);

        Map<Fingerprint, LearnOutcome> outcomes = matcher.learn(DecodedContent.ofText(NEAR_COPY), FingerprintSource.RULES, 1.0);

        assertThat(outcomes.values()).containsExactly(LearnOutcome.ADDED, LearnOutcome.ADDED);
        assertThat(store.stats().count(FingerprintKind.TEXT_FUZZY)).isEqualTo(2);
    }

    @Test
    void learnShouldAddHitsToTheEntryOfTheSameText() {
        matcher.learn(DecodedContent.ofText(SPAM), FingerprintSource.RULES, 1.0);

        Map<Fingerprint, LearnOutcome> outcomes = matcher.learn(DecodedContent.ofText(SPAM.toUpperCase()),
            FingerprintSource.USER_REPORT, 1.0);

        assertThat(outcomes.values()).containsExactly(LearnOutcome.MERGED, LearnOutcome.MERGED);
        assertThat(matcher.match(DecodedContent.ofText(SPAM))).extracting(match -> match.entry().hitCount())
            .containsExactly(2L, 2L);
    }

    @Test
    void vetoShouldStopMatchesOfTheReportedMessageAndItsNearCopies() {
        matcher.learn(withAttachmentAndLinks(SPAM), FingerprintSource.RULES, 1.0);

        matcher.veto(withAttachmentAndLinks(NEAR_COPY), FingerprintSource.USER_REPORT);

        assertThat(matcher.match(withAttachmentAndLinks(SPAM))).isEmpty();
        assertThat(matcher.match(DecodedContent.ofText(NEAR_COPY))).isEmpty();
    }

    @Test
    void learnShouldNotRelearnAVetoedText() {
        matcher.veto(DecodedContent.ofText(SPAM), FingerprintSource.USER_REPORT);

        Map<Fingerprint, LearnOutcome> outcomes = matcher.learn(DecodedContent.ofText(NEAR_COPY), FingerprintSource.RULES, 1.0);

        assertThat(outcomes).containsValue(LearnOutcome.VETOED);
        assertThat(matcher.match(DecodedContent.ofText(NEAR_COPY))).isEmpty();
    }

    @Test
    void matchShouldSurviveEmptyContent() {
        assertThat(matcher.match(new DecodedContent("", List.of(), List.of()))).isEmpty();
    }
}
