package org.cleanmail.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.cleanmail.archive.crypto.EncryptedDirectory;
import org.cleanmail.archive.crypto.KeyRing;
import org.cleanmail.archive.index.ArchiveAnalyzers;
import org.cleanmail.archive.index.ArchiveDocumentFactory;
import org.cleanmail.archive.index.ArchiveFields;
import org.cleanmail.archive.model.ArchiveId;
import org.cleanmail.archive.model.ArchiveMetadata;
import org.cleanmail.archive.model.ArchivedMessage;
import org.cleanmail.core.message.MessageParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * What encrypting the index costs, measured A/B in one JVM so that both sides see the
 * same machine load: the corpus four times (with new ids) indexed into a plain
 * {@code FSDirectory} and into an {@link EncryptedDirectory} over one, in alternating
 * rounds (index, commit, close), then the same one-word body queries (top 20 and the
 * count) alternating between the two indexes. On demand:
 * {@code mvn -B -q -pl core,archive verify -Dcleanmail.measure=true -Dtest=IndexEncryptionMeasurement
 * -Dsurefire.failIfNoSpecifiedTests=false}; figures in
 * {@code archive/target/measurements/index-encryption.txt}.
 */
@EnabledIfSystemProperty(named = "cleanmail.measure", matches = "true")
class IndexEncryptionMeasurement {
    private static final Logger LOGGER = Logger.getLogger(IndexEncryptionMeasurement.class.getName());
    private static final int COPIES = 4;
    private static final int ROUNDS = 3;
    private static final int QUERIES = 3000;
    private static final Pattern WORD = Pattern.compile("[a-z]{4,12}");
    private static final KeyRing KEYS = TestKeys.single();

    @TempDir
    Path folder;

    private final Path log = Path.of("target", "measurements", "index-encryption.txt");

    @Test
    void measure() throws Exception {
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        ArchiveDocumentFactory factory = new ArchiveDocumentFactory(MessageParser.defaultParser());
        Random random = new Random(7);
        List<Document> documents = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<Path> files = CorpusFiles.all();
        for (int copy = 0; copy < COPIES; copy++) {
            for (Path file : files) {
                byte[] raw = Files.readAllBytes(file);
                ArchivedMessage message = new ArchivedMessage(ArchiveMetadata.builder(Instant.EPOCH).build(), raw);
                documents.add(factory.document(ArchiveId.random(random), "k1", message));
                if (copy == 0 && documents.size() % 7 == 0) {
                    Matcher matcher = WORD.matcher(factory.bodyText(message).toLowerCase(Locale.ROOT));
                    for (int i = 0; i < 3 && matcher.find(); i++) {
                        words.add(matcher.group());
                    }
                }
            }
        }
        line("%,d documents (the corpus %d times), %d rounds each, alternating", documents.size(), COPIES, ROUNDS);

        long[] plain = new long[ROUNDS];
        long[] encrypted = new long[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            plain[round] = index(documents, folder.resolve("plain-" + round), FSDirectory::open);
            encrypted[round] = index(documents, folder.resolve("encrypted-" + round), this::encrypted);
        }
        Arrays.sort(plain);
        Arrays.sort(encrypted);
        line("indexing (add, commit, close), median of %d: plain %.1f s = %,.0f docs/s; encrypted %.1f s = %,.0f docs/s"
                + " (%+.0f%% time)", ROUNDS, plain[ROUNDS / 2] / 1e9, documents.size() / (plain[ROUNDS / 2] / 1e9),
            encrypted[ROUNDS / 2] / 1e9, documents.size() / (encrypted[ROUNDS / 2] / 1e9),
            100.0 * (encrypted[ROUNDS / 2] - plain[ROUNDS / 2]) / plain[ROUNDS / 2]);
        line("index size: plain %.1f MB, encrypted %.1f MB", bytesUnder(folder.resolve("plain-0")) / 1e6,
            bytesUnder(folder.resolve("encrypted-0")) / 1e6);

        try (Directory plainDirectory = FSDirectory.open(folder.resolve("plain-0"));
             Directory encryptedDirectory = encrypted(folder.resolve("encrypted-0"));
             DirectoryReader plainReader = DirectoryReader.open(plainDirectory);
             DirectoryReader encryptedReader = DirectoryReader.open(encryptedDirectory)) {
            IndexSearcher plainSearcher = new IndexSearcher(plainReader);
            IndexSearcher encryptedSearcher = new IndexSearcher(encryptedReader);
            long[] plainNanos = new long[QUERIES];
            long[] encryptedNanos = new long[QUERIES];
            Random queries = new Random(11);
            for (int q = -QUERIES / 3; q < QUERIES; q++) {
                TermQuery query = new TermQuery(new Term(ArchiveFields.BODY, words.get(queries.nextInt(words.size()))));
                long a = time(plainSearcher, query);
                long b = time(encryptedSearcher, query);
                if (q >= 0) {
                    plainNanos[q] = a;
                    encryptedNanos[q] = b;
                }
            }
            Arrays.sort(plainNanos);
            Arrays.sort(encryptedNanos);
            line("one-word body query (top 20 + count), %,d queries after warm-up: plain median %.3f ms, p99 %.3f ms;"
                    + " encrypted median %.3f ms, p99 %.3f ms", QUERIES, plainNanos[QUERIES / 2] / 1e6,
                plainNanos[QUERIES * 99 / 100] / 1e6, encryptedNanos[QUERIES / 2] / 1e6,
                encryptedNanos[QUERIES * 99 / 100] / 1e6);
        }
    }

    private Directory encrypted(Path path) throws IOException {
        return new EncryptedDirectory(FSDirectory.open(path), KEYS);
    }

    private static long index(List<Document> documents, Path path, DirectoryOpener opener) throws IOException {
        long start = System.nanoTime();
        try (Directory directory = opener.open(path);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ArchiveAnalyzers.perField())
                 .setRAMBufferSizeMB(32))) {
            for (Document document : documents) {
                writer.addDocument(document);
            }
            writer.commit();
        }
        return System.nanoTime() - start;
    }

    private static long time(IndexSearcher searcher, TermQuery query) throws IOException {
        long start = System.nanoTime();
        searcher.search(query, 20);
        searcher.count(query);
        return System.nanoTime() - start;
    }

    private static long bytesUnder(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private void line(String format, Object... arguments) throws IOException {
        String text = String.format(Locale.ROOT, format, arguments);
        LOGGER.info(text);
        Files.writeString(log, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Opens a directory on a path. */
    @FunctionalInterface
    private interface DirectoryOpener {
        Directory open(Path path) throws IOException;
    }
}
