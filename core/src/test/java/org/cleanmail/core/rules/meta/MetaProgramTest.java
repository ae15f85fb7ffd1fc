package org.cleanmail.core.rules.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * A program of many metas evaluates each as the expression alone does
 * ({@link MetaExpression#evaluateOperands}): the same value, reading the same operands in the
 * same order, whatever is known, cheap or bounded. (What that value and order are is
 * {@link MetaExpressionTest}'s and {@link MetaInputsTest}'s.)
 */
class MetaProgramTest {
    private static final String[] NAMES = {"__A", "__B", "__C", "__D", "__E", "__F"};
    private static final String[] HANDWRITTEN = {
        "__A && !__B && (__C || __D)",
        "(__A + __B + (__C || __D)) > 1",
        "__A + __B + __C + __D >= 2 && !__E",
        "2 < __A + __B + __C",
        "__A ? __B : -__C",
        "(__A || __B) + __C * 2 - __D / __E",
        "__A ^ __B",
        "__A == 1 && __B != 0 && __C <= 2 && __D < 3",
        "1.5",
        "-__A + 3",
        "rules_matching(__X*) || __A",
    };

    /**
     * Reads values by input, operand number + {@code base}, recording the operands read in
     * order; known, cheap and bounds as set up.
     */
    private static final class Recording implements MetaInputs {
        private final double[] values;
        private final boolean[] known;
        private final boolean[] cheap;
        private final double[] max;
        private final int base;
        private final List<Integer> reads = new ArrayList<>();

        Recording(double[] values, boolean[] known, boolean[] cheap, double[] max, int base) {
            this.values = values;
            this.known = known;
            this.cheap = cheap;
            this.max = max;
            this.base = base;
        }

        @Override
        public double value(int input) {
            reads.add(input - base);
            return values[input - base];
        }

        @Override
        public boolean known(int[] inputs, int from, int to) {
            for (int i = from; i < to; i++) {
                if (!known[inputs[i] - base]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean cheap(int[] inputs, int from, int to) {
            for (int i = from; i < to; i++) {
                if (!cheap[inputs[i] - base]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public double max(int input) {
            return max[input - base];
        }
    }

    @Test
    void everyMetaShouldEvaluateAsItsExpressionAloneDoes() throws MetaSyntaxException {
        Random random = new Random(7);
        List<MetaExpression> expressions = new ArrayList<>();
        for (String text : HANDWRITTEN) {
            expressions.add(MetaExpression.parse(text, List.of("__X1", "__X2")));
        }
        for (int i = 0; i < 300; i++) {
            expressions.add(MetaExpression.parse(randomExpression(random, 4)));
        }
        for (boolean bounded : new boolean[] {true, false}) {
            MetaProgram.Builder builder = MetaProgram.builder();
            int[] starts = new int[expressions.size()];
            for (int i = 0; i < starts.length; i++) {
                // inputs numbered apart from the operands: operand 0 of the i-th meta is input 100 * i
                int base = 100 * i;
                starts[i] = builder.add(expressions.get(i), operand -> base + operand, bounded);
            }
            MetaProgram program = builder.build();
            for (int i = 0; i < starts.length; i++) {
                MetaExpression expression = expressions.get(i);
                for (int trial = 0; trial < 40; trial++) {
                    int n = expression.operands().size();
                    double[] values = new double[n];
                    boolean[] known = new boolean[n];
                    boolean[] cheap = new boolean[n];
                    double[] max = new double[n];
                    for (int operand = 0; operand < n; operand++) {
                        values[operand] = random.nextInt(3);
                        known[operand] = random.nextBoolean();
                        cheap[operand] = random.nextBoolean();
                        max[operand] = trial % 4 == 0 ? Double.NaN
                            : random.nextInt(4) == 0 ? Double.POSITIVE_INFINITY : Math.max(values[operand], random.nextInt(3));
                    }
                    Recording alone = new Recording(values, known, cheap, max, 0);
                    Recording inProgram = new Recording(values, known, cheap, max, 100 * i);
                    // an unbounded meta's sums are evaluated as written, as where no bounds are told
                    MetaInputs aloneInputs = bounded ? alone : new Unbounded(alone);

                    double expected = expression.evaluateOperands(aloneInputs);
                    double actual = program.evaluate(starts[i], inProgram);

                    assertThat(actual).as("%s (bounded %s)", expression, bounded).isEqualTo(expected);
                    assertThat(inProgram.reads).as("operands read by %s", expression).isEqualTo(alone.reads);
                }
            }
        }
    }

    @Test
    void operandsShouldBeReadAsTheInputsTheyMapTo() throws MetaSyntaxException {
        MetaProgram.Builder builder = MetaProgram.builder();
        builder.add(MetaExpression.parse("__A || __B"), operand -> operand, true);
        int start = builder.add(MetaExpression.parse("__A + __B * 10"), operand -> 100 + operand, true);
        MetaProgram program = builder.build();

        double value = program.evaluate(start, input -> input == 100 ? 1 : input == 101 ? 2 : -1);

        assertThat(value).isEqualTo(21);
    }

    /** Inputs that tell no bounds. */
    private static final class Unbounded implements MetaInputs {
        private final MetaInputs inputs;

        Unbounded(MetaInputs inputs) {
            this.inputs = inputs;
        }

        @Override
        public double value(int operand) {
            return inputs.value(operand);
        }

        @Override
        public boolean known(int[] operands, int from, int to) {
            return inputs.known(operands, from, to);
        }

        @Override
        public boolean cheap(int[] operands, int from, int to) {
            return inputs.cheap(operands, from, to);
        }
    }

    private static String randomExpression(Random random, int depth) {
        int kind = depth == 0 ? random.nextInt(2) : random.nextInt(9);
        switch (kind) {
            case 0:
            case 1:
                return NAMES[random.nextInt(NAMES.length)];
            case 2:
                return "!" + randomExpression(random, depth - 1);
            case 3:
                return "(" + randomExpression(random, depth - 1) + " && " + randomExpression(random, depth - 1) + ")";
            case 4:
                return "(" + randomExpression(random, depth - 1) + " || " + randomExpression(random, depth - 1) + ")";
            case 5:
                return "(" + sum(random, depth) + ") > " + random.nextInt(3);
            case 6:
                return "(" + randomExpression(random, depth - 1) + " ? " + randomExpression(random, depth - 1) + " : "
                    + randomExpression(random, depth - 1) + ")";
            case 7:
                String[] operators = {"+", "-", "*", "/", "==", "!=", "<", "<=", ">=", "^"};
                return "(" + randomExpression(random, depth - 1) + " " + operators[random.nextInt(operators.length)] + " "
                    + (random.nextBoolean() ? String.valueOf(random.nextInt(3)) : randomExpression(random, depth - 1)) + ")";
            default:
                return random.nextInt(3) + " <= (" + sum(random, depth) + ")";
        }
    }

    private static String sum(Random random, int depth) {
        StringBuilder sum = new StringBuilder();
        for (int i = 0, n = 2 + random.nextInt(4); i < n; i++) {
            sum.append(i == 0 ? "" : " + ").append(random.nextInt(3) == 0 ? randomExpression(random, depth - 1)
                : NAMES[random.nextInt(NAMES.length)]);
        }
        return sum.toString();
    }
}
