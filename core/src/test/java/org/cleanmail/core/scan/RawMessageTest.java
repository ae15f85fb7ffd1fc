package org.cleanmail.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class RawMessageTest {
    private static final String HAM = "From: alice@example.com\r\nTo: bob@example.com\r\n"
        + "Subject: lunch\r\n\r\nShall we meet at noon?\r\n";

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
    void truncatedShouldMarkTheHeadOfALargerMessage() {
        assertThat(RawMessage.truncated(new byte[16]).truncated()).isTrue();
        assertThat(RawMessage.of(new byte[16]).truncated()).isFalse();
    }
}
