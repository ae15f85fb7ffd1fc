package org.cleanmail.core.scan;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What scanning one message found: the rules that fired and their total score, and
 * whether the message was larger than what the scanner reads (then only its head was
 * scanned).
 */
public final class ScanResult {
    private final List<RuleHit> hits;
    private final double score;
    private final boolean truncated;

    public ScanResult(List<RuleHit> hits, boolean truncated) {
        this(sortedByName(hits) ? List.copyOf(hits) : hits.stream()
            .sorted(Comparator.comparing(RuleHit::name))
            .collect(Collectors.toUnmodifiableList()), sum(hits), truncated);
    }

    private ScanResult(List<RuleHit> unmodifiableHits, double score, boolean truncated) {
        this.hits = unmodifiableHits;
        this.score = score;
        this.truncated = truncated;
    }

    /**
     * A result whose hits come in the order of their names already and will not change (the
     * rule engine lists its rules by name at compile time): the thousands a large rule set
     * gives are neither checked nor copied again.
     */
    public static ScanResult ofHitsInNameOrder(List<RuleHit> unmodifiableHits, boolean truncated) {
        return ofHitsInNameOrder(unmodifiableHits, sum(unmodifiableHits), truncated);
    }

    /**
     * As {@link #ofHitsInNameOrder(List, boolean)}, with the hits' sum in their order already
     * made by the caller from what it had at hand (the rule engine, from its rules' scores):
     * the hits are not read again, each an object of its own.
     */
    public static ScanResult ofHitsInNameOrder(List<RuleHit> unmodifiableHits, double score, boolean truncated) {
        assert sortedByName(unmodifiableHits) : "hits out of name order";
        assert Double.compare(score, sum(unmodifiableHits)) == 0 : "score " + score + " is not the hits' sum";
        return new ScanResult(unmodifiableHits, score, truncated);
    }

    /** The same hits and score, truncated as given (a pipeline's result of one source's). */
    public ScanResult withTruncated(boolean truncatedNow) {
        return truncatedNow == truncated ? this : new ScanResult(hits, score, truncatedNow);
    }

    private static double sum(List<RuleHit> hits) {
        double sum = 0;
        for (RuleHit hit : hits) {
            sum += hit.score();
        }
        return sum;
    }

    /** Whether the hits come in the order of their names already (the rule engine's do): thousands need no sorting. */
    private static boolean sortedByName(List<RuleHit> hits) {
        for (int i = 1; i < hits.size(); i++) {
            if (hits.get(i - 1).name().compareTo(hits.get(i).name()) > 0) {
                return false;
            }
        }
        return true;
    }

    /** Hits sorted by rule name, so that headers and reports are stable. */
    public List<RuleHit> hits() {
        return hits;
    }

    public double score() {
        return score;
    }

    public boolean truncated() {
        return truncated;
    }

    public boolean reaches(double threshold) {
        return score >= threshold;
    }

    public List<String> hitNames() {
        return hits.stream().map(RuleHit::name).collect(Collectors.toUnmodifiableList());
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ScanResult)) {
            return false;
        }
        ScanResult other = (ScanResult) o;
        return hits.equals(other.hits) && truncated == other.truncated;
    }

    @Override
    public int hashCode() {
        return Objects.hash(hits, truncated);
    }

    @Override
    public String toString() {
        return "ScanResult{score=" + score + ", hits=" + hits + ", truncated=" + truncated + "}";
    }
}
