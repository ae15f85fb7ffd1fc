package org.cleanmail.archive.store;

import java.io.IOException;
import java.util.Optional;
import java.util.stream.Stream;

import org.cleanmail.archive.model.ArchiveId;

/**
 * Where the archive keeps its encrypted blobs, one per archive id. The store sees only
 * ciphertext. Implementations are thread-safe; see the package documentation for the
 * embedded file layout and the James BlobStore alternative.
 */
public interface ArchiveContentStore {
    /** Stores the blob under the id, replacing any blob there; durable when it returns. */
    void put(ArchiveId id, byte[] blob) throws IOException;

    /** The blob stored under the id, if any. */
    Optional<byte[]> get(ArchiveId id) throws IOException;

    /** Whether a blob is stored under the id. */
    boolean contains(ArchiveId id) throws IOException;

    /** Removes the blob; {@code false} when there was none. Durable when it returns. */
    boolean delete(ArchiveId id) throws IOException;

    /**
     * Every id with a blob, in no particular order, read lazily (for repair and re-indexing);
     * the caller closes the stream.
     */
    Stream<ArchiveId> ids() throws IOException;
}
