package org.cleanmail.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class StatusLineTest {
    @Test
    void ofShouldSayYesWithScoreThresholdAndTestsForSpam() {
        ScanResult result = new ScanResult(List.of(new RuleHit("GTUBE", 1000, "gtube"), new RuleHit("A_RULE", 0.5, "a")), false);

        assertThat(StatusLine.of(result, 5.0)).isEqualTo("Yes, score=1000.5 required=5.0 tests=A_RULE,GTUBE");
    }

    @Test
    void ofShouldSayNoAndNoneWhenNothingHit() {
        assertThat(StatusLine.of(new ScanResult(List.of(), false), 5.0)).isEqualTo("No, score=0.0 required=5.0 tests=none");
    }

    @Test
    void ofShouldTellWhenOnlyTheHeadOfTheMessageWasScanned() {
        assertThat(StatusLine.of(new ScanResult(List.of(), true), 5.0)).endsWith(" truncated=yes");
    }

    @Test
    void formatScoreShouldIgnoreTheLocale() {
        assertThat(StatusLine.formatScore(-0.25)).isEqualTo("-0.3");
        assertThat(StatusLine.formatScore(12)).isEqualTo("12.0");
    }

    @Test
    void ofShouldListTheDetailsOfHitsThatHaveOne() {
        ScanResult result = new ScanResult(List.of(new RuleHit("FINGERPRINT_FUZZY", 6, "fuzzy", Optional.of("ab12:0.84")),
            new RuleHit("GTUBE", 1000, "gtube")), false);

        assertThat(StatusLine.of(result, 5.0))
            .isEqualTo("Yes, score=1006.0 required=5.0 tests=FINGERPRINT_FUZZY,GTUBE details=FINGERPRINT_FUZZY:ab12:0.84");
    }
}
