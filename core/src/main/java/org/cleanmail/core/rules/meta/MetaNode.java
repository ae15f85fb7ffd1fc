package org.cleanmail.core.rules.meta;

import java.util.BitSet;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/** A node of a compiled meta expression; immutable. */
interface MetaNode {
    /** Writes this node's code ({@link MetaProgram}), which evaluates it. */
    void emit(MetaProgram.Writer out);

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
     * The sum compared with a number that a value other than 0 needs to exceed its bound
     * ({@code (__A + __B + __C + __D) > 2}, alone or in a conjunction); null when there is none.
     */
    default SumThreshold sumThreshold() {
        return null;
    }

    /**
     * The greatest value the node can have while no operand's value is negative and each is
     * at most what {@code operandMax} tells (by number); infinite when not known.
     */
    default double maxValue(IntToDoubleFunction operandMax) {
        return Double.POSITIVE_INFINITY;
    }

    /** The terms of this node read as a sum: both sides' of a {@code +}, else the node itself. */
    default List<MetaNode> sumTerms() {
        return List.of(this);
    }

    /** The value of a number node; NaN for any other node. */
    default double constant() {
        return Double.NaN;
    }
}
