package org.cleanmail.james.sender;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import javax.inject.Inject;
import javax.inject.Singleton;

import org.apache.james.metrics.api.MetricFactory;

/**
 * Counts SMTP refusals by reason, both as James metrics
 * ({@code cleanmail.smtp.refused.harvest}, {@code cleanmail.smtp.refused.blacklist-ip}, ...)
 * and in memory for the webadmin routes. A reason is a reply's public code without its
 * {@code CM-} prefix, lower-cased: {@code CM-RATE-CONN} counts as {@code rate-conn}.
 */
@Singleton
public class RefusalCounter {
    public static final String METRIC_PREFIX = "cleanmail.smtp.refused.";

    private final MetricFactory metricFactory;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    @Inject
    public RefusalCounter(MetricFactory metricFactory) {
        this.metricFactory = metricFactory;
    }

    /** Counts one refusal with this public reason code ({@code CM-HARVEST}, ...). */
    public void count(String reasonCode) {
        String reason = reason(reasonCode);
        counts.computeIfAbsent(reason, ignored -> new LongAdder()).increment();
        metricFactory.generate(METRIC_PREFIX + reason).increment();
    }

    /** Refusals since start by reason, sorted. */
    public Map<String, Long> counts() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((reason, count) -> snapshot.put(reason, count.sum()));
        return snapshot;
    }

    /** {@code CM-HARVEST} gives {@code harvest}; {@code CM-BL-IP} gives {@code bl-ip}. */
    static String reason(String reasonCode) {
        String lower = reasonCode.toLowerCase(Locale.ROOT);
        return lower.startsWith("cm-") ? lower.substring(3) : lower;
    }
}
