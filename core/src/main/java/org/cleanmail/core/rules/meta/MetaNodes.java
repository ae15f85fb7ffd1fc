package org.cleanmail.core.rules.meta;

import java.util.BitSet;

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
            public double evaluate(MetaInputs inputs) {
                return value;
            }

            @Override
            public void collectOperands(BitSet operands) {
            }
        };
    }

    /** The value of a rule: operand number {@code operand} of the expression. */
    static MetaNode operand(int operand) {
        return new MetaNode() {
            @Override
            public double evaluate(MetaInputs inputs) {
                return inputs.value(operand);
            }

            @Override
            public void collectOperands(BitSet operands) {
                operands.set(operand);
            }
        };
    }

    /** {@code (A || B || ...)} over operands (the rules a rules_matching() glob expanded to); 0 when none. */
    static MetaNode anyOf(int[] operands) {
        MetaNode result = null;
        for (int operand : operands) {
            result = result == null ? operand(operand) : binary(MetaOperator.OR, result, operand(operand));
        }
        return result == null ? number(0) : result;
    }

    static MetaNode not(MetaNode operand) {
        return new MetaNode() {
            @Override
            public double evaluate(MetaInputs inputs) {
                return operand.evaluate(inputs) == 0 ? 1 : 0;
            }

            @Override
            public void collectOperands(BitSet operands) {
                operand.collectOperands(operands);
            }
        };
    }

    static MetaNode negate(MetaNode operand) {
        return new MetaNode() {
            @Override
            public double evaluate(MetaInputs inputs) {
                return -operand.evaluate(inputs);
            }

            @Override
            public void collectOperands(BitSet operands) {
                operand.collectOperands(operands);
            }
        };
    }

    static MetaNode binary(MetaOperator operator, MetaNode left, MetaNode right) {
        if (operator == MetaOperator.AND) {
            return and(left, right);
        }
        return new MetaNode() {
            @Override
            public double evaluate(MetaInputs inputs) {
                double l = left.evaluate(inputs);
                if (operator == MetaOperator.AND) {
                    return l == 0 ? l : right.evaluate(inputs);
                }
                if (operator == MetaOperator.OR) {
                    return l != 0 ? l : right.evaluate(inputs);
                }
                return operator.apply(l, right.evaluate(inputs));
            }

            @Override
            public void collectOperands(BitSet operands) {
                left.collectOperands(operands);
                right.collectOperands(operands);
            }
        };
    }

    /**
     * {@code A && B}: 0 when either is 0, else B. Reads A first when its value is known
     * already; else B first when the inputs say B is cheap ({@link MetaInputs}), and A only
     * when B is not 0; else A first.
     */
    static MetaNode and(MetaNode left, MetaNode right) {
        BitSet leftSet = new BitSet();
        left.collectOperands(leftSet);
        int[] leftOperands = leftSet.stream().toArray();
        BitSet rightSet = new BitSet();
        right.collectOperands(rightSet);
        int[] rightOperands = rightSet.stream().toArray();
        return new MetaNode() {
            @Override
            public double evaluate(MetaInputs inputs) {
                if (rightOperands.length > 0 && !inputs.known(leftOperands) && inputs.cheap(rightOperands)) {
                    double r = right.evaluate(inputs);
                    if (r == 0) {
                        return r;
                    }
                    double l = left.evaluate(inputs);
                    return l == 0 ? l : r;
                }
                double l = left.evaluate(inputs);
                return l == 0 ? l : right.evaluate(inputs);
            }

            @Override
            public void collectOperands(BitSet operands) {
                left.collectOperands(operands);
                operands.or(rightSet);
            }
        };
    }

    static MetaNode conditional(MetaNode condition, MetaNode whenTrue, MetaNode whenFalse) {
        return new MetaNode() {
            @Override
            public double evaluate(MetaInputs inputs) {
                return condition.evaluate(inputs) != 0 ? whenTrue.evaluate(inputs) : whenFalse.evaluate(inputs);
            }

            @Override
            public void collectOperands(BitSet operands) {
                condition.collectOperands(operands);
                whenTrue.collectOperands(operands);
                whenFalse.collectOperands(operands);
            }
        };
    }
}
