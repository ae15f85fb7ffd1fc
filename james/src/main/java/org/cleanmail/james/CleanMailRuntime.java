package org.cleanmail.james;

import java.io.FileNotFoundException;
import java.util.List;

import javax.inject.Inject;
import javax.inject.Singleton;

import org.apache.james.metrics.api.Metric;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.utils.PropertiesProvider;
import org.cleanmail.core.scan.GtubeRule;
import org.cleanmail.core.scan.MessageScanner;
import org.cleanmail.core.scan.RawMessage;
import org.cleanmail.core.scan.RuleListScanner;
import org.cleanmail.core.scan.ScanResult;
import org.cleanmail.core.scan.ScanStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one CleanMail instance of a James server: its settings, its scanner and what it
 * has counted since start. Mailets, matchers and webadmin routes all inject this
 * singleton, so they share one scanner and one set of counters. Needs no Guice module:
 * Guice builds it on first use from James's {@link PropertiesProvider} and
 * {@link MetricFactory}.
 */
@Singleton
public class CleanMailRuntime {
    public static final String METRIC_SCANNED = "cleanmail.scan.messages";
    public static final String METRIC_SPAM = "cleanmail.scan.spam";
    public static final String METRIC_SCAN_TIME = "cleanmail.scan.time";

    private static final Logger LOGGER = LoggerFactory.getLogger(CleanMailRuntime.class);

    private final CleanMailConfiguration configuration;
    private final MessageScanner scanner;
    private final ScanStatistics statistics = new ScanStatistics();
    private final MetricFactory metricFactory;
    private final Metric scannedMetric;
    private final Metric spamMetric;

    @Inject
    public CleanMailRuntime(PropertiesProvider propertiesProvider, MetricFactory metricFactory) {
        this(load(propertiesProvider), metricFactory);
    }

    public CleanMailRuntime(CleanMailConfiguration configuration, MetricFactory metricFactory) {
        this.configuration = configuration;
        this.metricFactory = metricFactory;
        this.scanner = new RuleListScanner(List.of(new GtubeRule()));
        this.scannedMetric = metricFactory.generate(METRIC_SCANNED);
        this.spamMetric = metricFactory.generate(METRIC_SPAM);
        LOGGER.info("CleanMail started: {} rule(s), {}", scanner.ruleCount(), configuration);
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
        ScanResult result = metricFactory.decorateSupplierWithTimerMetric(METRIC_SCAN_TIME, () -> scanner.scan(message));
        statistics.record(result, threshold);
        scannedMetric.increment();
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

    public ScanStatistics statistics() {
        return statistics;
    }
}
