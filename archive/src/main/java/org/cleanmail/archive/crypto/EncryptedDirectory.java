package org.cleanmail.archive.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;

/**
 * A Lucene {@link Directory} that encrypts every file it writes and decrypts every file
 * it reads, over another directory (e.g. an {@code FSDirectory}): the archive index holds
 * the terms of message bodies, which must not lie on disk in clear.
 *
 * <p>Each file is a clear {@link IndexFileHeader} (key id, key check value, a random
 * 128-bit IV from {@link SecureRandom}) followed by the file encrypted with AES-256-CTR
 * under a key derived from an archive key ({@link IndexFileKey}). CTR keeps random access
 * cheap. New files use the ring's active key; a file is read with the key its header
 * names, so that after a key rotation old segments stay readable until merges rewrite
 * them under the new key. The index is kept confidential, not authenticated: Lucene's
 * own CRC32 footers detect damage, and the content store (AES-GCM) stays the authority
 * that a repair or re-indexing rebuilds the index from.
 *
 * <p>Locks, listing, deletion, renames and syncs go to the wrapped directory unchanged.
 * Thread-safe as far as the wrapped directory is.
 */
public final class EncryptedDirectory extends FilterDirectory {
    private static final String SEGMENTS = IndexFileNames.SEGMENTS;

    private final KeyRing keys;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, IndexFileKey> derived = new ConcurrentHashMap<>();

    public EncryptedDirectory(Directory in, KeyRing keys) {
        super(in);
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
        return encrypt(in.createOutput(name, context));
    }

    @Override
    public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
        return encrypt(in.createTempOutput(prefix, suffix, context));
    }

    @Override
    public IndexInput openInput(String name, IOContext context) throws IOException {
        IndexInput raw = in.openInput(name, context);
        if (raw.length() == 0) {
            // Nothing flushed yet, not even the header: an empty file, as the wrapped directory shows it.
            return raw;
        }
        try {
            IndexFileHeader header = IndexFileHeader.read(raw, raw.length(), name);
            IndexFileKey key = key(header.keyId(), name);
            if (!key.matches(header.check())) {
                throw new WrongArchiveKeyException(header.keyId(), "Archive index file " + name + " was encrypted with"
                    + " a key '" + header.keyId() + "' other than the key of that id in the archive key file: the key"
                    + " file does not belong to this archive (restore the right one), or delete the index folder and"
                    + " restart to rebuild the index from the content store");
            }
            return new EncryptedIndexInput("encrypted(" + raw + ")", raw, key, header.iv(), context);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    @Override
    public long fileLength(String name) throws IOException {
        return Math.max(0, in.fileLength(name) - IndexFileHeader.LENGTH);
    }

    /**
     * Whether the folder holds an index written without encryption (a commit point whose
     * file does not start with the encryption header), e.g. by an older CleanMail.
     */
    public static boolean holdsPlaintextIndex(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, SEGMENTS + "_*")) {
            for (Path file : files) {
                byte[] start;
                try (InputStream stream = Files.newInputStream(file)) {
                    start = stream.readNBytes(IndexFileHeader.MAGIC.length);
                }
                if (start.length > 0 && !IndexFileHeader.isEncrypted(start)) {
                    return true;
                }
            }
        }
        return false;
    }

    private IndexOutput encrypt(IndexOutput raw) throws IOException {
        try {
            byte[] iv = new byte[IndexFileKey.IV_BYTES];
            random.nextBytes(iv);
            return new EncryptedIndexOutput(raw, key(keys.active().id(), raw.getName()), iv);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private IndexFileKey key(String id, String file) throws UnknownArchiveKeyException {
        IndexFileKey key = derived.get(id);
        if (key != null) {
            return key;
        }
        ArchiveKey archiveKey = keys.key(id).orElseThrow(() -> new UnknownArchiveKeyException(id, "Archive index file "
            + file + " was encrypted with key '" + id + "', which is not in the archive key file; put that key's line"
            + " back, or delete the index folder and restart to rebuild the index from the content store"));
        return derived.computeIfAbsent(id, ignored -> IndexFileKey.derive(archiveKey));
    }

    @Override
    public String toString() {
        return "EncryptedDirectory(" + in + ", active key " + keys.active().id() + ")";
    }
}
