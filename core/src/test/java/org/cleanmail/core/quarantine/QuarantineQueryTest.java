package org.cleanmail.core.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class QuarantineQueryTest {
    @Test
    void limitOutOfBoundsShouldBeRefusedWithAValidValue() {
        assertThatThrownBy(() -> QuarantineQuery.builder().limit(0).build())
            .hasMessage("'limit' must be between 1 and 1000, e.g. limit=50; got 0");
    }

    @Test
    void negativeOffsetShouldBeRefused() {
        assertThatThrownBy(() -> QuarantineQuery.builder().offset(-1).build())
            .hasMessage("'offset' must be 0 or more, e.g. offset=0; got -1");
    }

    @Test
    void minScoreAboveMaxScoreShouldBeRefused() {
        assertThatThrownBy(() -> QuarantineQuery.builder().minScore(9).maxScore(5).build())
            .hasMessage("'minScore' (9.0) must not be above 'maxScore' (5.0), e.g. minScore=5.0&maxScore=20.0");
    }

    @Test
    void reversedDateRangeShouldBeRefused() {
        assertThatThrownBy(() -> QuarantineQuery.builder()
            .arrivedFrom(Instant.parse("2026-01-02T00:00:00Z")).arrivedBefore(Instant.parse("2026-01-01T00:00:00Z")).build())
            .hasMessageStartingWith("'arrivedBefore' (2026-01-01T00:00:00Z) must not be before 'arrivedFrom'");
    }

    @Test
    void badRecipientShouldBeRefused() {
        assertThatThrownBy(() -> QuarantineQuery.builder().recipient("alice"))
            .hasMessage("'recipient' must be a mail address, e.g. recipient=alice@example.com; got 'alice'");
    }

    @Test
    void forRecipientShouldReplaceTheRecipientFilter() {
        QuarantineQuery query = QuarantineQuery.builder().recipient("bob@example.com").limit(10).build();

        QuarantineQuery restricted = query.forRecipient("alice@example.com");

        assertThat(restricted.recipient()).contains("alice@example.com");
        assertThat(restricted.limit()).isEqualTo(10);
    }
}
