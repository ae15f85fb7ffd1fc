package org.cleanmail.core.scan;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The bytes of a message as received (RFC 822), read up to a cap. Scanning works on at
 * most {@code maxBytes}: a larger message is scanned by its head and marked truncated,
 * so that a huge message costs bounded time and memory.
 */
public final class RawMessage {
    private final byte[] bytes;
    private final boolean truncated;

    private RawMessage(byte[] bytes, boolean truncated) {
        this.bytes = bytes;
        this.truncated = truncated;
    }

    public static RawMessage of(byte[] bytes) {
        return new RawMessage(bytes.clone(), false);
    }

    /** The head of a larger message, cut at the scan cap by the caller. */
    public static RawMessage truncated(byte[] head) {
        return new RawMessage(head.clone(), true);
    }

    /** Reads at most {@code maxBytes} of the stream; the stream is not closed. */
    public static RawMessage read(InputStream in, int maxBytes) throws IOException {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        byte[] head = in.readNBytes(maxBytes);
        boolean truncated = head.length == maxBytes && in.read() != -1;
        return new RawMessage(head, truncated);
    }

    /** The bytes read; callers must not modify the array. */
    public byte[] bytes() {
        return bytes;
    }

    public int length() {
        return bytes.length;
    }

    public boolean truncated() {
        return truncated;
    }

    @Override
    public String toString() {
        return "RawMessage{" + bytes.length + " bytes" + (truncated ? ", truncated" : "") + "}";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawMessage && truncated == ((RawMessage) o).truncated
            && Arrays.equals(bytes, ((RawMessage) o).bytes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + Boolean.hashCode(truncated);
    }
}
