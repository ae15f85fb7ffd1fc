package org.cleanmail.archive.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Writes messages to an mbox file in the {@code mboxrd} form that mail clients and
 * {@code formail}/mime4j read: each message starts with a {@code From_} line
 * ({@code From sender@example.com Thu Nov 26 14:21:40 2026}, sender {@code MAILER-DAEMON}
 * when the envelope had none), its lines end in LF, every body line that starts with
 * {@code From } after any number of {@code >} gets one more {@code >}, and a blank line
 * follows it. The writer does not close the stream. Not thread-safe.
 */
public final class MboxWriter {
    /** The media type of the file, for downloads. */
    public static final String MEDIA_TYPE = "application/mbox";
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter
        .ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern SENDER = Pattern.compile("[^\\s\"]+@[^\\s\"]+");
    private static final String NO_SENDER = "MAILER-DAEMON";

    private final OutputStream out;
    private long messages;

    public MboxWriter(OutputStream out) {
        this.out = Objects.requireNonNull(out, "output");
    }

    /**
     * Appends a message.
     *
     * @param envelopeSender the envelope sender, empty or malformed for none
     * @param arrival        when it arrived, for the {@code From_} line
     * @param raw            the message as received, CRLF or LF line ends
     */
    public void write(String envelopeSender, Instant arrival, byte[] raw) throws IOException {
        String sender = envelopeSender != null && SENDER.matcher(envelopeSender).matches() ? envelopeSender : NO_SENDER;
        out.write(("From " + sender + " " + ASCTIME.format(arrival) + "\n").getBytes(StandardCharsets.US_ASCII));
        int start = 0;
        while (start < raw.length) {
            int end = start;
            while (end < raw.length && raw[end] != '\n') {
                end++;
            }
            int contentEnd = end > start && raw[end - 1] == '\r' ? end - 1 : end;
            if (quoted(raw, start, contentEnd)) {
                out.write('>');
            }
            out.write(raw, start, contentEnd - start);
            out.write('\n');
            start = end + 1;
        }
        out.write('\n');
        messages++;
    }

    /** Messages written so far. */
    public long messages() {
        return messages;
    }

    /** Whether the line is {@code >*From }: mboxrd quotes it with one more {@code >}. */
    private static boolean quoted(byte[] raw, int from, int to) {
        int i = from;
        while (i < to && raw[i] == '>') {
            i++;
        }
        return to - i >= 5 && raw[i] == 'F' && raw[i + 1] == 'r' && raw[i + 2] == 'o' && raw[i + 3] == 'm'
            && raw[i + 4] == ' ';
    }
}
