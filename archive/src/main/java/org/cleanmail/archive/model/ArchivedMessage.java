package org.cleanmail.archive.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * One archived message as stored (encrypted) in the content store: its metadata and its
 * raw bytes as received. Immutable: the bytes are copied in and out.
 */
public final class ArchivedMessage {
    private final ArchiveMetadata metadata;
    private final byte[] raw;

    public ArchivedMessage(ArchiveMetadata metadata, byte[] raw) {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.raw = Objects.requireNonNull(raw, "raw message").clone();
    }

    public ArchiveMetadata metadata() {
        return metadata;
    }

    /** A copy of the message bytes (RFC 822), as received. */
    public byte[] raw() {
        return raw.clone();
    }

    /** The size of the message in bytes. */
    public int size() {
        return raw.length;
    }

    /** The bytes themselves, for this module's codecs that only read them. */
    byte[] rawView() {
        return raw;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArchivedMessage && metadata.equals(((ArchivedMessage) o).metadata)
            && Arrays.equals(raw, ((ArchivedMessage) o).raw);
    }

    @Override
    public int hashCode() {
        return 31 * metadata.hashCode() + Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "ArchivedMessage{" + raw.length + " bytes, " + metadata + "}";
    }
}
