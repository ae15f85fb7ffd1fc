package org.cleanmail.archive.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.Mac;
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
    private static final String BLOCK_TRANSFORMATION = "AES/ECB/NoPadding";
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

    /** The derived key itself, for this package's tests only. */
    SecretKeySpec secretKey() {
        return key;
    }

    boolean matches(byte[] storedCheck) {
        return MessageDigest.isEqual(check, storedCheck);
    }

    byte[] check() {
        return check.clone();
    }

    /**
     * A keystream source for one file stream (not thread-safe): AES-CTR computed as the
     * AES encryption (ECB, initialised once) of the counter blocks, which is exactly what
     * the JDK's {@code AES/CTR/NoPadding} produces, without initialising a cipher for
     * every read.
     */
    Keystream keystream() {
        try {
            Cipher ecb = Cipher.getInstance(BLOCK_TRANSFORMATION);
            ecb.init(Cipher.ENCRYPT_MODE, key);
            return new Keystream(ecb);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available in this JDK", e);
        }
    }

    /** XORs bytes with the AES-CTR keystream of a file at a position. */
    static final class Keystream {
        private final Cipher ecb;
        private byte[] blocks = new byte[0];

        private Keystream(Cipher ecb) {
            this.ecb = ecb;
        }

        /**
         * Transforms {@code length} bytes at {@code offset} of the array in place, as the
         * bytes at {@code position} of a file whose counter starts at {@code iv}: encrypting
         * and decrypting are the same, and any position can be read alone.
         */
        void apply(byte[] iv, long position, byte[] bytes, int offset, int length) {
            if (length == 0) {
                return;
            }
            int skip = (int) (position % BLOCK);
            int size = (skip + length + BLOCK - 1) / BLOCK * BLOCK;
            if (blocks.length < size) {
                blocks = new byte[size];
            }
            byte[] counter = counter(iv, position / BLOCK);
            for (int at = 0; at < size; at += BLOCK) {
                System.arraycopy(counter, 0, blocks, at, BLOCK);
                increment(counter);
            }
            try {
                int done = ecb.update(blocks, 0, size, blocks, 0);
                if (done != size) {
                    throw new IllegalStateException("AES returned " + done + " bytes for " + size);
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES failed", e);
            }
            for (int i = 0; i < length; i++) {
                bytes[offset + i] ^= blocks[skip + i];
            }
        }

        private static void increment(byte[] counter) {
            for (int i = counter.length - 1; i >= 0; i--) {
                if (++counter[i] != 0) {
                    return;
                }
            }
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
