package org.cleanmail.core.fingerprint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Writes measured figures to {@code target/measurements/<name>.txt}, for BENCHMARKS.md and reports. */
public final class MeasurementLog {
    private static final Set<String> STARTED = ConcurrentHashMap.newKeySet();

    private final Path file;

    /** The first log of a name in a test run starts the file afresh; later ones append to it. */
    public MeasurementLog(String name) {
        this.file = Path.of("target", "measurements", name + ".txt");
        try {
            Files.createDirectories(file.getParent());
            if (STARTED.add(name)) {
                Files.deleteIfExists(file);
            }
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
