package org.cleanmail.core.scan;

import java.util.Objects;

/**
 * One rule that fired on a message: its name, the points it adds (negative points
 * subtract) and a one-line description for reports.
 */
public final class RuleHit {
    private final String name;
    private final double score;
    private final String description;

    public RuleHit(String name, double score, String description) {
        this.name = Objects.requireNonNull(name, "rule name");
        this.score = score;
        this.description = Objects.requireNonNull(description, "rule description");
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

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RuleHit)) {
            return false;
        }
        RuleHit other = (RuleHit) o;
        return name.equals(other.name) && Double.compare(score, other.score) == 0
            && description.equals(other.description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, score, description);
    }

    @Override
    public String toString() {
        return name + "=" + score;
    }
}
