/**
 * Where encrypted archive blobs live.
 *
 * <h2>Decision: our own file layout for the embedded default, James's BlobStore later</h2>
 * The archive needs, from its content store: a durable put before a message is reported
 * archived, a get, a delete (retention purges), and a listing of every id (repair finds
 * content without an index entry; re-indexing reads everything back). We chose a
 * documented file layout ({@link org.cleanmail.archive.store.FileArchiveContentStore}) for
 * the embedded default because:
 * <ul>
 *   <li>James 3.8's {@code BlobStore} has no listing of blob ids (only its garbage
 *       collection tasks walk a bucket), so repair and re-indexing could not find content
 *       the index has lost; with our layout, the content folder is the source of truth.</li>
 *   <li>Deleting is a second-class operation of the BlobStore (deduplicating blob stores
 *       defer it to a garbage collection), while retention must really delete.</li>
 *   <li>The memory and JPA/Spring servers that embed CleanMail keep blobs in RAM or in a
 *       database; an archive of millions of messages belongs on disk, beside the Lucene
 *       index it rebuilds.</li>
 *   <li>The engine stays free of James classes, and of Guice wiring to reach a
 *       {@code BlobStore}.</li>
 * </ul>
 * A distributed James stores in an object store that all nodes share: the James adapter
 * may implement {@link org.cleanmail.archive.store.ArchiveContentStore} over
 * {@code BlobStore} in its own bucket (blob id = archive id, with a listing kept beside it,
 * e.g. in the index), as the blobs are already encrypted and authenticated here.
 *
 * <h2>File layout</h2>
 * {@code CONTENT/ab/cd/abcd…} (the 32-hex-digit archive id, fanned out by its first four
 * digits), each file one blob as described by {@link org.cleanmail.archive.crypto.ContentCipher}.
 * Files named {@code .ID.*.tmp} are writes a crash interrupted; they are never read and
 * may be deleted.
 */
package org.cleanmail.archive.store;
