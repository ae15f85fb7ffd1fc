package org.cleanmail.core.rules.meta;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * The node kinds of meta expressions: what they tell of a meta before it is evaluated, and
 * the code each writes ({@link MetaProgram}, which evaluates them with Perl's semantics:
 * {@code &&} and {@code ||} yield the deciding operand, so {@code (A || B) + C} adds hit
 * counts; {@code !} and comparisons yield 0 or 1; a division by zero yields 0 instead of
 * aborting the whole scan).
 */
final class MetaNodes {
    private MetaNodes() {
    }

    static MetaNode number(double value) {
        return new MetaNode() {
            @Override
            public void emit(MetaProgram.Writer out) {
                out.write(MetaProgram.NUMBER);
                out.writeNumber(value);
            }

            @Override
            public void collectOperands(BitSet operands) {
            }

            @Override
            public boolean nonNegative() {
                return value >= 0;
            }

            @Override
            public double constant() {
                return value;
            }

            @Override
            public List<BitSet> summands() {
                return value == 0 ? List.of() : null;
            }

            @Override
            public double maxValue(IntToDoubleFunction operandMax) {
                return value;
            }
        };
    }

    /** The value of a rule: operand number {@code operand} of the expression. */
    static MetaNode operand(int operand) {
        return new MetaNode() {
            @Override
            public void emit(MetaProgram.Writer out) {
                out.write(MetaProgram.OPERAND);
                out.write(out.input(operand));
            }

            @Override
            public void collectOperands(BitSet operands) {
                operands.set(operand);
            }

            @Override
            public boolean nonNegative() {
                return true;
            }

            @Override
            public List<BitSet> necessary() {
                BitSet one = new BitSet();
                one.set(operand);
                return List.of(one);
            }

            @Override
            public List<BitSet> summands() {
                return necessary();
            }

            @Override
            public double maxValue(IntToDoubleFunction operandMax) {
                return operandMax.applyAsDouble(operand);
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
            public void emit(MetaProgram.Writer out) {
                out.write(MetaProgram.NOT);
                operand.emit(out);
            }

            @Override
            public void collectOperands(BitSet operands) {
                operand.collectOperands(operands);
            }

            @Override
            public boolean nonNegative() {
                return true;
            }

            @Override
            public double maxValue(IntToDoubleFunction operandMax) {
                return 1;
            }
        };
    }

    static MetaNode negate(MetaNode operand) {
        return new MetaNode() {
            @Override
            public void emit(MetaProgram.Writer out) {
                out.write(MetaProgram.NEGATE);
                operand.emit(out);
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
        MetaNode plain = plainBinary(operator, left, right);
        SumThreshold threshold = plain.sumThreshold();
        if (threshold == null) {
            return plain;
        }
        boolean sumOnLeft = operator == MetaOperator.GT || operator == MetaOperator.GE;
        return bounded(plain, (sumOnLeft ? left : right).sumTerms(), threshold);
    }

    private static MetaNode plainBinary(MetaOperator operator, MetaNode left, MetaNode right) {
        return new MetaNode() {
            @Override
            public void emit(MetaProgram.Writer out) {
                out.write(MetaProgram.BINARY);
                out.write(operator.ordinal());
                int rightAt = out.reserve(1);
                left.emit(out);
                out.set(rightAt, out.position());
                right.emit(out);
            }

            @Override
            public void collectOperands(BitSet operands) {
                left.collectOperands(operands);
                right.collectOperands(operands);
            }

            @Override
            public boolean nonNegative() {
                return binaryNonNegative(operator, left, right);
            }

            @Override
            public List<BitSet> necessary() {
                return binaryNecessary(operator, left, right);
            }

            @Override
            public List<BitSet> summands() {
                return binarySummands(operator, left, right);
            }

            @Override
            public List<MetaNode> sumTerms() {
                if (operator != MetaOperator.PLUS) {
                    return List.of(this);
                }
                List<MetaNode> terms = new ArrayList<>(left.sumTerms());
                terms.addAll(right.sumTerms());
                return terms;
            }

            @Override
            public SumThreshold sumThreshold() {
                return binarySumThreshold(operator, left, right);
            }

            @Override
            public double maxValue(IntToDoubleFunction operandMax) {
                switch (operator) {
                    case EQ:
                    case NE:
                    case LT:
                    case LE:
                    case GT:
                    case GE:
                        return 1;
                    case OR:
                        return Math.max(left.maxValue(operandMax), right.maxValue(operandMax));
                    case PLUS:
                        return left.maxValue(operandMax) + right.maxValue(operandMax);
                    default:
                        return Double.POSITIVE_INFINITY;
                }
            }
        };
    }

    /**
     * A sum compared with a number ({@link SumThreshold}), evaluated ({@link MetaProgram}) term by term where the
     * inputs bound each operand ({@link MetaInputs#max(int)}): the terms known already first,
     * then the cheap ones, then the rest as written; a term that cannot be other than 0 is
     * not read, and once the terms read meet the threshold, or the rest cannot make them,
     * the outcome (1 or 0) is known and nothing more is read. The value is the comparison's,
     * as {@code plain} gives it.
     */
    private static MetaNode bounded(MetaNode plain, List<MetaNode> terms, SumThreshold threshold) {
        int[][] termOperands = new int[terms.size()][];
        for (int i = 0; i < termOperands.length; i++) {
            BitSet operands = new BitSet();
            terms.get(i).collectOperands(operands);
            termOperands[i] = operands.stream().toArray();
        }
        return new MetaNode() {
            @Override
            public void collectOperands(BitSet operands) {
                plain.collectOperands(operands);
            }

            @Override
            public void emit(MetaProgram.Writer out) {
                out.writeBounded(plain, terms, termOperands, threshold);
            }

            @Override
            public boolean nonNegative() {
                return true;
            }

            @Override
            public List<BitSet> necessary() {
                return plain.necessary();
            }

            @Override
            public SumThreshold sumThreshold() {
                return threshold;
            }

            @Override
            public double maxValue(IntToDoubleFunction operandMax) {
                return 1;
            }
        };
    }

    /** {@link MetaNode#summands()} of a binary node: a sum's terms, or {@code ||} of two single terms as one. */
    private static List<BitSet> binarySummands(MetaOperator operator, MetaNode left, MetaNode right) {
        List<BitSet> leftTerms = left.summands();
        List<BitSet> rightTerms = leftTerms == null ? null : right.summands();
        if (rightTerms == null) {
            return null;
        }
        if (operator == MetaOperator.PLUS) {
            List<BitSet> terms = new ArrayList<>(leftTerms);
            terms.addAll(rightTerms);
            return terms;
        }
        if (operator == MetaOperator.OR && leftTerms.size() == 1 && rightTerms.size() == 1) {
            // A || B is A where A is not 0, else B: not 0 only where one of them is not, and never above the greater
            return either(leftTerms, rightTerms);
        }
        return null;
    }

    /** {@link MetaNode#sumThreshold()} of a comparison of a sum with a number that keeps 0 out ({@code sum > k}, {@code k < sum}). */
    private static SumThreshold binarySumThreshold(MetaOperator operator, MetaNode left, MetaNode right) {
        MetaNode sum;
        double bound;
        boolean orEqual;
        switch (operator) {
            case GT:
            case GE:
                sum = left;
                bound = right.constant();
                orEqual = operator == MetaOperator.GE;
                break;
            case LT:
            case LE:
                sum = right;
                bound = left.constant();
                orEqual = operator == MetaOperator.LE;
                break;
            default:
                return null;
        }
        boolean excludesZero = orEqual ? bound > 0 : bound >= 0;
        if (Double.isNaN(bound) || !excludesZero || !Double.isNaN(sum.constant())) {
            return null;
        }
        List<BitSet> terms = sum.summands();
        return terms == null || terms.isEmpty() ? null : new SumThreshold(terms, bound, orEqual);
    }

    private static boolean binaryNonNegative(MetaOperator operator, MetaNode left, MetaNode right) {
        switch (operator) {
            case EQ:
            case NE:
            case LT:
            case LE:
            case GT:
            case GE:
                return true;
            case OR:
            case XOR:
            case PLUS:
            case TIMES:
            case DIVIDE:
                return left.nonNegative() && right.nonNegative();
            default:
                return false;
        }
    }

    /** {@link MetaNode#necessary()} of a binary node other than {@code &&}. */
    private static List<BitSet> binaryNecessary(MetaOperator operator, MetaNode left, MetaNode right) {
        switch (operator) {
            case OR:
                return either(left.necessary(), right.necessary());
            case PLUS:
                // no cancelling out while neither side is negative
                return left.nonNegative() && right.nonNegative() ? either(left.necessary(), right.necessary()) : List.of();
            case TIMES:
            case DIVIDE:
                return both(left.necessary(), right.necessary());
            case GT:
                // E > k with k >= 0 needs E > 0; k < E the same
                return atLeastAboveZero(left, right.constant(), false, right, left.constant());
            case GE:
                return atLeastAboveZero(left, right.constant(), true, right, left.constant());
            case LT:
                return atLeastAboveZero(right, left.constant(), false, left, right.constant());
            case LE:
                return atLeastAboveZero(right, left.constant(), true, left, right.constant());
            case EQ:
                if (!Double.isNaN(right.constant()) && right.constant() != 0) {
                    return left.necessary();
                }
                return !Double.isNaN(left.constant()) && left.constant() != 0 ? right.necessary() : List.of();
            case NE:
                if (right.constant() == 0) {
                    return left.necessary();
                }
                return left.constant() == 0 ? right.necessary() : List.of();
            default:
                return List.of();
        }
    }

    /**
     * What {@code value > bound} ({@code >=} when {@code orEqual}) needs: {@code value}'s own
     * needs when the bound keeps 0 out; nothing known otherwise.
     */
    private static List<BitSet> atLeastAboveZero(MetaNode value, double bound, boolean orEqual, MetaNode boundNode,
                                                 double valueConstant) {
        if (Double.isNaN(bound) || !Double.isNaN(valueConstant) || boundNode == null) {
            return List.of();
        }
        boolean excludesZero = orEqual ? bound > 0 : bound >= 0;
        return excludesZero ? value.necessary() : List.of();
    }

    /** Needs that hold when either side's hold: one set of each side's first, united. */
    private static List<BitSet> either(List<BitSet> left, List<BitSet> right) {
        if (left.isEmpty() || right.isEmpty()) {
            return List.of();
        }
        BitSet united = (BitSet) left.get(0).clone();
        united.or(right.get(0));
        return List.of(united);
    }

    private static List<BitSet> both(List<BitSet> left, List<BitSet> right) {
        List<BitSet> all = new ArrayList<>(left);
        all.addAll(right);
        return all;
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
            public void emit(MetaProgram.Writer out) {
                out.write(MetaProgram.AND);
                int slots = out.reserve(3);
                left.emit(out);
                out.set(slots, out.position());
                right.emit(out);
                out.set(slots + 1, out.position());
                out.writeInputs(leftOperands);
                out.set(slots + 2, out.position());
                out.writeInputs(rightOperands);
            }

            @Override
            public void collectOperands(BitSet operands) {
                left.collectOperands(operands);
                operands.or(rightSet);
            }

            @Override
            public boolean nonNegative() {
                return right.nonNegative();
            }

            @Override
            public List<BitSet> necessary() {
                return both(left.necessary(), right.necessary());
            }

            @Override
            public SumThreshold sumThreshold() {
                SumThreshold leftThreshold = left.sumThreshold();
                return leftThreshold != null ? leftThreshold : right.sumThreshold();
            }

            @Override
            public double maxValue(IntToDoubleFunction operandMax) {
                // A && B is 0 where A is, else B
                return right.maxValue(operandMax);
            }
        };
    }

    static MetaNode conditional(MetaNode condition, MetaNode whenTrue, MetaNode whenFalse) {
        return new MetaNode() {
            @Override
            public void emit(MetaProgram.Writer out) {
                out.write(MetaProgram.CONDITIONAL);
                int slots = out.reserve(2);
                condition.emit(out);
                out.set(slots, out.position());
                whenTrue.emit(out);
                out.set(slots + 1, out.position());
                whenFalse.emit(out);
            }

            @Override
            public void collectOperands(BitSet operands) {
                condition.collectOperands(operands);
                whenTrue.collectOperands(operands);
                whenFalse.collectOperands(operands);
            }

            @Override
            public boolean nonNegative() {
                return whenTrue.nonNegative() && whenFalse.nonNegative();
            }

            @Override
            public double maxValue(IntToDoubleFunction operandMax) {
                return Math.max(whenTrue.maxValue(operandMax), whenFalse.maxValue(operandMax));
            }
        };
    }
}
