package org.cleanmail.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.builder.fluent.Configurations;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.cleanmail.core.pipeline.CleanMailEngine;
import org.cleanmail.core.pipeline.FingerprintOptions;
import org.cleanmail.core.pipeline.RulesOptions;
import org.cleanmail.james.CleanMailConfiguration;
import org.cleanmail.james.BayesConfiguration;
import org.cleanmail.james.FingerprintConfiguration;
import org.cleanmail.james.RulesConfiguration;

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
        return path(configuration.stateDirectory());
    }

    /** The engine with its stores in {@code stateDirectory}, plus the rule folders given on the command line. */
    CleanMailEngine openEngine(Path stateDirectory, List<Path> extraRules) throws IOException {
        FingerprintOptions fingerprints = FingerprintConfiguration.from(configuration);
        Files.createDirectories(stateDirectory);
        RulesOptions rules = RulesConfiguration.from(configuration, stateDirectory, this::path);
        // No reloading on the command line; the budget settings apply as in the server.
        return CleanMailEngine.open(stateDirectory, new RulesOptions(rules.readOnlyFolders(), rules.writableFolder(),
            Duration.ZERO, rules.scoring()).withFolders(extraRules), fingerprints, BayesConfiguration.from(configuration),
            Clock.systemUTC());
    }

    /** A configured path: absolute, or a James URL / relative path resolved against {@code $CLEANMAIL_HOME}. */
    private Path path(String value) {
        String path = value.startsWith(FILE_PREFIX) ? value.substring(FILE_PREFIX.length()) : value;
        return home.resolve(path);
    }
}
