package org.cleanmail.core.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;

import org.cleanmail.core.scan.RuleHit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReputationScorerTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final ReputationScorer scorer = new ReputationScorer(5, 3.0, 1.0);

    private static ReputationRecord record(double spam, double ham, double refused, double flags) {
        return new ReputationRecord(0, spam, ham, refused, flags, NOW);
    }

    @ParameterizedTest
    @CsvSource({
        "10, 0, 0, 0, SENDER_BAD_REPUTATION, 2.5",
        "100, 0, 0, 0, SENDER_BAD_REPUTATION, 2.94",
        "0, 10, 0, 0, SENDER_GOOD_REPUTATION, -0.83",
        "8, 2, 0, 0, SENDER_BAD_REPUTATION, 1.5",
        "0, 0, 0, 1, SENDER_BAD_REPUTATION, 2.14",
        "0, 4, 20, 0, SENDER_GOOD_REPUTATION, -0.25"
    })
    void scoreShouldFollowTheDocumentedFormula(double spam, double ham, double refused, double flags, String rule,
                                               double points) {
        RuleHit hit = scorer.score(record(spam, ham, refused, flags)).orElseThrow();

        assertThat(hit.name()).isEqualTo(rule);
        assertThat(hit.score()).isEqualTo(points);
    }

    @ParameterizedTest
    @CsvSource({"1, 0, 0, 0", "0, 4, 0, 0", "2, 2, 0, 0", "0, 0, 40, 0", "5, 5, 0, 0"})
    void scoreShouldStaySilentOnThinOrMixedEvidence(double spam, double ham, double refused, double flags) {
        assertThat(scorer.score(record(spam, ham, refused, flags))).isEmpty();
    }

    @Test
    void decayShouldHalveCountsEveryHalfLife() {
        ReputationRecord record = new ReputationRecord(4, 8, 2, 10, 1, NOW);

        ReputationRecord later = record.decayedTo(NOW.plus(Duration.ofDays(14)), Duration.ofDays(7));

        assertThat(later.accepted()).isCloseTo(1.0, within(1e-9));
        assertThat(later.spam()).isCloseTo(2.0, within(1e-9));
        assertThat(later.ham()).isCloseTo(0.5, within(1e-9));
        assertThat(later.refusedRecipients()).isCloseTo(2.5, within(1e-9));
        assertThat(later.flags()).isCloseTo(0.25, within(1e-9));
        assertThat(later.asOf()).isEqualTo(NOW.plus(Duration.ofDays(14)));
    }

    @Test
    void decayShouldIgnoreAnEarlierInstant() {
        ReputationRecord record = record(1, 1, 1, 1);

        assertThat(record.decayedTo(NOW.minusSeconds(60), Duration.ofDays(7))).isSameAs(record);
    }

    @Test
    void plusShouldDecayBeforeCounting() {
        ReputationRecord record = record(2, 0, 0, 0);

        ReputationRecord later = record.plus(ReputationEvent.SCORED_SPAM, NOW.plus(Duration.ofDays(7)), Duration.ofDays(7));

        assertThat(later.spam()).isCloseTo(2.0, within(1e-9));
    }
}
