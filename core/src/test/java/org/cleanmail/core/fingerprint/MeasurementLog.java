package org.cleanmail.core.fingerprint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/** Writes measured figures to {@code target/measurements/<name>.txt}, for BENCHMARKS.md and reports. */
public final class MeasurementLog {
    private final Path file;

    public MeasurementLog(String name) {
        this.file = Path.of("target", "measurements", name + ".txt");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void line(String format, Object... arguments) {
        try {
            Files.writeString(file, String.format(Locale.ROOT, format, arguments) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
