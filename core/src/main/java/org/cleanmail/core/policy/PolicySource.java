package org.cleanmail.core.policy;

import java.util.Objects;
import java.util.Optional;

/** Where an effective setting came from: a stored scope, or the built-in defaults. */
public final class PolicySource {
    private static final PolicySource BUILT_IN = new PolicySource(null);

    private final PolicyScope scope;

    private PolicySource(PolicyScope scope) {
        this.scope = scope;
    }

    public static PolicySource builtIn() {
        return BUILT_IN;
    }

    public static PolicySource of(PolicyScope scope) {
        return new PolicySource(Objects.requireNonNull(scope, "scope"));
    }

    /** The scope that set the value; empty for the built-in defaults. */
    public Optional<PolicyScope> scope() {
        return Optional.ofNullable(scope);
    }

    public boolean isBuiltIn() {
        return scope == null;
    }

    /** {@code BUILT_IN}, or the scope's type, e.g. {@code GROUP}: for JSON. */
    public String kind() {
        return scope == null ? "BUILT_IN" : scope.type().name();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PolicySource)) {
            return false;
        }
        return Objects.equals(scope, ((PolicySource) o).scope);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(scope);
    }

    @Override
    public String toString() {
        return scope == null ? "built-in" : scope.toString();
    }
}
