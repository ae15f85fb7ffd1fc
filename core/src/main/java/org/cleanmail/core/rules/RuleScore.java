package org.cleanmail.core.rules;

import java.util.Arrays;
import java.util.List;

/**
 * The points of a rule in SpamAssassin's four score sets: 0 = no Bayes, no network
 * tests; 1 = network tests; 2 = Bayes; 3 = Bayes and network tests. A single value in
 * the rule file applies to all four. A score of 0 disables the rule.
 */
public final class RuleScore {
    public static final int SETS = 4;
    /** The score set used unless told otherwise: neither Bayes nor network tests. */
    public static final int DEFAULT_SET = 0;

    private final double[] values;
    private final boolean explicit;

    private RuleScore(double[] values, boolean explicit) {
        this.values = values;
        this.explicit = explicit;
    }

    /** Scores as written: one value for all sets, or one per set. */
    public static RuleScore of(List<Double> values) {
        if (values.size() == 1) {
            double value = values.get(0);
            return new RuleScore(new double[] {value, value, value, value}, true);
        }
        if (values.size() != SETS) {
            throw new IllegalArgumentException("a score has 1 or 4 values, got " + values.size());
        }
        return new RuleScore(values.stream().mapToDouble(Double::doubleValue).toArray(), true);
    }

    /**
     * The score SpamAssassin gives a rule that has no {@code score} line: 1.0, or 0.01 for
     * rules in testing ({@code T_} prefix), negated for rules with {@code tflags nice}.
     */
    public static RuleScore defaultFor(String ruleName, boolean nice) {
        double value = ruleName.startsWith("T_") ? 0.01 : 1.0;
        value = nice ? -value : value;
        return new RuleScore(new double[] {value, value, value, value}, false);
    }

    /** The score in set 0, the one used by default. */
    public double primary() {
        return values[DEFAULT_SET];
    }

    /** The score in the given set (0 to 3). */
    public double inSet(int set) {
        if (set < 0 || set >= SETS) {
            throw new IllegalArgumentException("score set must be 0 to 3, got " + set);
        }
        return values[set];
    }

    public List<Double> values() {
        return List.of(values[0], values[1], values[2], values[3]);
    }

    /** Whether a {@code score} line set it, rather than SpamAssassin's default. */
    public boolean explicit() {
        return explicit;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleScore && Arrays.equals(values, ((RuleScore) o).values)
            && explicit == ((RuleScore) o).explicit;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Boolean.hashCode(explicit);
    }

    @Override
    public String toString() {
        boolean same = values[0] == values[1] && values[1] == values[2] && values[2] == values[3];
        return same ? String.valueOf(values[0]) : Arrays.toString(values);
    }
}
