package org.cleanmail.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parses every message of the SpamAssassin public corpus and checks what holds for real
 * mail. Also measures single-thread parse throughput and reports it (not asserted) in
 * the log and in {@code target/message-parser-throughput.txt}.
 */
class CorpusParsingTest {
    private static final System.Logger LOGGER = System.getLogger(CorpusParsingTest.class.getName());
    private static final MessageParser PARSER = MessageParser.defaultParser();

    private static List<Parsed> ham;
    private static List<Parsed> spam;

    record Parsed(Path file, MessageFeatures features) {
    }

    @BeforeAll
    static void parseCorpus() throws IOException {
        ham = parseAll(corpus().resolve("ham"));
        spam = parseAll(corpus().resolve("spam"));
    }

    private static Path corpus() {
        return Paths.get(System.getProperty("cleanmail.corpus", "../../shared/corpus"), "spamassassin-public");
    }

    private static List<Parsed> parseAll(Path directory) throws IOException {
        List<Parsed> result = new ArrayList<>();
        for (Path file : emlFiles(directory)) {
            result.add(new Parsed(file, PARSER.parse(Files.readAllBytes(file))));
        }
        return result;
    }

    private static List<Path> emlFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".eml")).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void everyCorpusMessageShouldParse() {
        assertThat(ham).hasSize(4365);
        assertThat(spam).hasSize(1897);
    }

    @Test
    void nearlyAllMessagesShouldHaveBodyTextBesideTheSubject() {
        long withText = Stream.concat(ham.stream(), spam.stream())
            .filter(parsed -> parsed.features().body().chunks().size() >= 2)
            .count();

        assertThat(withText).isGreaterThan(6262 * 99 / 100);
    }

    @Test
    void nearlyAllMessagesShouldHaveAFromAddressAndFitTheLimits() {
        List<Parsed> all = Stream.concat(ham.stream(), spam.stream()).collect(Collectors.toList());

        assertThat(all.stream().filter(parsed -> parsed.features().has(HeaderFact.MISSING_FROM)).count())
            .isLessThan(10);
        assertThat(all.stream().filter(parsed -> parsed.features().headers().address("From").isPresent()).count())
            .isGreaterThan(6262 * 99 / 100);
        assertThat(all.stream().filter(parsed -> parsed.features().defects().contains(MimeDefect.BROKEN_STRUCTURE))
            .map(Parsed::file)).isEmpty();
        assertThat(all.stream().flatMap(parsed -> parsed.features().limitsHit().stream()))
            .hasSizeLessThan(5).containsOnly(LimitHit.URI_COUNT);
    }

    @Test
    void spamShouldCarryMoreHtmlImagesAndIpLinksThanHam() {
        double hamHtmlOnly = share(ham, parsed -> parsed.features().mime().htmlWithoutTextAlternative());
        double spamHtmlOnly = share(spam, parsed -> parsed.features().mime().htmlWithoutTextAlternative());
        double hamImages = share(ham, parsed -> parsed.features().mime().htmlStats().imageCount() > 0);
        double spamImages = share(spam, parsed -> parsed.features().mime().htmlStats().imageCount() > 0);
        double hamIpLinks = share(ham, CorpusParsingTest::linksToAnIpAddress);
        double spamIpLinks = share(spam, CorpusParsingTest::linksToAnIpAddress);
        LOGGER.log(System.Logger.Level.INFO, "Share of messages HTML-only: ham {0}, spam {1}; with images: ham {2}, "
            + "spam {3}; linking to an IP: ham {4}, spam {5}", hamHtmlOnly, spamHtmlOnly, hamImages, spamImages,
            hamIpLinks, spamIpLinks);

        assertThat(spamHtmlOnly).isGreaterThan(3 * hamHtmlOnly);
        assertThat(spamImages).isGreaterThan(2 * hamImages);
        assertThat(spamIpLinks).isGreaterThan(10 * hamIpLinks);
    }

    private static boolean linksToAnIpAddress(Parsed parsed) {
        return parsed.features().uris().hosts().stream().anyMatch(host -> host.matches("[0-9.]+"));
    }

    @Test
    void mostMessagesShouldHaveAUriAndHostsShouldBeLowerCase() {
        List<Parsed> all = Stream.concat(ham.stream(), spam.stream()).collect(Collectors.toList());

        assertThat(share(all, parsed -> parsed.features().uris().size() > 0)).isGreaterThan(0.5);
        assertThat(all.stream().flatMap(parsed -> parsed.features().uris().hosts().stream()))
            .allSatisfy(host -> assertThat(host).isLowerCase());
    }

    @Test
    void defectsShouldBeCountedForTheRecord() {
        Map<MimeDefect, Long> counts = new EnumMap<>(MimeDefect.class);
        Stream.concat(ham.stream(), spam.stream()).flatMap(parsed -> parsed.features().defects().stream())
            .forEach(defect -> counts.merge(defect, 1L, Long::sum));
        LOGGER.log(System.Logger.Level.INFO, "Defects over the corpus: {0}", counts);

        assertThat(counts.getOrDefault(MimeDefect.UNKNOWN_CHARSET, 0L)).isLessThan(6262 / 10);
    }

    @Test
    void parseThroughputShouldBeReported() throws IOException {
        List<byte[]> messages = new ArrayList<>();
        for (String label : List.of("ham", "spam")) {
            for (Path file : emlFiles(corpus().resolve(label))) {
                messages.add(Files.readAllBytes(file));
            }
        }
        for (byte[] message : messages) {
            PARSER.parse(message);
        }
        long[] micros = new long[messages.size()];
        long start = System.nanoTime();
        for (int i = 0; i < messages.size(); i++) {
            long begin = System.nanoTime();
            PARSER.parse(messages.get(i));
            micros[i] = (System.nanoTime() - begin) / 1000;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(micros);
        String report = String.format("MessageParser on %d corpus messages, one thread, after one warm-up pass: "
                + "%.0f messages/s, median %d us, p99 %d us, max %d us%n",
            messages.size(), messages.size() / seconds, micros[micros.length / 2],
            micros[micros.length * 99 / 100], micros[micros.length - 1]);
        LOGGER.log(System.Logger.Level.INFO, report);
        Files.writeString(Paths.get("target", "message-parser-throughput.txt"), report, StandardCharsets.UTF_8);

        assertThat(micros).hasSize(6262);
    }

    private static double share(List<Parsed> parsed, Predicate<Parsed> predicate) {
        return parsed.stream().filter(predicate).count() / (double) parsed.size();
    }
}
