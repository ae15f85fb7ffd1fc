package org.cleanmail.core.fingerprint.store.embedded;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

import org.cleanmail.core.fingerprint.store.FingerprintEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole store in one file: a header (magic, version, entry count), the entries, and
 * the CRC-32 of everything before it. Written to a temporary file, forced to disk, then
 * renamed over the previous snapshot atomically, so that a crash leaves either the old
 * snapshot or the new one, never half of one.
 */
final class Snapshot {
    private static final int MAGIC = 0x434d4650;
    private static final int VERSION = 1;
    private static final String TEMPORARY_SUFFIX = ".tmp";
    private static final Logger LOGGER = LoggerFactory.getLogger(Snapshot.class);

    private Snapshot() {
    }

    static void write(Path file, long count, Iterator<FingerprintEntry> entries) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + TEMPORARY_SUFFIX);
        CRC32 crc = new CRC32();
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            CheckedOutputStream checked = new CheckedOutputStream(
                new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16), crc);
            DataOutputStream out = new DataOutputStream(checked);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(count);
            long written = 0;
            while (entries.hasNext()) {
                EntryCodec.writeEntry(entries.next(), out);
                written++;
            }
            if (written != count) {
                throw new IllegalStateException("snapshot announced " + count + " entries, wrote " + written);
            }
            out.flush();
            ByteBuffer trailer = ByteBuffer.allocate(Integer.BYTES).putInt((int) crc.getValue());
            trailer.flip();
            while (trailer.hasRemaining()) {
                channel.write(trailer);
            }
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncFolder(file.getParent());
    }

    /** Reads every entry of the snapshot, if there is one; a damaged snapshot is an error, not an empty store. */
    static void read(Path file, Consumer<FingerprintEntry> consumer) throws IOException {
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + TEMPORARY_SUFFIX));
        if (!Files.exists(file)) {
            return;
        }
        CRC32 crc = new CRC32();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc));
            if (in.readInt() != MAGIC) {
                throw new IOException(file + " is not a fingerprint snapshot");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(file + " is a version " + version + " snapshot, this store reads version " + VERSION);
            }
            long count = in.readLong();
            for (long i = 0; i < count; i++) {
                consumer.accept(EntryCodec.readEntry(in));
            }
            int computed = (int) crc.getValue();
            int stored = new DataInputStream(raw).readInt();
            if (stored != computed) {
                throw new IOException(file + " is damaged (checksum mismatch): restore it from a backup or delete it");
            }
        }
    }

    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOGGER.debug("Cannot force folder {} to disk (not supported on this platform); the rename stays atomic",
                folder, e);
        }
    }
}
