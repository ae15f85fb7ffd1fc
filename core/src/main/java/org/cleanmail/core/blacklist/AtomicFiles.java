package org.cleanmail.core.blacklist;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Rewrites a file so that readers see the old content or the new one, never a mix: the
 * new content goes to a temporary file in the same folder, is forced to disk, and the
 * temporary file is then renamed over the old one. The file is readable by its owner only
 * (the temporary file's permissions), as lists may hold personal addresses.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes {@code lines} (UTF-8, each ended by a newline) to {@code target}, atomically where the file system can. */
    public static void writeLines(Path target, List<String> lines) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
        try {
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The lines of {@code file} (UTF-8, bad bytes replaced), or none when it does not exist. */
    public static List<String> readLines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().collect(Collectors.toList());
    }
}
