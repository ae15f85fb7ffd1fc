package org.cleanmail.archive.crypto;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

import org.apache.lucene.store.BufferedIndexInput;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;

/**
 * Reads one encrypted index file (or a slice of it) as plaintext. AES-CTR lets any
 * position be decrypted alone, so seeks cost nothing and each buffer refill decrypts just
 * the bytes it reads from the raw file. Clones and slices get their own clone of the raw
 * input and their own keystream; only the input the directory opened closes the raw input,
 * as Lucene's contract wants (clones and slices are never closed by their users).
 */
final class EncryptedIndexInput extends BufferedIndexInput {
    private IndexInput raw;
    private final IndexFileKey key;
    private final byte[] iv;
    /** Where this input's position 0 is in the plaintext of the whole file. */
    private final long start;
    private final long length;
    private boolean isClone;
    private IndexFileKey.Keystream keystream;
    private byte[] scratch = new byte[0];

    EncryptedIndexInput(String description, IndexInput raw, IndexFileKey key, byte[] iv, IOContext context) {
        super(description, context);
        this.raw = raw;
        this.key = key;
        this.iv = iv;
        this.start = 0;
        this.length = raw.length() - IndexFileHeader.LENGTH;
    }

    private EncryptedIndexInput(String description, IndexInput raw, IndexFileKey key, byte[] iv, long start,
                                long length, int bufferSize) {
        super(description, bufferSize);
        this.raw = raw;
        this.key = key;
        this.iv = iv;
        this.start = start;
        this.length = length;
        this.isClone = true;
    }

    @Override
    protected void readInternal(ByteBuffer target) throws IOException {
        long position = getFilePointer();
        int n = target.remaining();
        if (position + n > length) {
            throw new EOFException("read past EOF: " + this + " (position " + position + ", " + n + " bytes, length "
                + length + ")");
        }
        if (scratch.length < n) {
            scratch = new byte[Math.max(n, getBufferSize())];
        }
        raw.seek(IndexFileHeader.LENGTH + start + position);
        raw.readBytes(scratch, 0, n);
        if (keystream == null) {
            // Lazily: Lucene clones inputs for every term it looks up, and most clones read little.
            keystream = key.keystream();
        }
        keystream.apply(iv, start + position, scratch, 0, n);
        target.put(scratch, 0, n);
    }

    @Override
    protected void seekInternal(long position) throws IOException {
        if (position > length) {
            throw new EOFException("seek past EOF: " + this + " (position " + position + ", length " + length + ")");
        }
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public EncryptedIndexInput clone() {
        EncryptedIndexInput clone = (EncryptedIndexInput) super.clone();
        clone.raw = raw.clone();
        clone.isClone = true;
        clone.keystream = null;
        clone.scratch = new byte[0];
        return clone;
    }

    @Override
    public IndexInput slice(String description, long offset, long sliceLength) throws IOException {
        if (offset < 0 || sliceLength < 0 || offset + sliceLength > length) {
            throw new IllegalArgumentException("slice() " + description + " out of bounds: offset=" + offset
                + ", length=" + sliceLength + ", fileLength=" + length + ": " + this);
        }
        return new EncryptedIndexInput(getFullSliceDescription(description), raw.clone(), key, iv, start + offset,
            sliceLength, getBufferSize());
    }

    @Override
    public void close() throws IOException {
        if (!isClone) {
            raw.close();
        }
    }
}
