package org.cleanmail.core.fingerprint.store.embedded;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only log of changes since the last snapshot. A record is its length (4
 * bytes), its body (a type byte then the payload) and the CRC-32 of the body; records are
 * forced to disk as they are written when {@code syncEachWrite} is set. On opening, the
 * records are replayed up to the first one that is cut short or fails its check (a crash
 * in the middle of a write), and the file is truncated there: the records before it are
 * kept.
 */
final class Journal implements Closeable {
    /** Replays one record. */
    interface RecordHandler {
        void apply(byte type, DataInputStream payload) throws IOException;
    }

    static final int MAX_RECORD_BYTES = 1 << 20;

    private static final Logger LOGGER = LoggerFactory.getLogger(Journal.class);

    private final Path file;
    private final FileChannel channel;
    private final boolean syncEachWrite;
    private boolean broken;

    private Journal(Path file, FileChannel channel, boolean syncEachWrite) {
        this.file = file;
        this.channel = channel;
        this.syncEachWrite = syncEachWrite;
    }

    static Journal open(Path file, boolean syncEachWrite, RecordHandler handler) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
        try {
            long validEnd = replay(channel, handler);
            if (validEnd < channel.size()) {
                LOGGER.warn("Fingerprint journal {}: dropping {} bytes of an incomplete or damaged record at offset {}"
                    + " (a crash during a write); earlier records are kept", file, channel.size() - validEnd, validEnd);
                channel.truncate(validEnd);
                channel.force(true);
            }
            channel.position(validEnd);
            return new Journal(file, channel, syncEachWrite);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static long replay(FileChannel channel, RecordHandler handler) throws IOException {
        channel.position(0);
        InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
        DataInputStream data = new DataInputStream(in);
        long validEnd = 0;
        CRC32 crc = new CRC32();
        while (true) {
            byte[] body;
            try {
                int length = data.readInt();
                if (length < 1 || length > MAX_RECORD_BYTES) {
                    return validEnd;
                }
                body = new byte[length];
                data.readFully(body);
                int expected = data.readInt();
                crc.reset();
                crc.update(body);
                if ((int) crc.getValue() != expected) {
                    return validEnd;
                }
            } catch (EOFException e) {
                return validEnd;
            }
            handler.apply(body[0], new DataInputStream(new ByteArrayInputStream(body, 1, body.length - 1)));
            validEnd += Integer.BYTES + body.length + Integer.BYTES;
        }
    }

    /** Appends one record whose body is {@code type} then {@code payload}. */
    void append(byte type, byte[] payload) throws IOException {
        int length = payload.length + 1;
        if (length > MAX_RECORD_BYTES) {
            throw new IOException("journal record of " + length + " bytes, at most " + MAX_RECORD_BYTES);
        }
        ByteBuffer buffer = ByteBuffer.allocate(Integer.BYTES + length + Integer.BYTES);
        buffer.putInt(length);
        buffer.put(type);
        buffer.put(payload);
        CRC32 crc = new CRC32();
        crc.update(buffer.array(), Integer.BYTES, length);
        buffer.putInt((int) crc.getValue());
        buffer.flip();
        if (broken) {
            throw new IOException("the journal " + file + " failed a write and could not be repaired: reopen the store");
        }
        long start = channel.position();
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (syncEachWrite) {
                channel.force(false);
            }
        } catch (IOException e) {
            cutBackTo(start, e);
            throw e;
        }
    }

    /** After a failed write (disk full...), removes its partial record so that later records stay readable. */
    private void cutBackTo(long start, IOException failure) {
        try {
            channel.truncate(start);
            channel.position(start);
        } catch (IOException e) {
            failure.addSuppressed(e);
            broken = true;
        }
    }

    long size() throws IOException {
        return channel.size();
    }

    /** Empties the journal once a snapshot holds everything it said. */
    void reset() throws IOException {
        channel.truncate(0);
        channel.position(0);
        channel.force(true);
    }

    void sync() throws IOException {
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return "Journal{" + file + "}";
    }
}
