package org.cleanmail.archive.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class MboxWriterTest {
    private static final Instant ARRIVAL = Instant.parse("2026-11-06T14:21:40Z");

    private static String mbox(String sender, String... messages) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MboxWriter writer = new MboxWriter(out);
        for (String message : messages) {
            writer.write(sender, ARRIVAL, message.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(writer.messages()).isEqualTo(messages.length);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eachMessageShouldStartWithAFromLineAndEndWithABlankLine() throws IOException {
        assertThat(mbox("alice@example.com", "Subject: a\r\n\r\none\r\n", "Subject: b\r\n\r\ntwo\r\n"))
            .isEqualTo("From alice@example.com Fri Nov  6 14:21:40 2026\nSubject: a\n\none\n\n"
                + "From alice@example.com Fri Nov  6 14:21:40 2026\nSubject: b\n\ntwo\n\n");
    }

    @Test
    void fromLinesOfTheBodyShouldBeQuotedOnceMore() throws IOException {
        assertThat(mbox("a@b.c", "Subject: q\n\nFrom here\n>From there\n>>From far\nFrom:header-like\n From x\n"))
            .isEqualTo("From a@b.c Fri Nov  6 14:21:40 2026\nSubject: q\n\n>From here\n>>From there\n>>>From far\n"
                + "From:header-like\n From x\n\n");
    }

    @Test
    void aMissingOrOddSenderShouldBeMailerDaemon() throws IOException {
        assertThat(mbox("", "S: x\n")).startsWith("From MAILER-DAEMON Fri Nov  6 14:21:40 2026\n");
        assertThat(mbox("two words@x", "S: x\n")).startsWith("From MAILER-DAEMON ");
        assertThat(mbox(null, "S: x\n")).startsWith("From MAILER-DAEMON ");
    }

    @Test
    void aMessageWithoutAFinalNewlineShouldStillBeSeparated() throws IOException {
        assertThat(mbox("a@b.c", "S: x\n\nlast", "S: y\n\n"))
            .isEqualTo("From a@b.c Fri Nov  6 14:21:40 2026\nS: x\n\nlast\n\n"
                + "From a@b.c Fri Nov  6 14:21:40 2026\nS: y\n\n\n");
    }
}
