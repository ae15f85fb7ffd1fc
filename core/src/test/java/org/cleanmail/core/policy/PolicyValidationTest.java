package org.cleanmail.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyValidationTest {
    @Test
    void certainSpamThresholdBelowSpamThresholdShouldBeRefusedWithBothFieldsNamed() {
        assertThatThrownBy(() -> Policy.builder().spamThreshold(8.0).certainSpamThreshold(6.0).build())
            .isInstanceOf(InvalidPolicyException.class)
            .hasMessage("'certainSpamThreshold' must be at least 'spamThreshold' (8.0), "
                + "e.g. \"certainSpamThreshold\": 15.0; got 6.0")
            .extracting(e -> ((InvalidPolicyException) e).setting()).isEqualTo("certainSpamThreshold");
    }

    @Test
    void certainSpamThresholdEqualToSpamThresholdShouldBeAccepted() {
        Policy policy = Policy.builder().spamThreshold(8.0).certainSpamThreshold(8.0).build();

        assertThat(policy.certainSpamThreshold()).contains(8.0);
    }

    @Test
    void certainSpamThresholdAloneShouldNotBeComparedWithAnInheritedSpamThreshold() {
        Policy policy = Policy.builder().certainSpamThreshold(2.0).build();

        assertThat(policy.certainSpamThreshold()).contains(2.0);
    }

    @Test
    void nonFiniteThresholdShouldBeRefused() {
        assertThatThrownBy(() -> Policy.builder().spamThreshold(Double.NaN).build())
            .hasMessage("'spamThreshold' must be a finite number, e.g. \"spamThreshold\": 5.0; got NaN");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -3, Policy.MAX_RETENTION_DAYS + 1})
    void retentionOutsideOneDayToTheMaximumShouldBeRefused(int days) {
        assertThatThrownBy(() -> Policy.builder().quarantineRetentionDays(days).build())
            .hasMessage("'quarantineRetentionDays' must be between 1 and 365 days, "
                + "e.g. \"quarantineRetentionDays\": 15; got " + days);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 15, Policy.MAX_RETENTION_DAYS})
    void retentionWithinBoundsShouldBeAccepted(int days) {
        assertThat(Policy.builder().quarantineRetentionDays(days).build().quarantineRetentionDays()).contains(days);
    }

    @Test
    void deliverShouldNotBeASpamAction() {
        assertThatThrownBy(() -> Policy.builder().spamAction(DispositionAction.DELIVER).build())
            .hasMessageStartingWith("'spamAction' must be one of [DELIVER_TAGGED, DELIVER_TO_SPAM_FOLDER, QUARANTINE, DELETE,"
                + " REJECT], e.g. \"spamAction\": \"QUARANTINE\"; got DELIVER");
    }

    @Test
    void virusActionShouldNeverDeliver() {
        assertThatThrownBy(() -> Policy.builder().virusAction(DispositionAction.DELIVER_TAGGED).build())
            .hasMessage("'virusAction' must be one of [QUARANTINE, DELETE], "
                + "e.g. \"virusAction\": \"QUARANTINE\"; got DELIVER_TAGGED");
    }

    @Test
    void rejectShouldBeRefusedForVirusesAndBannedContentWhichAreNotScannedAtSmtpTime() {
        assertThatThrownBy(() -> Policy.builder().virusAction(DispositionAction.REJECT).build())
            .isInstanceOf(InvalidPolicyException.class)
            .hasMessage("'virusAction' must be one of [QUARANTINE, DELETE], e.g. \"virusAction\": \"QUARANTINE\";"
                + " got REJECT; REJECT needs a verdict before the end of DATA, and only spam scoring runs that early");
        assertThatThrownBy(() -> Policy.builder().bannedContentAction(DispositionAction.REJECT).build())
            .isInstanceOf(InvalidPolicyException.class)
            .hasMessageStartingWith("'bannedContentAction' must be one of [DELIVER_TAGGED, DELIVER_TO_SPAM_FOLDER,"
                + " QUARANTINE, DELETE]");
    }

    @Test
    void rejectShouldBeASpamAndCertainSpamAction() {
        Policy policy = Policy.builder().spamAction(DispositionAction.REJECT)
            .certainSpamAction(DispositionAction.REJECT).build();

        assertThat(policy.spamAction()).contains(DispositionAction.REJECT);
        assertThat(policy.certainSpamAction()).contains(DispositionAction.REJECT);
    }

    @Test
    void tooLongSubjectPrefixShouldBeRefused() {
        String prefix = "x".repeat(Policy.MAX_SUBJECT_PREFIX_LENGTH + 1);

        assertThatThrownBy(() -> Policy.builder().subjectPrefix(prefix).build())
            .hasMessage("'subjectPrefix' must have at most 64 characters and no line break or control character"
                + " (\"\" for none), e.g. \"subjectPrefix\": \"[SPAM]\"; got a prefix of 65 characters");
    }

    @Test
    void subjectPrefixWithALineBreakShouldBeRefused() {
        assertThatThrownBy(() -> Policy.builder().subjectPrefix("[SPAM]\r\nBcc: x@y.example").build())
            .isInstanceOf(InvalidPolicyException.class)
            .hasMessageContaining("'subjectPrefix'");
    }

    @Test
    void emptySubjectPrefixShouldMeanNoPrefix() {
        assertThat(Policy.builder().subjectPrefix("").build().subjectPrefix()).contains("");
    }

    @Test
    void valueOfTheWrongTypeShouldBeRefused() {
        assertThatThrownBy(() -> Policy.builder().set(PolicyField.SPAM_THRESHOLD, "high"))
            .hasMessage("'spamThreshold' must be a Double, e.g. \"spamThreshold\": 5.0; got 'high'");
    }

    @Test
    void builtInDefaultsShouldSetEveryField() {
        assertThat(Policy.builtInDefaults().values()).containsOnlyKeys(PolicyField.values());
        assertThat(Policy.builtInDefaults().quarantineRetentionDays()).contains(15);
    }
}
