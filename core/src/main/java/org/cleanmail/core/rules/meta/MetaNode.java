package org.cleanmail.core.rules.meta;

import java.util.BitSet;
import java.util.List;

/** A node of a compiled meta expression; immutable. */
interface MetaNode {
    double evaluate(MetaInputs inputs);

    /** Adds the numbers of the operands this node reads. */
    void collectOperands(BitSet operands);

    /** Whether the value is never negative while no operand's value is; by default not known. */
    default boolean nonNegative() {
        return false;
    }

    /**
     * What a value other than 0 needs, while no operand's value is negative: each set lists
     * operands of which one at least is not 0; empty when nothing is known.
     */
    default List<BitSet> necessary() {
        return List.of();
    }

    /** The value of a number node; NaN for any other node. */
    default double constant() {
        return Double.NaN;
    }
}
