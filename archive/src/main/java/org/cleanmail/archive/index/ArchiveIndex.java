package org.cleanmail.archive.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.cleanmail.archive.crypto.EncryptedDirectory;
import org.cleanmail.archive.crypto.KeyRing;
import org.cleanmail.archive.model.ArchiveId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive's Lucene index: owns the one {@link IndexWriter} of its folder and a
 * {@link SearcherManager} over it. A named daemon thread ({@value #THREAD_NAME}) refreshes
 * the searcher every refresh interval, so that what was indexed is searchable within about
 * that delay (near-real-time); searches never refresh. The same thread commits pending
 * changes every commit interval; {@link #close()} commits too. Entries are written with
 * {@code updateDocument(archiveId term)}, so indexing a message again replaces its entry.
 * Every index file is encrypted ({@link EncryptedDirectory}). Thread-safe.
 */
public final class ArchiveIndex implements Closeable {
    public static final String THREAD_NAME = "cleanmail-archive-index-refresh";
    private static final Logger LOGGER = LoggerFactory.getLogger(ArchiveIndex.class);
    private static final double RAM_BUFFER_MB = 32;

    private final Directory directory;
    private final Analyzer analyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ScheduledExecutorService refresher;

    private ArchiveIndex(Directory directory, Analyzer analyzer, IndexWriter writer, SearcherManager searchers,
                         ScheduledExecutorService refresher) {
        this.directory = directory;
        this.analyzer = analyzer;
        this.writer = writer;
        this.searchers = searchers;
        this.refresher = refresher;
    }

    /**
     * Opens (or creates) the index in the folder, every file encrypted with the key ring
     * ({@link EncryptedDirectory}), and starts its refresh thread.
     *
     * @param keys            the archive keys: new files use the active one
     * @param refreshInterval how long a new entry may stay invisible to searches, e.g. 500 ms
     * @param commitInterval  how often pending changes are made durable, e.g. 10 s
     */
    public static ArchiveIndex open(Path folder, KeyRing keys, Duration refreshInterval, Duration commitInterval)
        throws IOException {
        requirePositive("refresh interval", refreshInterval);
        requirePositive("commit interval", commitInterval);
        Directory directory = new EncryptedDirectory(FSDirectory.open(folder), keys);
        Analyzer analyzer = ArchiveAnalyzers.perField();
        IndexWriter writer = null;
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(RAM_BUFFER_MB)
                .setCommitOnClose(true);
            writer = new IndexWriter(directory, config);
            SearcherManager searchers = new SearcherManager(writer, true, false, null);
            ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, THREAD_NAME);
                thread.setDaemon(true);
                return thread;
            });
            ArchiveIndex index = new ArchiveIndex(directory, analyzer, writer, searchers, refresher);
            refresher.scheduleWithFixedDelay(index::refreshQuietly, refreshInterval.toMillis(),
                refreshInterval.toMillis(), TimeUnit.MILLISECONDS);
            refresher.scheduleWithFixedDelay(index::commitQuietly, commitInterval.toMillis(),
                commitInterval.toMillis(), TimeUnit.MILLISECONDS);
            return index;
        } catch (IOException | RuntimeException e) {
            if (writer != null) {
                writer.rollback();
            }
            analyzer.close();
            directory.close();
            throw e;
        }
    }

    /** The analyzer of the index's fields, for query parsing and highlighting. */
    public Analyzer analyzer() {
        return analyzer;
    }

    /** Adds or replaces the entry of the id; visible to searches after the next refresh. */
    public void index(ArchiveId id, Document document) throws IOException {
        writer.updateDocument(idTerm(id), document);
    }

    public void delete(ArchiveId id) throws IOException {
        writer.deleteDocuments(idTerm(id));
    }

    /** Whether a refreshed searcher sees an entry for the id. */
    public boolean contains(ArchiveId id) throws IOException {
        return search(searcher -> searcher.count(new TermQuery(idTerm(id))) > 0);
    }

    /** Entries a refreshed searcher sees. */
    public int count() throws IOException {
        return search(searcher -> searcher.getIndexReader().numDocs());
    }

    /** Runs the function with an acquired searcher, released afterwards. */
    public <T> T search(SearcherFunction<T> function) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return function.apply(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    /** Calls the consumer with the archive id of every entry a refreshed searcher sees, in index order. */
    public void forEachId(Consumer<ArchiveId> consumer) throws IOException {
        List<String> ids = new ArrayList<>();
        search(searcher -> {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        ids.add(stored.document(doc, Set.of(ArchiveFields.ARCHIVE_ID))
                            .get(ArchiveFields.ARCHIVE_ID));
                    }
                }
            }
            return null;
        });
        ids.forEach(id -> consumer.accept(ArchiveId.of(id)));
    }

    /** Makes everything indexed so far visible to searches now (maintenance tasks and tests). */
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** Makes everything indexed so far durable now. */
    public void commit() throws IOException {
        writer.commit();
    }

    private void refreshQuietly() {
        try {
            searchers.maybeRefresh();
        } catch (IOException | RuntimeException e) {
            LOGGER.warn("Refreshing the archive index searcher failed; new entries stay invisible until the next try", e);
        }
    }

    private void commitQuietly() {
        try {
            if (writer.hasUncommittedChanges()) {
                writer.commit();
            }
        } catch (IOException | RuntimeException e) {
            LOGGER.warn("Committing the archive index failed; entries since the last commit are recovered by repair"
                + " after a crash", e);
        }
    }

    @Override
    public void close() throws IOException {
        // No interrupt: an interrupted Lucene write closes its file channel and can fail the writer.
        refresher.shutdown();
        try {
            refresher.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            searchers.close();
            writer.close();
        } finally {
            analyzer.close();
            directory.close();
        }
    }

    private static Term idTerm(ArchiveId id) {
        return new Term(ArchiveFields.ARCHIVE_ID, id.value());
    }

    private static void requirePositive(String name, Duration duration) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, e.g. PT0.5S; got " + duration);
        }
    }

    /** Work done with an acquired searcher. */
    @FunctionalInterface
    public interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}
