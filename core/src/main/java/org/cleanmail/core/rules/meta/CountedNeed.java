package org.cleanmail.core.rules.meta;

import java.util.BitSet;
import java.util.List;

/**
 * A meta's need as a count: at least {@link #atLeast()} of the summands must not be 0, each
 * summand given by the operands of which one at least is not 0 where it is not. It holds
 * while no operand's value is negative or above 1, as with hit counts of rules that count
 * one hit: {@code (__A + __B + (__C || __D)) > 1} needs two of {@code [__A]},
 * {@code [__B]}, {@code [__C, __D]}. Immutable.
 */
public final class CountedNeed {
    private final List<BitSet> summands;
    private final int atLeast;

    CountedNeed(List<BitSet> summands, int atLeast) {
        this.summands = List.copyOf(summands);
        this.atLeast = atLeast;
    }

    /** The summands, each as the operand numbers of which one at least is not 0 where it is not. */
    public int[][] summands() {
        int[][] sets = new int[summands.size()][];
        for (int i = 0; i < sets.length; i++) {
            sets[i] = summands.get(i).stream().toArray();
        }
        return sets;
    }

    /** How many summands at least must not be 0. */
    public int atLeast() {
        return atLeast;
    }
}
