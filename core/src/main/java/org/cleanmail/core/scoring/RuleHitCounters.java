package org.cleanmail.core.scoring;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Hits per rule name since start, shared by the successive rule sets of a server so that
 * counts survive a reload. An engine resolves each rule's counter once, so counting a hit
 * is one {@link LongAdder#increment()}. Thread-safe.
 */
public final class RuleHitCounters {
    private final ConcurrentHashMap<String, LongAdder> counters = new ConcurrentHashMap<>();

    /** The counter of a rule, created at 0 on first use. */
    LongAdder counter(String rule) {
        return counters.computeIfAbsent(rule, name -> new LongAdder());
    }

    /** Hits of a rule since start; 0 for a rule never hit or unknown. */
    public long hits(String rule) {
        LongAdder counter = counters.get(rule);
        return counter == null ? 0 : counter.sum();
    }

    /** Every rule hit at least once, with its hits, sorted by name. */
    public Map<String, Long> snapshot() {
        Map<String, Long> snapshot = new TreeMap<>();
        counters.forEach((name, counter) -> {
            long sum = counter.sum();
            if (sum > 0) {
                snapshot.put(name, sum);
            }
        });
        return snapshot;
    }
}
