package org.cleanmail.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The public SpamAssassin corpus, from {@code -Dcleanmail.corpus} (set by the build). */
final class CorpusFiles {
    private CorpusFiles() {
    }

    /** The message files of a label ({@code ham} or {@code spam}), sorted by name. */
    static List<Path> files(String label) throws IOException {
        String corpus = System.getProperty("cleanmail.corpus");
        assertThat(corpus).as("system property cleanmail.corpus (set by the build's surefire configuration)").isNotNull();
        Path folder = Path.of(corpus, "spamassassin-public", label);
        assertThat(folder).isDirectory();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".eml")).sorted()
                .collect(Collectors.toList());
        }
    }

    /** Every message file, ham then spam. */
    static List<Path> all() throws IOException {
        List<Path> files = new ArrayList<>(files("ham"));
        files.addAll(files("spam"));
        return files;
    }
}
