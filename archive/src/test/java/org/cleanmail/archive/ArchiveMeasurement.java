package org.cleanmail.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.cleanmail.archive.model.ArchiveId;
import org.cleanmail.archive.model.ArchiveMetadata;
import org.cleanmail.archive.model.Direction;
import org.cleanmail.archive.search.ArchiveQuery;
import org.cleanmail.archive.search.ArchiveSearchResult;
import org.cleanmail.archive.search.ArchiveSort;
import org.cleanmail.archive.store.ArchiveContentStore;
import org.cleanmail.archive.store.FileArchiveContentStore;
import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.message.MessageParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archive figures on the corpus: durable archiving throughput (fsync per message, one
 * thread and four), size on disk per message, and search latency over an index of 100,000
 * messages (the corpus replicated with new archive ids, arrival dates spread over two
 * years and 1,000 envelope recipients). On demand:
 * {@code mvn -B -q -pl archive -am verify -Dcleanmail.measure=true -Dtest=ArchiveMeasurement
 * -Dsurefire.failIfNoSpecifiedTests=false}. Figures go to
 * {@code archive/target/measurements/archive.txt}.
 */
@EnabledIfSystemProperty(named = "cleanmail.measure", matches = "true")
class ArchiveMeasurement {
    private static final Logger LOGGER = Logger.getLogger(ArchiveMeasurement.class.getName());
    private static final int LARGE_INDEX = 100_000;
    private static final int USERS = 1000;
    private static final Instant START = Instant.parse("2024-11-25T00:00:00Z");
    private static final Pattern WORD = Pattern.compile("[a-z]{4,12}");

    @TempDir
    Path folder;

    private final Path log = Path.of("target", "measurements", "archive.txt");

    @Test
    void measureArchive() throws Exception {
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        List<byte[]> corpus = new ArrayList<>();
        for (Path file : CorpusFiles.all()) {
            corpus.add(Files.readAllBytes(file));
        }
        long corpusBytes = corpus.stream().mapToLong(raw -> raw.length).sum();
        line("corpus: %,d messages, %.1f MB", corpus.size(), corpusBytes / 1e6);

        measureDurableArchiving(corpus, corpusBytes);
        measureConcurrentDurableArchiving(corpus, 4);
        measureLargeIndex(corpus);
    }

    private void measureDurableArchiving(List<byte[]> corpus, long corpusBytes) throws IOException {
        Path durable = folder.resolve("durable");
        Random random = new Random(1);
        try (MessageArchive archive = MessageArchive.open(ArchiveSettings.builder(durable, TestKeys.single())
            .idRandom(random).build())) {
            long start = System.nanoTime();
            for (int i = 0; i < corpus.size(); i++) {
                archive.archive(corpus.get(i), metadata(i, random));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            line("durable archiving (parse, encrypt, write + fsync + rename, index), one thread: %,d messages in %.1f s"
                + " = %,.0f messages/s", corpus.size(), seconds, corpus.size() / seconds);
        }
        long content = bytesUnder(durable.resolve("content"));
        long index = bytesUnder(durable.resolve("index"));
        line("size on disk after %,d messages: content %.1f MB (%.2f x the raw %.1f MB), index %.1f MB;"
                + " per message: content %,d bytes + index %,d bytes = %,d bytes (raw average %,d bytes;"
                + " file sizes, not counting file-system blocks)",
            corpus.size(), content / 1e6, (double) content / corpusBytes, corpusBytes / 1e6, index / 1e6,
            content / corpus.size(), index / corpus.size(), (content + index) / corpus.size(),
            corpusBytes / corpus.size());
    }

    private void measureConcurrentDurableArchiving(List<byte[]> corpus, int threads) throws Exception {
        Path durable = folder.resolve("durable-" + threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (MessageArchive archive = MessageArchive.open(ArchiveSettings.builder(durable, TestKeys.single())
            .idRandom(new Random(4)).build())) {
            List<Future<ArchiveId>> done = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < corpus.size(); i++) {
                int n = i;
                ArchiveMetadata metadata = metadata(n, new Random(n));
                done.add(pool.submit(() -> archive.archive(corpus.get(n), metadata)));
            }
            for (Future<ArchiveId> future : done) {
                future.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            line("durable archiving, %d threads: %,d messages in %.1f s = %,.0f messages/s", threads, corpus.size(),
                seconds, corpus.size() / seconds);
        } finally {
            pool.shutdown();
        }
    }

    private void measureLargeIndex(List<byte[]> corpus) throws IOException {
        Path large = folder.resolve("large");
        Random random = new Random(2);
        ArchiveSettings settings = ArchiveSettings.builder(large, TestKeys.single()).idRandom(random).build();
        try (MessageArchive archive = MessageArchive.open(settings, new UnsyncedContentStore(settings.contentFolder()))) {
            long start = System.nanoTime();
            for (int i = 0; i < LARGE_INDEX; i++) {
                archive.archive(corpus.get(i % corpus.size()), metadata(i, random));
            }
            archive.refresh();
            double seconds = (System.nanoTime() - start) / 1e9;
            line("building the %,d-message index (content written without fsync), one thread: %.1f s = %,.0f messages/s",
                LARGE_INDEX, seconds, LARGE_INDEX / seconds);
            long content = bytesUnder(settings.contentFolder());
            long index = bytesUnder(settings.indexFolder());
            line("size on disk at %,d messages: content %.1f MB, index %.1f MB; per message %,d + %,d = %,d bytes",
                LARGE_INDEX, content / 1e6, index / 1e6, content / LARGE_INDEX, index / LARGE_INDEX,
                (content + index) / LARGE_INDEX);
            assertThat(archive.indexedCount()).isEqualTo(LARGE_INDEX);

            List<String> words = words(corpus);
            List<String> phrases = phrases(corpus);
            List<String> senders = senders(corpus);
            Random queries = new Random(3);
            measureQueries(archive, "word", 600, q -> ArchiveQuery.builder().query(pick(words, q)).snippets(false).build(),
                queries, false);
            measureQueries(archive, "two words", 600, q -> ArchiveQuery.builder()
                .query(pick(words, q) + " " + pick(words, q)).snippets(false).build(), queries, false);
            measureQueries(archive, "subject phrase (two words of a corpus subject)", 600, q -> ArchiveQuery.builder()
                .query("subject:\"" + pick(phrases, q) + "\"").snippets(false).build(), queries, false);
            measureQueries(archive, "from:address", 600, q -> ArchiveQuery.builder()
                .query("from:" + pick(senders, q)).snippets(false).build(), queries, false);
            measureQueries(archive, "word + date range (1 to 12 months)", 600, q -> ArchiveQuery.builder()
                .query(pick(words, q) + " date:[2025-0" + (1 + q.nextInt(9)) + "-01 TO 2025-1" + q.nextInt(3) + "-01]")
                .snippets(false).build(), queries, false);
            measureQueries(archive, "prefix wildcard", 600, q -> ArchiveQuery.builder()
                .query("subject:" + pick(words, q).substring(0, 3) + "*").snippets(false).build(), queries, false);
            measureQueries(archive, "personal, word", 600, q -> ArchiveQuery.builder().query(pick(words, q))
                .snippets(false).build(), queries, true);
            measureQueries(archive, "word, relevance, 20 hits with subject and body snippets", 300, q ->
                ArchiveQuery.builder().query(pick(words, q)).sort(ArchiveSort.RELEVANCE)
                    .build(), queries, false);
        }
    }

    private void measureQueries(MessageArchive archive, String name, int count, Function<Random, ArchiveQuery> queries,
                                Random random, boolean personal) throws IOException {
        long[] nanos = new long[count];
        long hits = 0;
        for (int round = -count / 3; round < count; round++) {
            ArchiveQuery query = queries.apply(random);
            String user = "user" + random.nextInt(USERS) + "@cleanmail.local";
            long start = System.nanoTime();
            ArchiveSearchResult result = personal ? archive.searchPersonal(user, query) : archive.search(query);
            long elapsed = System.nanoTime() - start;
            if (round >= 0) {
                nanos[round] = elapsed;
                hits += result.total();
            }
        }
        Arrays.sort(nanos);
        line("search '%s' over %,d messages, %,d queries after warm-up: median %.2f ms, p99 %.2f ms, max %.2f ms"
                + " (mean total %,d hits)", name, LARGE_INDEX, count, nanos[count / 2] / 1e6,
            nanos[(int) Math.ceil(count * 0.99) - 1] / 1e6, nanos[count - 1] / 1e6, hits / count);
    }

    private static ArchiveMetadata metadata(int i, Random random) {
        return ArchiveMetadata.builder(START.plus(Duration.ofMinutes(random.nextInt(2 * 365 * 24 * 60))))
            .envelopeRecipients(List.of("user" + (i % USERS) + "@cleanmail.local"))
            .direction(i % 10 == 0 ? Direction.OUTBOUND : Direction.INBOUND)
            .remoteIp("192.0.2." + (i % 250))
            .verdict(i % 3 == 0 ? "spam" : "ham")
            .score(random.nextInt(200) / 10.0)
            .build();
    }

    private static List<String> words(List<byte[]> corpus) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i += 7) {
            MessageFeatures features = MessageParser.defaultParser().parse(corpus.get(i));
            Matcher matcher = WORD.matcher(features.headers().first("Subject").orElse("").toLowerCase(Locale.ROOT));
            while (matcher.find()) {
                words.add(matcher.group());
            }
        }
        return words;
    }

    private static List<String> phrases(List<byte[]> corpus) {
        Pattern pair = Pattern.compile("\\b([a-z]{3,12}) ([a-z]{3,12})\\b");
        List<String> phrases = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i += 7) {
            MessageFeatures features = MessageParser.defaultParser().parse(corpus.get(i));
            Matcher matcher = pair.matcher(features.headers().first("Subject").orElse("").toLowerCase(Locale.ROOT));
            if (matcher.find()) {
                phrases.add(matcher.group());
            }
        }
        return phrases;
    }

    private static List<String> senders(List<byte[]> corpus) {
        List<String> senders = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i += 7) {
            MessageParser.defaultParser().parse(corpus.get(i)).headers().addresses("From").stream().findFirst()
                .ifPresent(address -> senders.add(address.address().toLowerCase(Locale.ROOT)
                    .replaceAll("([+\\-!(){}\\[\\]^\"~*?:\\\\/&|])", "\\\\$1")));
        }
        return senders;
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
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

    /** The file layout without fsync: for building a large index quickly, not for durability. */
    private static final class UnsyncedContentStore implements ArchiveContentStore {
        private final Path root;
        private final FileArchiveContentStore reader;

        UnsyncedContentStore(Path root) throws IOException {
            this.root = root;
            this.reader = new FileArchiveContentStore(root);
        }

        @Override
        public void put(ArchiveId id, byte[] blob) throws IOException {
            Path file = root.resolve(id.value().substring(0, 2)).resolve(id.value().substring(2, 4)).resolve(id.value());
            Files.createDirectories(file.getParent());
            Files.write(file, blob);
        }

        @Override
        public Optional<byte[]> get(ArchiveId id) throws IOException {
            return reader.get(id);
        }

        @Override
        public boolean contains(ArchiveId id) throws IOException {
            return reader.contains(id);
        }

        @Override
        public boolean delete(ArchiveId id) throws IOException {
            return reader.delete(id);
        }

        @Override
        public Stream<ArchiveId> ids() throws IOException {
            return reader.ids();
        }
    }
}
