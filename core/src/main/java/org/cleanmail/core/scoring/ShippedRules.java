package org.cleanmail.core.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CleanMail's own rule files, shipped as class path resources under {@link #FOLDER}: the
 * {@code *.cf} names listed one per line in {@link #INDEX} (a JAR cannot be listed), each
 * resolved to a {@link Path}, inside the JAR when there is one. Without an index, none.
 */
final class ShippedRules {
    static final String FOLDER = "org/cleanmail/core/rules/cleanmail/";
    static final String INDEX = FOLDER + "index.txt";

    private ShippedRules() {
    }

    /** The shipped rule files in index order; empty when no index is on the class path. */
    static Optional<List<Path>> files(ClassLoader loader) {
        URL index = loader.getResource(INDEX);
        if (index == null) {
            return Optional.empty();
        }
        List<Path> files = new ArrayList<>();
        for (String line : readLines(index)) {
            String name = line.trim();
            if (name.isEmpty() || name.startsWith("#") || !name.endsWith(".cf")) {
                continue;
            }
            URL file = loader.getResource(FOLDER + name);
            if (file == null) {
                throw new IllegalStateException(INDEX + " lists " + name + " but " + FOLDER + name
                    + " is not on the class path");
            }
            files.add(toPath(file));
        }
        return Optional.of(List.copyOf(files));
    }

    private static List<String> readLines(URL url) {
        try (InputStream in = url.openStream()) {
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
    }

    private static Path toPath(URL url) {
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                openJar(uri);
            }
            return Path.of(uri);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot resolve the shipped rule file " + url, e);
        }
    }

    private static void openJar(URI uri) {
        try {
            FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException notOpen) {
            try {
                FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException raced) {
                // opened by another thread meanwhile
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open " + uri, e);
            }
        }
    }
}
