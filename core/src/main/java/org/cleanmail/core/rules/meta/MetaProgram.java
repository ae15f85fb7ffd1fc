package org.cleanmail.core.rules.meta;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Meta expressions compiled into one array of ints, each from its start, and their
 * evaluation: Perl's semantics, with {@code A && B} reading a cheap {@code B} first and
 * sums compared with a number reading their terms within bounds ({@link MetaInputs}). Each
 * {@link MetaExpression} holds a program of its own; a rule set compiles all its metas into
 * one. A scan evaluates a few hundred metas, each once; read
 * from a tree of objects (the nodes, their operand lists, the expression, the rule), a meta
 * costs about a dozen scattered reads of memory that the rest of the scan has evicted, and
 * those were four fifths of the time spent on metas. Here a meta's nodes, operands and
 * constants are one run of ints, laid out in the order the metas are added.
 *
 * <p>Operands are written as the inputs an expression's operand numbers map to when it is
 * added (a rule set's rule indices), and read from {@link MetaInputs} by those inputs.
 * Immutable and thread-safe.
 */
public final class MetaProgram {
    static final int NUMBER = 0;
    static final int OPERAND = 1;
    static final int NOT = 2;
    static final int NEGATE = 3;
    /** A binary operator other than {@code &&} and a bounded sum: {@code [BINARY, operator, rightAt, left..., right...]}. */
    static final int BINARY = 4;
    /** {@code [AND, rightAt, leftInputsAt, rightInputsAt, left..., right..., leftInputs, rightInputs]}. */
    static final int AND = 5;
    /** {@code [CONDITIONAL, whenTrueAt, whenFalseAt, condition..., whenTrue..., whenFalse...]}. */
    static final int CONDITIONAL = 6;
    /**
     * A sum compared with a number ({@link SumThreshold}):
     * {@code [BOUNDED, plainAt, terms, orEqual, bound (two ints), (termAt, termInputsAt) per term, ...]}.
     */
    static final int BOUNDED = 7;
    private static final MetaOperator[] OPERATORS = MetaOperator.values();

    private final int[] code;

    private MetaProgram(int[] code) {
        this.code = code;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Adds metas one after the other. Not thread-safe. */
    public static final class Builder {
        private final Writer writer = new Writer();

        private Builder() {
        }

        /**
         * Adds an expression.
         *
         * @param inputOf the input each operand number is read as
         * @param bounded whether its sums compared with a number may read their terms' bounds
         *     ({@link MetaInputs#max}): where not, they are evaluated as written
         * @return where it starts, for {@link #evaluate}
         */
        public int add(MetaExpression expression, IntUnaryOperator inputOf, boolean bounded) {
            return add(expression.root(), inputOf, bounded);
        }

        /** Adds an expression by its root node, its operands read by number, its sums bounded. */
        Builder addRoot(MetaNode root) {
            add(root, IntUnaryOperator.identity(), true);
            return this;
        }

        private int add(MetaNode root, IntUnaryOperator inputOf, boolean bounded) {
            writer.inputOf = inputOf;
            writer.bounded = bounded;
            int start = writer.size;
            root.emit(writer);
            return start;
        }

        public MetaProgram build() {
            return new MetaProgram(Arrays.copyOf(writer.code, writer.size));
        }
    }

    /** Where nodes write their code; positions are absolute. */
    static final class Writer {
        private int[] code = new int[64];
        private int size;
        private IntUnaryOperator inputOf;
        private boolean bounded;

        /** The position the next int is written at. */
        int position() {
            return size;
        }

        void write(int value) {
            if (size == code.length) {
                code = Arrays.copyOf(code, size * 2);
            }
            code[size++] = value;
        }

        /** Writes {@code count} zeros, slots for positions not known yet ({@link #set}); returns where they start. */
        int reserve(int count) {
            int at = size;
            for (int i = 0; i < count; i++) {
                write(0);
            }
            return at;
        }

        /** Sets an int written before, such as a position not known when it was. */
        void set(int at, int value) {
            code[at] = value;
        }

        void writeNumber(double value) {
            long bits = Double.doubleToRawLongBits(value);
            write((int) (bits >>> Integer.SIZE));
            write((int) bits);
        }

        int input(int operand) {
            return inputOf.applyAsInt(operand);
        }

        /** Writes the inputs of these operands: their count, then each. */
        void writeInputs(int[] operands) {
            write(operands.length);
            for (int operand : operands) {
                write(input(operand));
            }
        }

        void writeBounded(MetaNode plain, List<MetaNode> terms, int[][] termOperands, SumThreshold threshold) {
            if (!bounded) {
                plain.emit(this);
                return;
            }
            write(BOUNDED);
            int plainAt = reserve(1);
            write(terms.size());
            write(threshold.orEqual() ? 1 : 0);
            writeNumber(threshold.bound());
            int termsAt = reserve(2 * terms.size());
            set(plainAt, position());
            plain.emit(this);
            for (int i = 0; i < terms.size(); i++) {
                set(termsAt + 2 * i, position());
                terms.get(i).emit(this);
            }
            for (int i = 0; i < terms.size(); i++) {
                set(termsAt + 2 * i + 1, position());
                writeInputs(termOperands[i]);
            }
        }
    }

    /** The value of the expression that starts at {@code start}. */
    public double evaluate(int start, MetaInputs inputs) {
        int[] code = this.code;
        int at = start;
        switch (code[at]) {
            case NUMBER:
                return number(code, at + 1);
            case OPERAND:
                return inputs.value(code[at + 1]);
            case NOT:
                return evaluate(at + 1, inputs) == 0 ? 1 : 0;
            case NEGATE:
                return -evaluate(at + 1, inputs);
            case BINARY:
                return binary(code, at, inputs);
            case AND:
                return and(code, at, inputs);
            case CONDITIONAL:
                return evaluate(at + 3, inputs) != 0 ? evaluate(code[at + 1], inputs) : evaluate(code[at + 2], inputs);
            case BOUNDED:
                return bounded(code, at, inputs);
            default:
                throw new IllegalStateException("no meta node starts at " + at);
        }
    }

    private static double number(int[] code, int at) {
        return Double.longBitsToDouble((long) code[at] << Integer.SIZE | code[at + 1] & 0xFFFF_FFFFL);
    }

    private double binary(int[] code, int at, MetaInputs inputs) {
        MetaOperator operator = OPERATORS[code[at + 1]];
        double l = evaluate(at + 3, inputs);
        if (operator == MetaOperator.OR) {
            return l != 0 ? l : evaluate(code[at + 2], inputs);
        }
        return operator.apply(l, evaluate(code[at + 2], inputs));
    }

    /**
     * {@code A && B}: 0 when either is 0, else B. A first when its value is known already;
     * else B first when the inputs say B is cheap, and A only when B is not 0; else A first.
     */
    private double and(int[] code, int at, MetaInputs inputs) {
        int rightAt = code[at + 1];
        int leftInputs = code[at + 2];
        int rightInputs = code[at + 3];
        int rightCount = code[rightInputs];
        if (rightCount > 0 && !inputs.known(code, leftInputs + 1, leftInputs + 1 + code[leftInputs])
            && inputs.cheap(code, rightInputs + 1, rightInputs + 1 + rightCount)) {
            double r = evaluate(rightAt, inputs);
            if (r == 0) {
                return r;
            }
            double l = evaluate(at + 4, inputs);
            return l == 0 ? l : r;
        }
        double l = evaluate(at + 4, inputs);
        return l == 0 ? l : evaluate(rightAt, inputs);
    }

    /**
     * A sum compared with a number, term by term where the inputs bound each operand: the
     * terms known already first, then the cheap ones, then the rest as written; a term that
     * cannot be other than 0 is not read, and once the terms read meet the threshold, or the
     * rest cannot, the outcome (1 or 0) is known and nothing more is read. Where an operand
     * has no bound, the comparison as written.
     */
    private double bounded(int[] code, int at, MetaInputs inputs) {
        int plainAt = code[at + 1];
        int terms = code[at + 2];
        boolean orEqual = code[at + 3] != 0;
        double bound = number(code, at + 4);
        int termsAt = at + 6;
        double[] max = new double[terms];
        double rest = 0;
        int unbounded = 0;
        for (int i = 0; i < terms; i++) {
            int set = code[termsAt + 2 * i + 1];
            for (int j = set + 1; j <= set + code[set]; j++) {
                max[i] = Math.max(max[i], inputs.max(code[j]));
            }
            if (Double.isNaN(max[i])) {
                return evaluate(plainAt, inputs);
            }
            if (Double.isInfinite(max[i])) {
                unbounded++;
            } else {
                rest += max[i];
            }
        }
        double sum = 0;
        boolean[] read = new boolean[terms];
        for (int pass = 0; pass < 3; pass++) {
            for (int i = 0; i < terms; i++) {
                if (unbounded == 0 && !SumThreshold.metBy(sum + rest, bound, orEqual)) {
                    return 0;
                }
                int set = code[termsAt + 2 * i + 1];
                if (read[i] || pass == 0 && !inputs.known(code, set + 1, set + 1 + code[set])
                    || pass == 1 && !inputs.cheap(code, set + 1, set + 1 + code[set])) {
                    continue;
                }
                read[i] = true;
                if (Double.isInfinite(max[i])) {
                    unbounded--;
                } else {
                    rest -= max[i];
                }
                sum += max[i] == 0 ? 0 : evaluate(code[termsAt + 2 * i], inputs);
                if (SumThreshold.metBy(sum, bound, orEqual)) {
                    return 1;
                }
            }
        }
        return 0;
    }

}
