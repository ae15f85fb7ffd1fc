package org.cleanmail.archive.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.cleanmail.archive.model.ArchiveId;

/**
 * The embedded content store: one file per blob under a root folder, fanned out by the
 * first four hex digits of the id ({@code root/0f/3a/0f3a9c...}), at most 65,536 folders
 * of a few hundred files each even for tens of millions of messages. A write goes to a
 * temporary file beside its target ({@code .ID.*.tmp}), is forced to disk, renamed
 * atomically over the target, and the folder is forced too: a crash leaves either the old
 * blob, the new one, or a stray temporary file, never a partial blob. Thread-safe.
 */
public final class FileArchiveContentStore implements ArchiveContentStore {
    /** Default cap on a blob read back: larger files are not archive blobs. */
    public static final long DEFAULT_MAX_BLOB_BYTES = 256L * 1024 * 1024;

    private final Path root;
    private final long maxBlobBytes;

    public FileArchiveContentStore(Path root) throws IOException {
        this(root, DEFAULT_MAX_BLOB_BYTES);
    }

    public FileArchiveContentStore(Path root, long maxBlobBytes) throws IOException {
        this.root = Objects.requireNonNull(root, "content folder");
        if (maxBlobBytes <= 0) {
            throw new IllegalArgumentException("maxBlobBytes must be positive, got " + maxBlobBytes);
        }
        this.maxBlobBytes = maxBlobBytes;
        Files.createDirectories(root);
    }

    public Path root() {
        return root;
    }

    @Override
    public void put(ArchiveId id, byte[] blob) throws IOException {
        Path target = path(id);
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "." + id.value() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(blob);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            move(temporary, target);
            temporary = null;
            forceFolder(folder);
        } finally {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    @Override
    public Optional<byte[]> get(ArchiveId id) throws IOException {
        Path file = path(id);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > maxBlobBytes) {
                throw new IOException("Archive blob " + id + " is " + size + " bytes, more than the cap of "
                    + maxBlobBytes + ": not an archive blob");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // reads until full or end of file
            }
            return Optional.of(buffer.position() == size ? buffer.array() : Arrays.copyOf(buffer.array(),
                buffer.position()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean contains(ArchiveId id) {
        return Files.isRegularFile(path(id));
    }

    @Override
    public boolean delete(ArchiveId id) throws IOException {
        Path file = path(id);
        boolean deleted = Files.deleteIfExists(file);
        if (deleted) {
            forceFolder(file.getParent());
        }
        return deleted;
    }

    @Override
    public Stream<ArchiveId> ids() throws IOException {
        Stream<Path> files = Files.walk(root, 3);
        return files.filter(file -> ArchiveId.isValid(file.getFileName().toString()))
            .filter(Files::isRegularFile)
            .map(file -> ArchiveId.of(file.getFileName().toString()))
            .onClose(files::close);
    }

    /** The file of an id: {@code root/ab/cd/abcd...}. */
    Path path(ArchiveId id) {
        String value = id.value();
        return root.resolve(value.substring(0, 2)).resolve(value.substring(2, 4)).resolve(value);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The archive folder " + to.getParent() + " is on a file system without atomic"
                + " renames; put it on a local file system", e);
        }
    }

    /** Makes a rename or deletion in the folder durable; a no-op where folders cannot be opened (Windows). */
    private static void forceFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (System.getProperty("os.name", "").startsWith("Windows")) {
                return;
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return "FileArchiveContentStore{" + root + "}";
    }
}
