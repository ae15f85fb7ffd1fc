package org.cleanmail.archive.model;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The plaintext form of an {@link ArchivedMessage}, the bytes that get encrypted: a
 * version byte, the length of the metadata (4 bytes, big-endian), the metadata as UTF-8
 * {@code key=value} lines (values URL-encoded, so that no value can break a line;
 * repeated keys for lists; unknown keys ignored, so newer writers stay readable), then
 * the raw message. Stateless and thread-safe.
 */
public final class ArchivedMessageCodec {
    private static final byte VERSION = 1;
    private static final int MAX_METADATA_BYTES = 1024 * 1024;

    private ArchivedMessageCodec() {
    }

    public static byte[] encode(ArchivedMessage message) {
        byte[] metadata = metadataText(message.metadata()).getBytes(StandardCharsets.UTF_8);
        byte[] raw = message.rawView();
        ByteBuffer buffer = ByteBuffer.allocate(1 + 4 + metadata.length + raw.length);
        buffer.put(VERSION).putInt(metadata.length).put(metadata).put(raw);
        return buffer.array();
    }

    /** @throws IOException when the bytes are not a record of a known version */
    public static ArchivedMessage decode(byte[] plaintext) throws IOException {
        if (plaintext.length < 5 || plaintext[0] != VERSION) {
            throw new IOException("Not an archive record of version " + VERSION);
        }
        ByteBuffer buffer = ByteBuffer.wrap(plaintext);
        buffer.get();
        int length = buffer.getInt();
        if (length < 0 || length > MAX_METADATA_BYTES || length > buffer.remaining()) {
            throw new IOException("Archive record metadata length out of bounds: " + length);
        }
        String text = new String(plaintext, 5, length, StandardCharsets.UTF_8);
        byte[] raw = new byte[buffer.remaining() - length];
        System.arraycopy(plaintext, 5 + length, raw, 0, raw.length);
        try {
            return new ArchivedMessage(parseMetadata(text), raw);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IOException("Archive record metadata is invalid: " + e.getMessage(), e);
        }
    }

    private static String metadataText(ArchiveMetadata metadata) {
        StringBuilder text = new StringBuilder();
        line(text, "arrival", metadata.arrival().toString());
        line(text, "direction", metadata.direction().indexValue());
        metadata.envelopeSender().ifPresent(sender -> line(text, "sender", sender));
        metadata.envelopeRecipients().forEach(recipient -> line(text, "rcpt", recipient));
        metadata.remoteIp().ifPresent(ip -> line(text, "ip", ip));
        metadata.verdict().ifPresent(verdict -> line(text, "verdict", verdict));
        metadata.score().ifPresent(score -> line(text, "score", Double.toString(score)));
        metadata.hits().forEach(hit -> line(text, "hit", hit));
        return text.toString();
    }

    private static void line(StringBuilder text, String key, String value) {
        text.append(key).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('\n');
    }

    private static ArchiveMetadata parseMetadata(String text) throws IOException {
        Instant arrival = null;
        Direction direction = Direction.INBOUND;
        String sender = null;
        String ip = null;
        String verdict = null;
        Double score = null;
        List<String> recipients = new ArrayList<>();
        List<String> hits = new ArrayList<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String key = line.substring(0, equals);
            String value = URLDecoder.decode(line.substring(equals + 1), StandardCharsets.UTF_8);
            switch (key) {
                case "arrival":
                    arrival = Instant.parse(value);
                    break;
                case "direction":
                    direction = Direction.parse(value);
                    break;
                case "sender":
                    sender = value;
                    break;
                case "rcpt":
                    recipients.add(value);
                    break;
                case "ip":
                    ip = value;
                    break;
                case "verdict":
                    verdict = value;
                    break;
                case "score":
                    score = Double.parseDouble(value);
                    break;
                case "hit":
                    hits.add(value);
                    break;
                default:
                    break;
            }
        }
        if (arrival == null) {
            throw new IOException("Archive record metadata has no arrival time");
        }
        ArchiveMetadata.Builder builder = ArchiveMetadata.builder(arrival)
            .direction(direction)
            .envelopeSender(sender)
            .envelopeRecipients(recipients)
            .remoteIp(ip)
            .verdict(verdict)
            .hits(hits);
        if (score != null) {
            builder.score(score);
        }
        return builder.build();
    }
}
