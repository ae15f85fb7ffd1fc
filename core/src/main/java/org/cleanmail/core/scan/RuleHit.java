package org.cleanmail.core.scan;

import java.util.Objects;
import java.util.Optional;

/**
 * One rule that fired on a message: its name, the points it adds (negative points
 * subtract), a one-line description for reports, and optionally a detail that says what
 * exactly matched (a fingerprint's id and similarity, say).
 */
public final class RuleHit {
    private final String name;
    private final double score;
    private final String description;
    private final Optional<String> detail;

    public RuleHit(String name, double score, String description) {
        this(name, score, description, Optional.empty());
    }

    public RuleHit(String name, double score, String description, Optional<String> detail) {
        this.name = Objects.requireNonNull(name, "rule name");
        this.score = score;
        this.description = Objects.requireNonNull(description, "rule description");
        this.detail = Objects.requireNonNull(detail, "rule detail");
    }

    public String name() {
        return name;
    }

    public double score() {
        return score;
    }

    public String description() {
        return description;
    }

    /** What exactly matched, when the rule says more than its name, e.g. {@code 3f2a...:0.84}. */
    public Optional<String> detail() {
        return detail;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RuleHit)) {
            return false;
        }
        RuleHit other = (RuleHit) o;
        return name.equals(other.name) && Double.compare(score, other.score) == 0
            && description.equals(other.description) && detail.equals(other.detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, score, description, detail);
    }

    @Override
    public String toString() {
        return name + "=" + score;
    }
}
