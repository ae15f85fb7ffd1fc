package org.cleanmail.core.scoring;

import java.util.Objects;

/**
 * A rule defined in the rule files that does not run, and why: skipped at load (an
 * untranslatable pattern, a plugin we lack), not supported by the engine (an eval
 * function without Java implementation, a {@code mimeheader} rule), or disabled while
 * scanning because it exceeded its work budget ({@link #count()} messages). Immutable.
 */
public final class UnusedRule {
    private final String name;
    private final String type;
    private final String reason;
    private final String source;
    private final long count;

    public UnusedRule(String name, String type, String reason, String source, long count) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.source = Objects.requireNonNull(source, "source");
        this.count = count;
    }

    public String name() {
        return name;
    }

    /** The rule directive, e.g. "body". */
    public String type() {
        return type;
    }

    /** Why it does not run, e.g. "eval not implemented: check_foo" or "work budget exceeded". */
    public String reason() {
        return reason;
    }

    /** {@code file:line} of its definition. */
    public String source() {
        return source;
    }

    /** For rules disabled while scanning, how many messages made them fail; 0 otherwise. */
    public long count() {
        return count;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof UnusedRule)) {
            return false;
        }
        UnusedRule other = (UnusedRule) o;
        return name.equals(other.name) && type.equals(other.type) && reason.equals(other.reason)
            && source.equals(other.source) && count == other.count;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, reason, source, count);
    }

    @Override
    public String toString() {
        return source + ": " + type + " " + name + ": " + reason + (count > 0 ? " (" + count + " messages)" : "");
    }
}
