package org.cleanmail.core.rules.meta;

import java.util.BitSet;

/** A node of a compiled meta expression; immutable. */
interface MetaNode {
    double evaluate(MetaInputs inputs);

    /** Adds the numbers of the operands this node reads. */
    void collectOperands(BitSet operands);
}
