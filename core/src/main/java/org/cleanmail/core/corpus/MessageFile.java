package org.cleanmail.core.corpus;

/** One message to scan or learn: where it comes from ({@code path} or {@code path#3} inside an mbox) and its bytes. */
public final class MessageFile {
    private final String label;
    private final byte[] bytes;

    public MessageFile(String label, byte[] bytes) {
        this.label = label;
        this.bytes = bytes;
    }

    public String label() {
        return label;
    }

    public byte[] bytes() {
        return bytes;
    }
}
