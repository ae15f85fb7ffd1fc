package org.cleanmail.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class MessageParserConcurrencyTest {
    @Test
    void oneParserShouldGiveTheSameFeaturesFromManyThreads() throws Exception {
        Path spam = Paths.get(System.getProperty("cleanmail.corpus", "../../shared/corpus"),
            "spamassassin-public", "spam");
        List<byte[]> messages = new ArrayList<>();
        try (Stream<Path> files = Files.list(spam)) {
            for (Path file : files.sorted().limit(200).collect(Collectors.toList())) {
                messages.add(Files.readAllBytes(file));
            }
        }
        MessageParser parser = new MessageParser(ParserLimits.defaults());
        List<MessageFeatures> sequential = messages.stream().map(parser::parse).collect(Collectors.toList());

        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            List<Future<MessageFeatures>> futures = new ArrayList<>();
            for (byte[] message : messages) {
                futures.add(executor.submit(() -> parser.parse(message)));
            }
            for (int i = 0; i < messages.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(sequential.get(i));
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
