package org.cleanmail.core.rules;

import java.util.Objects;

/** A rule that was defined but is not usable as loaded, with the reason. */
public final class SkippedRule {
    private final String name;
    private final RuleType type;
    private final SourceLocation location;
    private final SkipCategory category;
    private final String detail;

    public SkippedRule(String name, RuleType type, SourceLocation location, SkipCategory category, String detail) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.location = Objects.requireNonNull(location, "location");
        this.category = Objects.requireNonNull(category, "category");
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    public String name() {
        return name;
    }

    public RuleType type() {
        return type;
    }

    public SourceLocation location() {
        return location;
    }

    public SkipCategory category() {
        return category;
    }

    /** The specifics, e.g. the Java compiler's complaint or the eval function name. */
    public String detail() {
        return detail;
    }

    /** {@code category: detail}, e.g. "eval not implemented: check_foo". */
    public String reason() {
        return category.label() + ": " + detail;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SkippedRule)) {
            return false;
        }
        SkippedRule other = (SkippedRule) o;
        return name.equals(other.name) && type == other.type && location.equals(other.location)
            && category == other.category && detail.equals(other.detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, location, category, detail);
    }

    @Override
    public String toString() {
        return location + ": " + type.directive() + " " + name + ": " + reason();
    }
}
