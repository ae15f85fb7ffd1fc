package org.cleanmail.core.bayes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.cleanmail.core.message.MessageParser;
import org.cleanmail.core.scan.RawMessage;
import org.junit.jupiter.api.Test;

/**
 * The Bayes filter on the public SpamAssassin corpus: learnt from part of the
 * even-numbered files, asked about part of the odd-numbered ones.
 */
class BayesCorpusTest {
    private static final Logger LOGGER = Logger.getLogger(BayesCorpusTest.class.getName());
    private static final int TRAINING = 600;
    private static final int TESTING = 300;

    private final MessageParser parser = MessageParser.defaultParser();
    private final BayesTokenizer tokenizer = new BayesTokenizer();

    private static List<Path> files(String label, int remainder, int limit) {
        Path folder = Path.of(System.getProperty("cleanmail.corpus"), "spamassassin-public", label);
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".eml"))
                .sorted()
                .filter(file -> Integer.parseInt(file.getFileName().toString().replace(".eml", "")) % 2 == remainder)
                .limit(limit)
                .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long[] tokens(Path file) {
        try {
            return tokenizer.tokens(parser.parse(RawMessage.read(Files.newInputStream(file), 512 * 1024)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aFilterLearntFromHalfTheCorpusShouldSeparateTheOtherHalf() {
        TokenDatabase database = TokenDatabase.inMemory(1_000_000);
        BayesClassifier classifier = new BayesClassifier(200, 200);
        files("spam", 0, TRAINING).forEach(file -> database.learn(tokens(file), true));
        files("ham", 0, TRAINING).forEach(file -> database.learn(tokens(file), false));

        long spamAbove = files("spam", 1, TESTING).stream()
            .map(file -> classifier.probability(database.lookup(tokens(file))))
            .filter(probability -> probability.orElse(0) >= 0.95)
            .count();
        List<Path> ham = files("ham", 1, TESTING);
        long hamAbove = ham.stream()
            .map(file -> classifier.probability(database.lookup(tokens(file))))
            .filter(probability -> probability.orElse(0) >= 0.95)
            .count();
        long hamBelow = ham.stream()
            .map(file -> classifier.probability(database.lookup(tokens(file))))
            .filter(probability -> probability.orElse(1) <= 0.05)
            .count();
        LOGGER.info(() -> String.format("Bayes on the corpus: %d/%d spam >= 0.95, %d/%d ham >= 0.95, %d/%d ham <= 0.05",
            spamAbove, TESTING, hamAbove, ham.size(), hamBelow, ham.size()));

        assertThat(spamAbove).isGreaterThan(TESTING * 8L / 10);
        assertThat(hamAbove).isLessThanOrEqualTo(ham.size() / 100L);
        assertThat(hamBelow).isGreaterThan(ham.size() * 8L / 10);
    }

    @Test
    void aFilterThatLearntNothingShouldNotAnswer() {
        OptionalDouble probability = new BayesClassifier(200, 200)
            .probability(TokenDatabase.inMemory(1000).lookup(tokens(files("spam", 1, 1).get(0))));
        assertThat(probability).isEmpty();
    }
}
