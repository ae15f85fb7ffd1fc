package org.cleanmail.core.quarantine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;

import org.cleanmail.core.blacklist.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An append-only file of JSON objects, one a line (UTF-8). Each append is forced to disk
 * before it returns. Reading skips lines that are not JSON objects (such as a line torn by
 * a crash) with a warning. Not thread-safe: callers serialize appends.
 */
final class JsonLinesFile {
    private static final Logger LOGGER = LoggerFactory.getLogger(JsonLinesFile.class);
    static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;

    JsonLinesFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    /** Calls {@code reader} with each JSON object of the file, in order; returns the number of lines read. */
    int read(Consumer<JsonNode> reader) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        int lineNumber = 0;
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = MAPPER.readTree(line);
                    if (node == null || !node.isObject()) {
                        throw new IllegalArgumentException("not a JSON object");
                    }
                    reader.accept(node);
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    LOGGER.warn("Skipping line {} of {}: {}", lineNumber, file, e.getMessage());
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return lineNumber;
    }

    /** Appends one JSON object as a line and forces it to disk. */
    void append(JsonNode node) throws IOException {
        byte[] line = (MAPPER.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        }
    }

    /** Ends a torn last line (a crash mid-append) with a newline, so the next append starts a line of its own. */
    void terminateLastLine() throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, channel.size() - 1);
            if (last.get(0) != '\n') {
                channel.write(ByteBuffer.wrap(new byte[] {'\n'}), channel.size());
                channel.force(false);
            }
        }
    }

    /** Replaces the whole file with {@code lines} atomically. */
    void rewrite(List<String> lines) throws IOException {
        AtomicFiles.writeLines(file, lines);
    }
}
