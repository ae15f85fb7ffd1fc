package org.cleanmail.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.builder.fluent.Configurations;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.cleanmail.core.pipeline.CleanMailEngine;
import org.cleanmail.core.pipeline.FingerprintOptions;
import org.cleanmail.james.CleanMailConfiguration;
import org.cleanmail.james.FingerprintConfiguration;

/**
 * Where the command line finds what the server uses: {@code $CLEANMAIL_HOME} (default
 * {@code ./var-cleanmail}) is the server's working folder; its {@code conf/cleanmail.properties}
 * (or, before the first {@code ./cleanmail run}, the shipped one) gives the settings, and
 * {@code state.directory} the stores, resolved against that folder as James does.
 */
final class CliEnvironment {
    private static final String FILE_PREFIX = "file://";

    private final Path home;
    private final CleanMailConfiguration configuration;

    private CliEnvironment(Path home, CleanMailConfiguration configuration) {
        this.home = home;
        this.configuration = configuration;
    }

    static CliEnvironment load() {
        String configured = System.getProperty("cleanmail.home", System.getenv("CLEANMAIL_HOME"));
        Path home = Path.of(configured == null ? "./var-cleanmail" : configured).toAbsolutePath().normalize();
        Path file = home.resolve("conf").resolve(CleanMailConfiguration.FILE);
        if (!Files.isRegularFile(file)) {
            file = Path.of(System.getProperty("cleanmail.shipped-config", "james-conf/" + CleanMailConfiguration.FILE));
        }
        return new CliEnvironment(home, read(file));
    }

    private static CleanMailConfiguration read(Path file) {
        if (!Files.isRegularFile(file)) {
            return CleanMailConfiguration.defaults();
        }
        try {
            PropertiesConfiguration properties = new Configurations().properties(file.toFile());
            return CleanMailConfiguration.from(properties);
        } catch (ConfigurationException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
    }

    CleanMailConfiguration configuration() {
        return configuration;
    }

    /** The state folder the server uses, e.g. {@code $CLEANMAIL_HOME/var/cleanmail}. */
    Path stateDirectory() {
        String url = configuration.stateDirectory();
        String path = url.startsWith(FILE_PREFIX) ? url.substring(FILE_PREFIX.length()) : url;
        return home.resolve(path);
    }

    CleanMailEngine openEngine(Path stateDirectory) throws IOException {
        FingerprintOptions fingerprints = FingerprintConfiguration.from(configuration);
        Files.createDirectories(stateDirectory);
        return CleanMailEngine.open(stateDirectory, fingerprints, Clock.systemUTC());
    }
}
