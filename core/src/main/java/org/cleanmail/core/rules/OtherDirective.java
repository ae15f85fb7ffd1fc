package org.cleanmail.core.rules;

import java.util.Objects;

/**
 * A directive of a rule file that is not a rule definition nor a rule attribute, e.g.
 * {@code required_score 5}, {@code whitelist_from *@example.com}, {@code util_rb_tld}, kept
 * for the components that care. The name is lower-cased with dashes turned into
 * underscores, as SpamAssassin does.
 */
public final class OtherDirective {
    private final String name;
    private final String value;
    private final SourceLocation location;

    public OtherDirective(String name, String value, SourceLocation location) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = Objects.requireNonNull(value, "value");
        this.location = Objects.requireNonNull(location, "location");
    }

    public String name() {
        return name;
    }

    public String value() {
        return value;
    }

    public SourceLocation location() {
        return location;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof OtherDirective)) {
            return false;
        }
        OtherDirective other = (OtherDirective) o;
        return name.equals(other.name) && value.equals(other.value) && location.equals(other.location);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, value, location);
    }

    @Override
    public String toString() {
        return name + " " + value + " (" + location + ")";
    }
}
