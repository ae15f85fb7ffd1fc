package org.cleanmail.archive.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.store.DataInput;
import org.apache.lucene.store.DataOutput;

/**
 * The clear header of an encrypted index file, always {@value #LENGTH} bytes:
 * <pre>
 * magic "CMIX" (4) | version 1 (1) | key id length (1) | key id, ASCII, zero-padded (64)
 *   | key check value (8) | IV (16) | reserved, zero (2)
 * </pre>
 * Fixed-length so that a file's plaintext length is its length less {@value #LENGTH}.
 */
final class IndexFileHeader {
    static final int LENGTH = 96;
    static final byte[] MAGIC = {'C', 'M', 'I', 'X'};
    private static final byte VERSION = 1;
    private static final int ID_BYTES = 64;
    private static final int RESERVED = LENGTH - MAGIC.length - 2 - ID_BYTES - IndexFileKey.CHECK_BYTES
        - IndexFileKey.IV_BYTES;

    private final String keyId;
    private final byte[] check;
    private final byte[] iv;

    IndexFileHeader(String keyId, byte[] check, byte[] iv) {
        this.keyId = keyId;
        this.check = check;
        this.iv = iv;
    }

    String keyId() {
        return keyId;
    }

    byte[] check() {
        return check;
    }

    byte[] iv() {
        return iv;
    }

    void write(DataOutput out) throws IOException {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(MAGIC, MAGIC.length);
        out.writeByte(VERSION);
        out.writeByte((byte) id.length);
        out.writeBytes(Arrays.copyOf(id, ID_BYTES), ID_BYTES);
        out.writeBytes(check, check.length);
        out.writeBytes(iv, iv.length);
        out.writeBytes(new byte[RESERVED], RESERVED);
    }

    /**
     * Reads the header at the start of the input.
     *
     * @throws CorruptIndexException when the file is too short or was not written encrypted
     */
    static IndexFileHeader read(DataInput in, long fileLength, String name) throws IOException {
        if (fileLength < LENGTH) {
            throw new CorruptIndexException("Index file is shorter than the encryption header (" + fileLength
                + " bytes)", name);
        }
        byte[] magic = new byte[MAGIC.length];
        in.readBytes(magic, 0, magic.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new CorruptIndexException("Index file is not encrypted by the archive (no CMIX header): a plaintext"
                + " or foreign index; delete the index folder and restart to rebuild it from the content store", name);
        }
        byte version = in.readByte();
        if (version != VERSION) {
            throw new CorruptIndexException("Unknown index encryption version " + version, name);
        }
        int idLength = in.readByte() & 0xFF;
        byte[] id = new byte[ID_BYTES];
        in.readBytes(id, 0, ID_BYTES);
        if (idLength == 0 || idLength > ID_BYTES) {
            throw new CorruptIndexException("Bad key id length " + idLength + " in the encryption header", name);
        }
        byte[] check = new byte[IndexFileKey.CHECK_BYTES];
        in.readBytes(check, 0, check.length);
        byte[] iv = new byte[IndexFileKey.IV_BYTES];
        in.readBytes(iv, 0, iv.length);
        in.skipBytes(RESERVED);
        return new IndexFileHeader(new String(id, 0, idLength, StandardCharsets.US_ASCII), check, iv);
    }

    /** Whether the bytes start like an encrypted index file. */
    static boolean isEncrypted(byte[] start) {
        return start.length >= MAGIC.length && Arrays.equals(Arrays.copyOf(start, MAGIC.length), MAGIC);
    }
}
