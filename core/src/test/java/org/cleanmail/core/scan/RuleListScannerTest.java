package org.cleanmail.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RuleListScannerTest {
    private static final String HAM = "From: alice@example.com\r\nTo: bob@example.com\r\n"
        + "Subject: lunch\r\n\r\nShall we meet at noon?\r\n";
    private static final String GTUBE_MAIL = "From: alice@example.com\r\nTo: bob@example.com\r\n"
        + "Subject: test\r\n\r\nThis is the GTUBE, the\r\n" + GtubeRule.GTUBE + "\r\n";

    private final RuleListScanner scanner = new RuleListScanner(List.of(new GtubeRule()));

    @Test
    void scanShouldScoreGtubeMessagesAThousand() {
        ScanResult result = scanner.scan(RawMessage.of(GTUBE_MAIL.getBytes(StandardCharsets.US_ASCII)));

        assertThat(result.score()).isEqualTo(1000.0);
        assertThat(result.hitNames()).containsExactly("GTUBE");
        assertThat(result.reaches(5.0)).isTrue();
    }

    @Test
    void scanShouldNotHitOrdinaryMessages() {
        ScanResult result = scanner.scan(RawMessage.of(HAM.getBytes(StandardCharsets.US_ASCII)));

        assertThat(result.score()).isZero();
        assertThat(result.hits()).isEmpty();
        assertThat(result.reaches(5.0)).isFalse();
    }

    @Test
    void ruleCountShouldCountRules() {
        assertThat(scanner.ruleCount()).isEqualTo(1);
    }

    @Test
    void resultShouldSumHitsAndSortThemByName() {
        ScanResult result = new ScanResult(List.of(new RuleHit("B", 2.5, "b"), new RuleHit("A", -1.0, "a")), false);

        assertThat(result.score()).isEqualTo(1.5);
        assertThat(result.hitNames()).containsExactly("A", "B");
    }

    @Nested
    class Reading {
        @Test
        void readShouldKeepWholeMessagesUnderTheCap() throws IOException {
            RawMessage message = RawMessage.read(new ByteArrayInputStream(HAM.getBytes(StandardCharsets.US_ASCII)), 1024);

            assertThat(message.truncated()).isFalse();
            assertThat(message.length()).isEqualTo(HAM.length());
        }

        @Test
        void readShouldKeepAMessageOfExactlyTheCapWhole() throws IOException {
            RawMessage message = RawMessage.read(new ByteArrayInputStream(new byte[64]), 64);

            assertThat(message.truncated()).isFalse();
            assertThat(message.length()).isEqualTo(64);
        }

        @Test
        void readShouldCutAndMarkMessagesOverTheCap() throws IOException {
            RawMessage message = RawMessage.read(new ByteArrayInputStream(new byte[65]), 64);

            assertThat(message.truncated()).isTrue();
            assertThat(message.length()).isEqualTo(64);
        }

        @Test
        void scanOfATruncatedMessageShouldSayItWasTruncated() throws IOException {
            byte[] big = (HAM + "x".repeat(100)).getBytes(StandardCharsets.US_ASCII);

            ScanResult result = scanner.scan(RawMessage.read(new ByteArrayInputStream(big), 32));

            assertThat(result.truncated()).isTrue();
        }
    }
}
