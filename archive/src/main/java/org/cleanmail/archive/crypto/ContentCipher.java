package org.cleanmail.archive.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

import org.cleanmail.archive.model.ArchiveId;

/**
 * Encrypts and authenticates archive blobs with AES-256-GCM from the JDK. A blob is:
 * <pre>
 * magic "CMAR" (4 bytes) | version 1 (1 byte) | key id length (1 byte) | key id (ASCII)
 *   | nonce (12 bytes) | ciphertext | GCM tag (16 bytes)
 * </pre>
 * The header is in clear so that a blob says which key decrypts it (entries stay readable
 * after rotation); it is authenticated as additional data together with the archive id, so
 * that a changed header, a changed byte, a cut blob or a blob moved under another id all
 * fail with {@link TamperedContentException}. Every blob gets a fresh random 96-bit nonce
 * from {@link SecureRandom}; with random nonces, rotate a key before it has encrypted
 * 2<sup>32</sup> messages (NIST SP 800-38D). Thread-safe: a {@link Cipher} per call.
 */
public final class ContentCipher {
    private static final byte[] MAGIC = {'C', 'M', 'A', 'R'};
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int TAG_BYTES = TAG_BITS / 8;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final KeyRing keys;
    private final SecureRandom nonces;

    public ContentCipher(KeyRing keys) {
        this(keys, new SecureRandom());
    }

    ContentCipher(KeyRing keys, SecureRandom nonces) {
        this.keys = Objects.requireNonNull(keys, "key ring");
        this.nonces = Objects.requireNonNull(nonces, "nonce source");
    }

    /** The id of the key that {@link #seal} uses. */
    public String activeKeyId() {
        return keys.active().id();
    }

    /** Encrypts the plaintext under the active key, bound to the archive id. */
    public byte[] seal(ArchiveId id, byte[] plaintext) {
        ArchiveKey key = keys.active();
        byte[] nonce = new byte[NONCE_BYTES];
        nonces.nextBytes(nonce);
        byte[] header = header(key.id(), nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header);
            cipher.updateAAD(id.value().getBytes(StandardCharsets.US_ASCII));
            byte[] blob = Arrays.copyOf(header, header.length + cipher.getOutputSize(plaintext.length));
            int written = cipher.doFinal(plaintext, 0, plaintext.length, blob, header.length);
            return written == blob.length - header.length ? blob : Arrays.copyOf(blob, header.length + written);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /**
     * Decrypts and authenticates a blob stored under that id.
     *
     * @throws TamperedContentException when the blob is not authentic (its bytes are never returned)
     * @throws UnknownArchiveKeyException when the blob's key is not in the key ring
     */
    public byte[] open(ArchiveId id, byte[] blob) throws TamperedContentException, UnknownArchiveKeyException {
        String keyId = keyIdOf(id, blob);
        ArchiveKey key = keys.key(keyId).orElseThrow(() -> new UnknownArchiveKeyException(keyId,
            "Archive entry " + id + " is encrypted with key '" + keyId + "', which is not in the key file (keys: "
                + keys.ids() + "); put its line back to read it"));
        int headerLength = MAGIC.length + 2 + keyId.length() + NONCE_BYTES;
        byte[] nonce = Arrays.copyOfRange(blob, headerLength - NONCE_BYTES, headerLength);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(blob, 0, headerLength);
            cipher.updateAAD(id.value().getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(blob, headerLength, blob.length - headerLength);
        } catch (AEADBadTagException e) {
            throw new TamperedContentException("Archive entry " + id + " failed authentication: its stored bytes were"
                + " changed or do not belong to this id", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /**
     * The key id written in a blob's header.
     *
     * @throws TamperedContentException when the blob has no valid header
     */
    public static String keyIdOf(ArchiveId id, byte[] blob) throws TamperedContentException {
        int minimum = MAGIC.length + 2 + 1 + NONCE_BYTES + TAG_BYTES;
        if (blob.length < minimum || !Arrays.equals(blob, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new TamperedContentException("Archive entry " + id + " is not an archive blob (bad header)");
        }
        if (blob[MAGIC.length] != VERSION) {
            throw new TamperedContentException("Archive entry " + id + " has blob version " + blob[MAGIC.length]
                + ", this server reads version " + VERSION);
        }
        int keyIdLength = blob[MAGIC.length + 1] & 0xff;
        if (keyIdLength == 0 || blob.length < minimum - 1 + keyIdLength) {
            throw new TamperedContentException("Archive entry " + id + " has a damaged header");
        }
        String keyId = new String(blob, MAGIC.length + 2, keyIdLength, StandardCharsets.US_ASCII);
        if (!ArchiveKey.ID_SHAPE.matcher(keyId).matches()) {
            throw new TamperedContentException("Archive entry " + id + " has a damaged key id");
        }
        return keyId;
    }

    private static byte[] header(String keyId, byte[] nonce) {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(MAGIC.length + 2 + id.length + nonce.length)
            .put(MAGIC).put(VERSION).put((byte) id.length).put(id).put(nonce).array();
    }

    @Override
    public String toString() {
        return "ContentCipher{AES-256-GCM, " + keys + "}";
    }
}
