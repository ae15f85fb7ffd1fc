package org.cleanmail.core.rules.meta;

import java.util.BitSet;
import java.util.List;
import java.util.function.IntPredicate;

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

    /**
     * The terms of a sum, each as the operands of which one at least is not 0 where the term
     * is not, and whose value is at most the greatest of theirs (an operand, or {@code ||} of
     * such terms); empty for the number 0; null when the node is not such a sum.
     */
    default List<BitSet> summands() {
        return null;
    }

    /**
     * What a value other than 0 needs as a count, while no operand's value is negative or
     * above 1: at least {@link CountedNeed#atLeast()} of the summands of a sum compared with a
     * number ({@code (__A + __B + __C + __D) > 2} needs three of them); null when not known.
     */
    default CountedNeed countedNeed() {
        return null;
    }

    /** Whether the value is at most 1 while no operand's value is negative and those {@code operandAtMostOne} tells are at most 1. */
    default boolean atMostOne(IntPredicate operandAtMostOne) {
        return false;
    }

    /** The value of a number node; NaN for any other node. */
    default double constant() {
        return Double.NaN;
    }
}
