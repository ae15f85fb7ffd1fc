package org.cleanmail.archive.crypto;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One AES-256 key of the archive and its id. The id is written in clear in the header of
 * every blob the key encrypts; the key material never leaves this object except to the
 * cipher, and never appears in {@link #toString()}.
 */
public final class ArchiveKey {
    /** Ids are short and safe to write anywhere: letters, digits, {@code . _ -}, 1 to 64. */
    public static final Pattern ID_SHAPE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    public static final int KEY_BYTES = 32;

    private final String id;
    private final SecretKey key;

    private ArchiveKey(String id, SecretKey key) {
        this.id = id;
        this.key = key;
    }

    /**
     * A key from its 32 bytes; the array is copied, the caller may wipe its own.
     *
     * @throws IllegalArgumentException when the id or the length is wrong (the message never shows the key)
     */
    public static ArchiveKey of(String id, byte[] material) {
        Objects.requireNonNull(id, "key id");
        Objects.requireNonNull(material, "key material");
        if (!ID_SHAPE.matcher(id).matches()) {
            throw new IllegalArgumentException("A key id is 1 to 64 letters, digits, '.', '_' or '-', e.g. 2026-01;"
                + " got '" + id + "'");
        }
        if (material.length != KEY_BYTES) {
            throw new IllegalArgumentException("Key '" + id + "' must be " + KEY_BYTES + " bytes (AES-256),"
                + " e.g. the output of 'openssl rand -base64 32'; got " + material.length + " bytes");
        }
        byte[] copy = material.clone();
        try {
            return new ArchiveKey(id, new SecretKeySpec(copy, "AES"));
        } finally {
            Arrays.fill(copy, (byte) 0);
        }
    }

    public String id() {
        return id;
    }

    SecretKey secretKey() {
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArchiveKey && id.equals(((ArchiveKey) o).id) && key.equals(((ArchiveKey) o).key);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "ArchiveKey{id=" + id + "}";
    }
}
