package org.cleanmail.core.scoring;

import java.util.List;

/** A new rule set was refused (the rules in use stay); {@link #reasons()} says why, one per problem. */
public final class RuleSetRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> reasons;

    public RuleSetRejectedException(List<String> reasons) {
        super("rule set refused, the rules in use stay: " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
