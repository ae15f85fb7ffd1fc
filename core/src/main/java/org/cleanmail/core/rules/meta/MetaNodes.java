package org.cleanmail.core.rules.meta;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The node kinds of meta expressions, evaluated with Perl's semantics: {@code &&} and
 * {@code ||} yield the deciding operand (so {@code (A || B) + C} adds hit counts),
 * {@code !} and comparisons yield 0 or 1, and a division by zero yields 0 instead of
 * aborting the whole scan.
 */
final class MetaNodes {
    private MetaNodes() {
    }

    static MetaNode number(double value) {
        return new MetaNode() {
            @Override
            public double evaluate(ToDoubleFunction<String> ruleValue) {
                return value;
            }

            @Override
            public void collectReferences(Set<String> names) {
            }
        };
    }

    static MetaNode rule(String name) {
        return new MetaNode() {
            @Override
            public double evaluate(ToDoubleFunction<String> ruleValue) {
                return ruleValue.applyAsDouble(name);
            }

            @Override
            public void collectReferences(Set<String> names) {
                names.add(name);
            }
        };
    }

    /** {@code (A || B || ...)} over the rules a rules_matching() glob expanded to; 0 when none. */
    static MetaNode anyOf(List<String> ruleNames) {
        MetaNode result = null;
        for (String name : ruleNames) {
            result = result == null ? rule(name) : binary(MetaOperator.OR, result, rule(name));
        }
        return result == null ? number(0) : result;
    }

    static MetaNode not(MetaNode operand) {
        return new MetaNode() {
            @Override
            public double evaluate(ToDoubleFunction<String> ruleValue) {
                return operand.evaluate(ruleValue) == 0 ? 1 : 0;
            }

            @Override
            public void collectReferences(Set<String> names) {
                operand.collectReferences(names);
            }
        };
    }

    static MetaNode negate(MetaNode operand) {
        return new MetaNode() {
            @Override
            public double evaluate(ToDoubleFunction<String> ruleValue) {
                return -operand.evaluate(ruleValue);
            }

            @Override
            public void collectReferences(Set<String> names) {
                operand.collectReferences(names);
            }
        };
    }

    static MetaNode binary(MetaOperator operator, MetaNode left, MetaNode right) {
        if (operator == MetaOperator.AND) {
            return and(left, right);
        }
        return new MetaNode() {
            @Override
            public double evaluate(ToDoubleFunction<String> ruleValue) {
                double l = left.evaluate(ruleValue);
                if (operator == MetaOperator.AND) {
                    return l == 0 ? l : right.evaluate(ruleValue);
                }
                if (operator == MetaOperator.OR) {
                    return l != 0 ? l : right.evaluate(ruleValue);
                }
                return operator.apply(l, right.evaluate(ruleValue));
            }

            @Override
            public void collectReferences(Set<String> names) {
                left.collectReferences(names);
                right.collectReferences(names);
            }
        };
    }

    /**
     * {@code A && B}: 0 when either is 0, else B. Reads A first, unless the inputs say B is
     * cheap ({@link MetaInputs}): then B first, and A only when B is not 0.
     */
    static MetaNode and(MetaNode left, MetaNode right) {
        Set<String> rightNames = new HashSet<>();
        right.collectReferences(rightNames);
        return new MetaNode() {
            @Override
            public double evaluate(ToDoubleFunction<String> ruleValue) {
                if (ruleValue instanceof MetaInputs && !rightNames.isEmpty()) {
                    MetaInputs inputs = (MetaInputs) ruleValue;
                    if (inputs.cheap(rightNames)) {
                        double r = right.evaluate(ruleValue);
                        if (r == 0) {
                            return r;
                        }
                        double l = left.evaluate(ruleValue);
                        return l == 0 ? l : r;
                    }
                }
                double l = left.evaluate(ruleValue);
                return l == 0 ? l : right.evaluate(ruleValue);
            }

            @Override
            public void collectReferences(Set<String> names) {
                left.collectReferences(names);
                names.addAll(rightNames);
            }
        };
    }

    static MetaNode conditional(MetaNode condition, MetaNode whenTrue, MetaNode whenFalse) {
        return new MetaNode() {
            @Override
            public double evaluate(ToDoubleFunction<String> ruleValue) {
                return condition.evaluate(ruleValue) != 0 ? whenTrue.evaluate(ruleValue) : whenFalse.evaluate(ruleValue);
            }

            @Override
            public void collectReferences(Set<String> names) {
                condition.collectReferences(names);
                whenTrue.collectReferences(names);
                whenFalse.collectReferences(names);
            }
        };
    }
}
