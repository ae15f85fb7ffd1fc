package org.cleanmail.core.scoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The order a compiled rule set numbers its rules in: the named rules first, in the order
 * given (the rules messages run most, {@link RuleUse}), then the others in the order of
 * their names. Every per-rule array of a compiled rule set is by rule number, and the
 * rules' objects are made in that order: a message runs a few hundred of some twenty
 * thousand rules, much the same few hundred from message to message, and numbered together
 * they share cache lines that stay in the cache from message to message, where scattered
 * among the others each read is a cache line of its own. The layout changes neither the
 * rules nor what they hit. Immutable.
 */
public final class RuleLayout {
    private static final RuleLayout BY_NAME = new RuleLayout(List.of());

    private final List<String> first;
    private final Map<String, Integer> rank;

    private RuleLayout(List<String> first) {
        this.first = List.copyOf(first);
        this.rank = new HashMap<>();
        for (int i = 0; i < this.first.size(); i++) {
            rank.putIfAbsent(this.first.get(i), i);
        }
    }

    /** Every rule in the order of its name. */
    public static RuleLayout byName() {
        return BY_NAME;
    }

    /** The named rules first, in this order (names of no rule are ignored), then the others by name. */
    public static RuleLayout first(List<String> names) {
        Objects.requireNonNull(names, "names");
        return names.isEmpty() ? BY_NAME : new RuleLayout(names);
    }

    /** Whether it puts some rules first (else it is {@link #byName()}). */
    public boolean learned() {
        return !first.isEmpty();
    }

    /** The rules put first, in order. */
    public List<String> first() {
        return first;
    }

    /** The place of a rule among those put first, or {@link Integer#MAX_VALUE} for another. */
    int rank(String name) {
        return rank.getOrDefault(name, Integer.MAX_VALUE);
    }

    @Override
    public String toString() {
        return learned() ? "RuleLayout{" + first.size() + " rules first}" : "RuleLayout{by name}";
    }
}
