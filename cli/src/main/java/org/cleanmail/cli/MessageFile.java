package org.cleanmail.cli;

/** One message to scan or learn: where it comes from ({@code path} or {@code path#3} inside an mbox) and its bytes. */
final class MessageFile {
    private final String label;
    private final byte[] bytes;

    MessageFile(String label, byte[] bytes) {
        this.label = label;
        this.bytes = bytes;
    }

    String label() {
        return label;
    }

    byte[] bytes() {
        return bytes;
    }
}
