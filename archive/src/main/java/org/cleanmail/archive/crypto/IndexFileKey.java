package org.cleanmail.archive.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that encrypts the archive's index files, derived from one archive key:
 * HMAC-SHA256(archive key, {@value #LABEL}), so that the content key itself is never used
 * in another mode. Its key check value (the first 8 bytes of HMAC-SHA256(index key,
 * "check")) goes into each file header, so that a key file whose material changed under
 * the same id is named at opening instead of showing up as a corrupt index. Immutable;
 * never shows key material.
 */
final class IndexFileKey {
    static final int CHECK_BYTES = 8;
    static final int IV_BYTES = 16;
    private static final String LABEL = "CleanMail archive index key v1";
    private static final String MAC = "HmacSHA256";
    private static final String TRANSFORMATION = "AES/CTR/NoPadding";
    private static final int BLOCK = 16;

    private final String id;
    private final SecretKeySpec key;
    private final byte[] check;

    private IndexFileKey(String id, SecretKeySpec key, byte[] check) {
        this.id = id;
        this.key = key;
        this.check = check;
    }

    static IndexFileKey derive(ArchiveKey archiveKey) {
        byte[] material = hmac(archiveKey.secretKey().getEncoded(), LABEL);
        try {
            SecretKeySpec key = new SecretKeySpec(material, "AES");
            return new IndexFileKey(archiveKey.id(), key, Arrays.copyOf(hmac(material, "check"), CHECK_BYTES));
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    String id() {
        return id;
    }

    boolean matches(byte[] storedCheck) {
        return MessageDigest.isEqual(check, storedCheck);
    }

    byte[] check() {
        return check.clone();
    }

    /** A cipher for {@link #transform}; one per thread or stream, it is not thread-safe. */
    static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR is not available in this JDK", e);
        }
    }

    /**
     * Transforms {@code length} bytes at {@code offset} of the array in place, as the bytes
     * at {@code position} of a file whose counter starts at {@code iv}: AES-CTR, so that
     * encrypting and decrypting are the same and any position can be read alone. The cipher
     * comes from {@link #newCipher()} and is initialised again here.
     */
    void transform(Cipher cipher, byte[] iv, long position, byte[] bytes, int offset, int length) {
        if (length == 0) {
            return;
        }
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(counter(iv, position / BLOCK)));
            int skip = (int) (position % BLOCK);
            if (skip > 0) {
                cipher.update(new byte[skip]);
            }
            int done = cipher.doFinal(bytes, offset, length, bytes, offset);
            if (done != length) {
                throw new IllegalStateException("AES-CTR returned " + done + " bytes for " + length);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR is not available in this JDK", e);
        }
    }

    /** The IV plus the block number, as one 128-bit big-endian number (as the JDK's CTR counts). */
    static byte[] counter(byte[] iv, long block) {
        byte[] counter = iv.clone();
        long carry = block;
        for (int i = counter.length - 1; i >= 0 && carry != 0; i--) {
            long sum = (counter[i] & 0xFF) + (carry & 0xFF);
            counter[i] = (byte) sum;
            carry = (carry >>> 8) + (sum >>> 8);
        }
        return counter;
    }

    private static byte[] hmac(byte[] key, String label) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(new SecretKeySpec(key, MAC));
            return mac.doFinal(label.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "IndexFileKey{id=" + id + "}";
    }
}
