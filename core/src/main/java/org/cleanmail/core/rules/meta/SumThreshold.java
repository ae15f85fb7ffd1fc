package org.cleanmail.core.rules.meta;

import java.util.BitSet;
import java.util.List;

/**
 * A meta that is a sum compared with a number, {@code (__A + __B + (__C || __D)) > 2}: each
 * summand an operand or {@code ||} of operands, not 0 only where one of them is not, and
 * never above the greatest of them. While no operand is negative, the meta is not 0 only
 * where the summands that are not 0 can add up beyond the bound: with rules that count one
 * hit each, three of these. Immutable.
 */
public final class SumThreshold {
    private final List<BitSet> summands;
    private final double bound;
    private final boolean orEqual;

    SumThreshold(List<BitSet> summands, double bound, boolean orEqual) {
        this.summands = List.copyOf(summands);
        this.bound = bound;
        this.orEqual = orEqual;
    }

    /** The summands, each as the operand numbers of which one at least is not 0 where it is not. */
    public int[][] summands() {
        int[][] sets = new int[summands.size()][];
        for (int i = 0; i < sets.length; i++) {
            sets[i] = summands.get(i).stream().toArray();
        }
        return sets;
    }

    /** The number the sum must exceed (or reach, {@link #orEqual()}). */
    public double bound() {
        return bound;
    }

    /** Whether reaching the bound is enough ({@code >=}). */
    public boolean orEqual() {
        return orEqual;
    }

    /** Whether a sum of this total meets the threshold. */
    public boolean metBy(double total) {
        return metBy(total, bound, orEqual);
    }

    /** Whether a sum of this total meets a threshold of this bound, exceeded or reached ({@code orEqual}). */
    static boolean metBy(double total, double bound, boolean orEqual) {
        return orEqual ? total >= bound : total > bound;
    }
}
