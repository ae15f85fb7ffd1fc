package org.cleanmail.archive.crypto;

import java.io.IOException;
import java.util.zip.CRC32;

import org.apache.lucene.store.IndexOutput;

/**
 * Writes one index file encrypted: the clear {@link IndexFileHeader}, then what Lucene
 * writes, AES-CTR encrypted in chunks of {@value #CHUNK} bytes. File pointer and checksum
 * are those of the plaintext, as Lucene's {@code CodecUtil} expects: the CRC32 that
 * {@code writeFooter} asks for is the one {@code checkFooter} computes when it reads the
 * decrypted file back. Not thread-safe (nor are Lucene's outputs).
 */
final class EncryptedIndexOutput extends IndexOutput {
    private static final int CHUNK = 8192;

    private final IndexOutput raw;
    private final IndexFileKey key;
    private final byte[] iv;
    private final IndexFileKey.Keystream keystream;
    private final CRC32 crc = new CRC32();
    private final byte[] buffer = new byte[CHUNK];
    private int buffered;
    private long flushed;
    private boolean closed;

    EncryptedIndexOutput(IndexOutput raw, IndexFileKey key, byte[] iv) throws IOException {
        super("encrypted(" + raw + ")", raw.getName());
        this.raw = raw;
        this.key = key;
        this.iv = iv;
        this.keystream = key.keystream();
        new IndexFileHeader(key.id(), key.check(), iv).write(raw);
    }

    @Override
    public void writeByte(byte b) throws IOException {
        if (buffered == CHUNK) {
            flushBuffer();
        }
        buffer[buffered++] = b;
    }

    @Override
    public void writeBytes(byte[] bytes, int offset, int length) throws IOException {
        int from = offset;
        int left = length;
        while (left > 0) {
            if (buffered == CHUNK) {
                flushBuffer();
            }
            int n = Math.min(left, CHUNK - buffered);
            System.arraycopy(bytes, from, buffer, buffered, n);
            buffered += n;
            from += n;
            left -= n;
        }
    }

    @Override
    public long getFilePointer() {
        return flushed + buffered;
    }

    @Override
    public long getChecksum() throws IOException {
        flushBuffer();
        return crc.getValue();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flushBuffer();
        } finally {
            raw.close();
        }
    }

    private void flushBuffer() throws IOException {
        if (buffered == 0) {
            return;
        }
        crc.update(buffer, 0, buffered);
        keystream.apply(iv, flushed, buffer, 0, buffered);
        raw.writeBytes(buffer, 0, buffered);
        flushed += buffered;
        buffered = 0;
    }
}
