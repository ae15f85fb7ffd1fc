package org.cleanmail.core.scoring;

import java.util.Objects;

/**
 * One rule as the administrator sees it: name, type, score (in the score set in use),
 * description, hits since start, where it is defined, its definition, and whether it runs.
 * Immutable.
 */
public final class RuleInfo {
    private final String name;
    private final String type;
    private final double score;
    private final String description;
    private final long hits;
    private final String source;
    private final String definition;
    private final boolean runs;

    public RuleInfo(String name, String type, double score, String description, long hits, String source,
                    String definition, boolean runs) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.score = score;
        this.description = Objects.requireNonNull(description, "description");
        this.hits = hits;
        this.source = Objects.requireNonNull(source, "source");
        this.definition = Objects.requireNonNull(definition, "definition");
        this.runs = runs;
    }

    public String name() {
        return name;
    }

    /** The directive, e.g. "body". */
    public String type() {
        return type;
    }

    public double score() {
        return score;
    }

    public String description() {
        return description;
    }

    /** Messages it fired on since start (counts survive reloads). */
    public long hits() {
        return hits;
    }

    /** {@code file:line} of its definition. */
    public String source() {
        return source;
    }

    /** The definition text after the rule name, e.g. {@code /viagra/i}. */
    public String definition() {
        return definition;
    }

    /** Whether the engine runs it (false when disabled by a 0 score, or not supported). */
    public boolean runs() {
        return runs;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RuleInfo)) {
            return false;
        }
        RuleInfo other = (RuleInfo) o;
        return name.equals(other.name) && type.equals(other.type) && Double.compare(score, other.score) == 0
            && description.equals(other.description) && hits == other.hits && source.equals(other.source)
            && definition.equals(other.definition) && runs == other.runs;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, score, description, hits, source, definition, runs);
    }

    @Override
    public String toString() {
        return type + " " + name + " " + definition + " (score " + score + ", " + hits + " hits, " + source + ")";
    }
}
