package org.cleanmail.james;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.annotation.PreDestroy;

import javax.inject.Inject;
import javax.inject.Singleton;

import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.metrics.api.Metric;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.utils.PropertiesProvider;
import org.cleanmail.core.pipeline.CleanMailEngine;
import org.cleanmail.core.pipeline.FingerprintOptions;
import org.cleanmail.core.pipeline.RulesOptions;
import org.cleanmail.core.scan.MessageScanner;
import org.cleanmail.core.scan.RawMessage;
import org.cleanmail.core.scan.RuleHit;
import org.cleanmail.core.scan.ScanResult;
import org.cleanmail.core.scan.ScanStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.io.MoreFiles;
import com.google.common.io.RecursiveDeleteOption;

/**
 * The one CleanMail instance of a James server: its settings, its engine (scanner and
 * fingerprint database) and what it has counted since start. Mailets, matchers and
 * webadmin routes all inject this singleton, so they share one engine and one set of
 * counters. Needs no Guice module: Guice builds it on first use from James's
 * {@link PropertiesProvider}, {@link MetricFactory} and {@link FileSystem}; James closes
 * it at shutdown ({@link PreDestroy}).
 */
@Singleton
public class CleanMailRuntime {
    public static final String METRIC_SCANNED = "cleanmail.scan.messages";
    public static final String METRIC_SPAM = "cleanmail.scan.spam";
    public static final String METRIC_SCAN_TIME = "cleanmail.scan.time";

    private static final Logger LOGGER = LoggerFactory.getLogger(CleanMailRuntime.class);

    private final CleanMailConfiguration configuration;
    private final CleanMailEngine engine;
    private final MessageScanner scanner;
    private final ScanStatistics statistics = new ScanStatistics();
    private final MetricFactory metricFactory;
    private final Metric scannedMetric;
    private final Metric spamMetric;
    private final RuleHitMetrics ruleHitMetrics;

    @Inject
    public CleanMailRuntime(PropertiesProvider propertiesProvider, MetricFactory metricFactory, FileSystem fileSystem) {
        this(load(propertiesProvider), metricFactory, fileSystem);
    }

    private CleanMailRuntime(CleanMailConfiguration configuration, MetricFactory metricFactory, FileSystem fileSystem) {
        this(configuration, metricFactory, openEngine(configuration, fileSystem));
    }

    private static CleanMailEngine openEngine(CleanMailConfiguration configuration, FileSystem fileSystem) {
        return openEngine(configuration, StateDirectory.resolve(configuration.stateDirectory(), fileSystem),
            value -> value.startsWith("file://") ? StateDirectory.resolve(value, fileSystem) : Path.of(value));
    }

    /** A runtime with CleanMail's shipped rules only (edits in a temporary folder) and no fingerprint database: for tests. */
    public CleanMailRuntime(CleanMailConfiguration configuration, MetricFactory metricFactory) {
        this(configuration, metricFactory, openEngine(configuration, (Path) null));
    }

    public CleanMailRuntime(CleanMailConfiguration configuration, MetricFactory metricFactory, CleanMailEngine engine) {
        this.configuration = configuration;
        this.metricFactory = metricFactory;
        this.engine = engine;
        this.scanner = engine.scanner();
        this.scannedMetric = metricFactory.generate(METRIC_SCANNED);
        this.spamMetric = metricFactory.generate(METRIC_SPAM);
        this.ruleHitMetrics = new RuleHitMetrics(metricFactory);
        LOGGER.info("CleanMail started: {} rule(s), {}", scanner.ruleCount(), configuration);
    }

    /**
     * Opens the engine with its stores in {@code stateDirectory} and the rule folders of the
     * configuration; without a state directory (null: tests), with CleanMail's shipped rules
     * only, edits kept in a temporary folder, and no fingerprint database.
     */
    public static CleanMailEngine openEngine(CleanMailConfiguration configuration, Path stateDirectory) {
        try {
            if (stateDirectory == null) {
                Path scratch = Files.createTempDirectory("cleanmail-rules-");
                // tests open many of these and seldom close them: the folder goes with the JVM
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(scratch), "cleanmail-scratch-cleanup"));
                return CleanMailEngine.open(scratch, RulesOptions.shippedOnly(scratch), FingerprintOptions.disabled(),
                    Clock.systemUTC());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary rules folder", e);
        }
        return openEngine(configuration, stateDirectory, Path::of);
    }

    private static void deleteQuietly(Path folder) {
        try {
            MoreFiles.deleteRecursively(folder, RecursiveDeleteOption.ALLOW_INSECURE);
        } catch (IOException e) {
            LOGGER.debug("Could not delete the temporary rules folder {}: {}", folder, e.toString());
        }
    }

    /** The engine with its stores in {@code stateDirectory}; {@code paths} reads the configured rule folders. */
    private static CleanMailEngine openEngine(CleanMailConfiguration configuration, Path stateDirectory,
                                              Function<String, Path> paths) {
        Path state = new StateDirectory(stateDirectory).path();
        try {
            return CleanMailEngine.open(state, RulesConfiguration.from(configuration, state, paths),
                FingerprintConfiguration.from(configuration), BayesConfiguration.from(configuration), Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open CleanMail's stores in " + state
                + " (state.directory of " + CleanMailConfiguration.FILE + ")", e);
        }
    }

    private static CleanMailConfiguration load(PropertiesProvider propertiesProvider) {
        try {
            return CleanMailConfiguration.from(propertiesProvider.getConfiguration(CleanMailConfiguration.FILE_NAME));
        } catch (FileNotFoundException e) {
            LOGGER.info("No {} found, CleanMail runs with its defaults", CleanMailConfiguration.FILE);
            return CleanMailConfiguration.defaults();
        } catch (org.apache.commons.configuration2.ex.ConfigurationException e) {
            throw new ConfigurationException(CleanMailConfiguration.FILE + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Scans a message and counts it, against the given threshold, in statistics and metrics. */
    public ScanResult scan(RawMessage message, double threshold) {
        return scan(message, threshold, List.of());
    }

    /**
     * Scans a message, adds hits known from elsewhere (the sending client's reputation, say)
     * into the same score, and counts the result against the threshold in statistics and metrics.
     */
    public ScanResult scan(RawMessage message, double threshold, List<RuleHit> extraHits) {
        ScanResult scanned = metricFactory.decorateSupplierWithTimerMetric(METRIC_SCAN_TIME, () -> scanner.scan(message));
        ScanResult result = extraHits.isEmpty() ? scanned
            : new ScanResult(Stream.concat(scanned.hits().stream(), extraHits.stream()).collect(Collectors.toList()),
                scanned.truncated());
        statistics.record(result, threshold);
        scannedMetric.increment();
        ruleHitMetrics.record(result);
        if (result.reaches(threshold)) {
            spamMetric.increment();
        }
        return result;
    }

    public CleanMailConfiguration configuration() {
        return configuration;
    }

    public MessageScanner scanner() {
        return scanner;
    }

    public CleanMailEngine engine() {
        return engine;
    }

    @PreDestroy
    public void close() {
        try {
            engine.close();
        } catch (IOException e) {
            LOGGER.warn("Closing CleanMail's stores failed", e);
        }
    }

    public ScanStatistics statistics() {
        return statistics;
    }
}
