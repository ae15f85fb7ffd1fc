package org.cleanmail.archive;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.cleanmail.archive.crypto.ContentCipher;
import org.cleanmail.archive.crypto.EncryptedDirectory;
import org.cleanmail.archive.crypto.UnknownArchiveKeyException;
import org.cleanmail.archive.index.ArchiveDocumentFactory;
import org.cleanmail.archive.index.ArchiveFields;
import org.cleanmail.archive.index.ArchiveIndex;
import org.cleanmail.archive.model.ArchiveId;
import org.cleanmail.archive.model.ArchiveMetadata;
import org.cleanmail.archive.model.ArchivedMessage;
import org.cleanmail.archive.model.ArchivedMessageCodec;
import org.cleanmail.archive.search.ArchiveQuery;
import org.cleanmail.archive.search.ArchiveSearch;
import org.cleanmail.archive.search.ArchiveSearchResult;
import org.cleanmail.archive.store.ArchiveContentStore;
import org.cleanmail.archive.store.FileArchiveContentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The encrypted message archive: stores each message encrypted (AES-256-GCM) in a content
 * store and indexes it in Lucene for search.
 *
 * <p>Order of writes: the content first, durable (fsync and atomic rename) and encrypted
 * with its metadata, then the index entry, which becomes searchable within the refresh
 * interval and durable at the next index commit. A crash between the two leaves content
 * without an index entry, never the reverse; {@link #repair} finds such content and
 * indexes it again (run it after an unclean shutdown, which {@link #previousRunEndedUncleanly()}
 * reports, e.g. as a start-up task). Deletion
 * goes the other way round (content, then index entry), so repair never brings deleted
 * mail back: content is the source of truth.
 *
 * <p>Thread-safe: one archive serves every thread. Closeable: closing commits the index.
 */
public final class MessageArchive implements Closeable {
    private static final Logger LOGGER = LoggerFactory.getLogger(MessageArchive.class);
    private static final int PURGE_BATCH = 1000;
    /** Present while an archive is open: found at opening, it says the last run did not close. */
    static final String OPEN_MARKER = "archive.open";

    private final ArchiveSettings settings;
    private final ArchiveContentStore store;
    private final ContentCipher cipher;
    private final ArchiveIndex index;
    private final ArchiveDocumentFactory documents;
    private final ArchiveSearch search;
    private final boolean uncleanShutdown;
    private final boolean indexRebuildNeeded;

    private MessageArchive(ArchiveSettings settings, ArchiveContentStore store, ArchiveIndex index,
                           boolean uncleanShutdown, boolean indexRebuildNeeded) {
        this.settings = settings;
        this.uncleanShutdown = uncleanShutdown;
        this.indexRebuildNeeded = indexRebuildNeeded;
        this.store = store;
        this.cipher = new ContentCipher(settings.keys());
        this.index = index;
        this.documents = new ArchiveDocumentFactory(settings.parser());
        this.search = new ArchiveSearch(index, this::bodyText);
    }

    /** Opens the archive in the settings' folder, with the embedded file content store. */
    public static MessageArchive open(ArchiveSettings settings) throws IOException {
        return open(settings, new FileArchiveContentStore(settings.contentFolder()));
    }

    /** Opens the archive with another content store (e.g. one over James's BlobStore); the index stays in the folder. */
    public static MessageArchive open(ArchiveSettings settings, ArchiveContentStore store) throws IOException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(store, "content store");
        Path indexFolder = settings.indexFolder();
        if (EncryptedDirectory.holdsPlaintextIndex(indexFolder)) {
            LOGGER.warn("The archive index in {} was written without encryption (by an older version): deleting it;"
                + " a repair rebuilds it from the encrypted content store", indexFolder);
            deleteIndexFiles(indexFolder);
        }
        boolean newIndex = !hasCommit(indexFolder);
        ArchiveIndex index;
        try {
            index = ArchiveIndex.open(indexFolder, settings.keys(), settings.refreshInterval(),
                settings.commitInterval());
        } catch (UnknownArchiveKeyException e) {
            LOGGER.warn("The archive index in {} uses key '{}', which is no longer in the key file: deleting the index;"
                + " a repair rebuilds it from the content store (run a re-indexing after a key rotation, before"
                + " removing the old key, to avoid this)", indexFolder, e.keyId());
            deleteIndexFiles(indexFolder);
            newIndex = true;
            index = ArchiveIndex.open(indexFolder, settings.keys(), settings.refreshInterval(),
                settings.commitInterval());
        }
        boolean rebuild;
        try (Stream<ArchiveId> ids = store.ids()) {
            rebuild = newIndex && ids.findAny().isPresent();
        } catch (IOException | RuntimeException e) {
            index.close();
            throw e;
        }
        if (rebuild) {
            LOGGER.warn("The archive index in {} is new but the content store holds messages: run a repair to index"
                + " them", indexFolder);
        }
        Path marker = settings.folder().resolve(OPEN_MARKER);
        boolean unclean = Files.exists(marker);
        Files.write(marker, new byte[0]);
        if (unclean) {
            LOGGER.warn("The message archive in {} was not closed by its last run: index entries of up to the last {}"
                + " may be missing; run a repair", settings.folder(), settings.commitInterval());
        }
        LOGGER.info("Message archive opened in {} (active key '{}', {} key(s))", settings.folder(),
            settings.keys().active().id(), settings.keys().ids().size());
        return new MessageArchive(settings, store, index, unclean, rebuild);
    }

    private static boolean hasCommit(Path indexFolder) throws IOException {
        if (!Files.isDirectory(indexFolder)) {
            return false;
        }
        try (Stream<Path> files = Files.list(indexFolder)) {
            return files.anyMatch(file -> file.getFileName().toString().startsWith(IndexFileNames.SEGMENTS + "_"));
        }
    }

    private static void deleteIndexFiles(Path indexFolder) throws IOException {
        try (Stream<Path> files = Files.list(indexFolder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    Files.delete(file);
                }
            }
        }
    }

    /**
     * Whether the previous run ended without closing the archive (a crash): then index
     * entries written since its last commit may be missing, and {@link #repair} restores them.
     */
    public boolean previousRunEndedUncleanly() {
        return uncleanShutdown;
    }

    /**
     * Whether the index was created empty at opening (first start, a deleted index folder,
     * or a plaintext index from an older version, deleted) while the content store holds
     * messages: {@link #repair} indexes them all.
     */
    public boolean indexRebuildNeeded() {
        return indexRebuildNeeded;
    }

    /**
     * Archives a message: encrypted content stored durably, then indexed (searchable within
     * the refresh interval).
     *
     * @return the new entry's id
     * @throws IllegalArgumentException when the message is larger than {@code maxMessageBytes}
     * @throws IOException when the content cannot be stored (nothing was archived) or indexed
     *                     (the content is stored; {@link #repair} indexes it)
     */
    public ArchiveId archive(byte[] rawMessage, ArchiveMetadata metadata) throws IOException {
        Objects.requireNonNull(rawMessage, "raw message");
        Objects.requireNonNull(metadata, "metadata");
        if (rawMessage.length > settings.maxMessageBytes()) {
            throw new IllegalArgumentException("Message of " + rawMessage.length + " bytes is larger than the archive's"
                + " maxMessageBytes (" + settings.maxMessageBytes() + ")");
        }
        ArchiveId id = ArchiveId.random(settings.idRandom());
        ArchivedMessage message = new ArchivedMessage(metadata, rawMessage);
        store.put(id, cipher.seal(id, ArchivedMessageCodec.encode(message)));
        index.index(id, documents.document(id, cipher.activeKeyId(), message));
        return id;
    }

    /**
     * The raw message bytes of an entry, decrypted.
     *
     * @throws org.cleanmail.archive.crypto.TamperedContentException when the stored blob is not authentic
     * @throws org.cleanmail.archive.crypto.UnknownArchiveKeyException when its key is not in the key ring
     */
    public Optional<byte[]> fetch(ArchiveId id) throws IOException {
        return fetchArchived(id).map(ArchivedMessage::raw);
    }

    /** An entry with its metadata, decrypted; same errors as {@link #fetch}. */
    public Optional<ArchivedMessage> fetchArchived(ArchiveId id) throws IOException {
        Optional<byte[]> blob = store.get(id);
        if (blob.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ArchivedMessageCodec.decode(cipher.open(id, blob.get())));
    }

    /** Deletes an entry (content, then index entry); {@code false} when there was no content. */
    public boolean delete(ArchiveId id) throws IOException {
        boolean existed = store.delete(id);
        index.delete(id);
        return existed;
    }

    /**
     * Deletes every indexed entry that arrived before the cutoff, in batches; returns how many.
     * Content that a crash left unindexed is purged once {@link #repair} has indexed it.
     */
    public long purgeOlderThan(Instant cutoff) throws IOException {
        return purgeOlderThan(cutoff, purgedSoFar -> { });
    }

    /** As {@link #purgeOlderThan(Instant)}, telling the consumer the count after each message. */
    public long purgeOlderThan(Instant cutoff, LongConsumer progress) throws IOException {
        long purged = 0;
        List<ArchiveId> previous = List.of();
        while (true) {
            index.refresh();
            List<ArchiveId> batch = idsBefore(cutoff);
            if (batch.isEmpty()) {
                break;
            }
            if (batch.equals(previous)) {
                throw new IOException("Purge made no progress: the index still shows " + batch.size()
                    + " deleted entries");
            }
            for (ArchiveId id : batch) {
                store.delete(id);
                index.delete(id);
                purged++;
                progress.accept(purged);
            }
            previous = batch;
        }
        index.commit();
        if (purged > 0) {
            LOGGER.info("Archive purge: {} message(s) that arrived before {} deleted", purged, cutoff);
        }
        return purged;
    }

    /** Applies a retention period: purges what arrived longer ago than it, by the settings' clock. */
    public long purgeExpired(Duration retention) throws IOException {
        return purgeOlderThan(retentionCutoff(retention));
    }

    /** The arrival time before which a retention period purges mail, by the settings' clock. */
    public Instant retentionCutoff(Duration retention) {
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be a positive duration, e.g. P2555D for 7 years; got "
                + retention);
        }
        return settings.clock().instant().minus(retention);
    }

    /**
     * Indexes content that has no index entry (left by a crash between the two writes) and
     * removes index entries whose content is gone. Unreadable content is kept and logged.
     */
    public MaintenanceReport repair(MaintenanceProgress progress) throws IOException {
        return maintain(false, progress);
    }

    /** Indexes every stored message again (e.g. after a change of index fields), then removes stale entries. */
    public MaintenanceReport reindexAll(MaintenanceProgress progress) throws IOException {
        return maintain(true, progress);
    }

    /** Searches all mail; see {@link ArchiveSearch#search}. */
    public ArchiveSearchResult search(ArchiveQuery query) throws IOException {
        return search.search(query);
    }

    /** Searches the mail the user sent or received; see {@link ArchiveSearch#searchPersonal}. */
    public ArchiveSearchResult searchPersonal(String user, ArchiveQuery query) throws IOException {
        return search.searchPersonal(user, query);
    }

    /**
     * The ids of every entry the query matches, oldest first (e.g. for an export); the
     * request's paging is ignored. Scoped to the user's own mail when {@code user} is given.
     *
     * @throws org.cleanmail.archive.search.InvalidArchiveQueryException when the query cannot be parsed or run
     */
    public List<ArchiveId> matchingIds(ArchiveQuery query, Optional<String> user) throws IOException {
        return search.matchingIds(query, user);
    }

    /** Entries the searcher sees (refreshed within the refresh interval). */
    public int indexedCount() throws IOException {
        return index.count();
    }

    /** Blobs in the content store; lists the whole store. */
    public long storedCount() throws IOException {
        try (Stream<ArchiveId> ids = store.ids()) {
            return ids.count();
        }
    }

    /** Makes everything archived so far searchable now (maintenance and tests; the refresh thread does it anyway). */
    public void refresh() throws IOException {
        index.refresh();
    }

    @Override
    public void close() throws IOException {
        index.close();
        Files.deleteIfExists(settings.folder().resolve(OPEN_MARKER));
        LOGGER.info("Message archive in {} closed", settings.folder());
    }

    private MaintenanceReport maintain(boolean everything, MaintenanceProgress progress) throws IOException {
        Objects.requireNonNull(progress, "progress");
        index.refresh();
        long scanned = 0;
        long indexed = 0;
        long unreadable = 0;
        try (Stream<ArchiveId> ids = store.ids()) {
            Iterator<ArchiveId> iterator = ids.iterator();
            while (iterator.hasNext()) {
                ArchiveId id = iterator.next();
                scanned++;
                if (everything || !index.contains(id)) {
                    if (reindex(id)) {
                        indexed++;
                    } else {
                        unreadable++;
                    }
                }
                progress.progress(scanned, indexed, unreadable);
                if (progress.cancelled()) {
                    index.commit();
                    throw new MaintenanceCancelledException(new MaintenanceReport(scanned, indexed, unreadable, 0));
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        index.refresh();
        long removed;
        try {
            removed = removeEntriesWithoutContent();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        index.refresh();
        index.commit();
        MaintenanceReport report = new MaintenanceReport(scanned, indexed, unreadable, removed);
        LOGGER.info("Archive {}: {}", everything ? "re-indexing" : "repair", report);
        return report;
    }

    private boolean reindex(ArchiveId id) throws IOException {
        Optional<byte[]> blob = store.get(id);
        if (blob.isEmpty()) {
            return false;
        }
        try {
            String keyId = ContentCipher.keyIdOf(id, blob.get());
            ArchivedMessage message = ArchivedMessageCodec.decode(cipher.open(id, blob.get()));
            index.index(id, documents.document(id, keyId, message));
            return true;
        } catch (IOException e) {
            LOGGER.warn("Archive entry {} cannot be read and stays unindexed: {}", id, e.getMessage());
            return false;
        }
    }

    private long removeEntriesWithoutContent() throws IOException {
        List<ArchiveId> dangling = new ArrayList<>();
        index.forEachId(id -> {
            try {
                if (!store.contains(id)) {
                    dangling.add(id);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        for (ArchiveId id : dangling) {
            index.delete(id);
        }
        return dangling.size();
    }

    private List<ArchiveId> idsBefore(Instant cutoff) throws IOException {
        return index.search(searcher -> {
            TopDocs top = searcher.search(LongPoint.newRangeQuery(ArchiveFields.DATE, Long.MIN_VALUE,
                cutoff.toEpochMilli() - 1), PURGE_BATCH);
            StoredFields stored = searcher.storedFields();
            List<ArchiveId> ids = new ArrayList<>();
            for (ScoreDoc doc : top.scoreDocs) {
                ids.add(ArchiveId.of(stored.document(doc.doc).get(ArchiveFields.ARCHIVE_ID)));
            }
            return ids;
        });
    }

    private Optional<String> bodyText(ArchiveId id) {
        try {
            return fetchArchived(id).map(documents::bodyText);
        } catch (IOException e) {
            LOGGER.warn("No snippet for archive entry {}: {}", id, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "MessageArchive{" + settings.folder() + "}";
    }
}
