package org.cleanmail.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.cleanmail.core.scan.RuleHit;
import org.cleanmail.core.scan.ScanResult;
import org.junit.jupiter.api.Test;

class SpamReportTest {
    private static final ScanResult SCAN = new ScanResult(List.of(
        new RuleHit("URI_SHORTENER", 1.5, "Links through a URL shortener"),
        new RuleHit("GTUBE", 1000.0, "Generic Test for Unsolicited Bulk Email"),
        new RuleHit("FINGERPRINT_FUZZY", 4.0, "Matches the fingerprint of known spam (text_fuzzy)",
            Optional.of("3f2a:0.84"))), false);

    @Test
    void shouldGiveScoreThresholdReasonAndEveryHitHighestFirst() {
        String report = SpamReport.of(SCAN, 6.5, DispositionReason.CERTAIN_SPAM);

        assertThat(report).contains("Score: 1005.5 (spam from 6.5)")
            .contains("certain spam");
        assertThat(report.indexOf("GTUBE")).isLessThan(report.indexOf("FINGERPRINT_FUZZY"));
        assertThat(report.indexOf("FINGERPRINT_FUZZY")).isLessThan(report.indexOf("URI_SHORTENER"));
        assertThat(report).containsPattern(" 1000\\.0 GTUBE +Generic Test for Unsolicited Bulk Email\r\n")
            .containsPattern("   4\\.0 FINGERPRINT_FUZZY +Matches the fingerprint of known spam \\(text_fuzzy\\) \\[3f2a:0\\.84\\]");
    }

    @Test
    void linesShouldEndWithCrLfOnly() {
        String report = SpamReport.of(SCAN, 5.0, DispositionReason.SPAM);

        assertThat(report.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void aDescriptionWithLineBreaksShouldStayOnItsLine() {
        ScanResult scan = new ScanResult(List.of(new RuleHit("ODD", 5.0, "first\r\nBcc: x@y.example")), false);

        assertThat(SpamReport.of(scan, 5.0, DispositionReason.SPAM)).contains("ODD").contains("first Bcc: x@y.example\r\n");
    }

    @Test
    void aTruncatedScanShouldSaySo() {
        assertThat(SpamReport.of(new ScanResult(List.of(), true), 5.0, DispositionReason.BLACKLISTED))
            .contains("Only the beginning").contains("(no rule fired)").contains("personal black list");
    }
}
