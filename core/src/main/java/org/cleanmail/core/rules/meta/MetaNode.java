package org.cleanmail.core.rules.meta;

import java.util.Set;
import java.util.function.ToDoubleFunction;

/** A node of a compiled meta expression; immutable. */
interface MetaNode {
    double evaluate(ToDoubleFunction<String> ruleValue);

    void collectReferences(Set<String> names);
}
