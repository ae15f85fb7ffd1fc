package org.cleanmail.james;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.james.metrics.api.Metric;
import org.apache.james.metrics.api.MetricFactory;
import org.cleanmail.core.scan.RuleHit;
import org.cleanmail.core.scan.ScanResult;

/**
 * Counts the hits of each rule in James's metrics: {@code cleanmail.rules.hit.<RULE>} is
 * incremented for every scored message the rule fired on (rules, fingerprints, sender
 * reputation alike). A counter is created the first time its rule fires, so only rules
 * that fire appear. Thread-safe.
 */
public final class RuleHitMetrics {
    public static final String PREFIX = "cleanmail.rules.hit.";

    private final MetricFactory metricFactory;
    private final Map<String, Metric> counters = new ConcurrentHashMap<>();

    public RuleHitMetrics(MetricFactory metricFactory) {
        this.metricFactory = metricFactory;
    }

    public void record(ScanResult result) {
        for (RuleHit hit : result.hits()) {
            counters.computeIfAbsent(hit.name(), rule -> metricFactory.generate(PREFIX + rule)).increment();
        }
    }
}
