package org.cleanmail.core.rules.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetaInputsTest {
    /** Values by rule name; rules named CHEAP* are cheap, KNOWN* known already; records what was read. */
    private static final class Recording implements MetaInputs {
        private final List<String> operands;
        private final Map<String, Double> values;
        private final List<String> read = new ArrayList<>();

        Recording(MetaExpression meta, Map<String, Double> values) {
            this.operands = meta.operands();
            this.values = values;
        }

        @Override
        public double value(int operand) {
            String name = operands.get(operand);
            read.add(name);
            return values.getOrDefault(name, 0.0);
        }

        @Override
        public boolean cheap(int[] numbers, int from, int to) {
            return Arrays.stream(numbers, from, to).allMatch(operand -> operands.get(operand).startsWith("CHEAP"));
        }

        @Override
        public boolean known(int[] numbers, int from, int to) {
            return Arrays.stream(numbers, from, to).allMatch(operand -> operands.get(operand).startsWith("KNOWN"));
        }
    }

    /** {@link Recording} that also bounds each operand: its value plus {@code slack}, or its exact value when known. */
    private static final class Bounded implements MetaInputs {
        private final Recording recording;
        private final Map<String, Double> slack;

        Bounded(Recording recording, Map<String, Double> slack) {
            this.recording = recording;
            this.slack = slack;
        }

        @Override
        public double value(int operand) {
            return recording.value(operand);
        }

        @Override
        public boolean cheap(int[] numbers, int from, int to) {
            return recording.cheap(numbers, from, to);
        }

        @Override
        public boolean known(int[] numbers, int from, int to) {
            return recording.known(numbers, from, to);
        }

        @Override
        public double max(int operand) {
            String name = recording.operands.get(operand);
            double value = recording.values.getOrDefault(name, 0.0);
            return name.startsWith("KNOWN") ? value : value + slack.getOrDefault(name, 0.0);
        }
    }

    @Test
    void sumThresholdShouldReadNothingWhenItsTermsCannotReachTheBound() throws MetaSyntaxException {
        MetaExpression meta = MetaExpression.parse("(__A + __B + __C + __COSTLY) > 2");
        Recording recording = new Recording(meta, Map.of("__A", 1.0));

        assertThat(meta.evaluateOperands(new Bounded(recording, Map.of("__B", 1.0)))).isZero();
        assertThat(recording.read).isEmpty();
    }

    @Test
    void sumThresholdShouldStopOnceTheBoundIsPassed() throws MetaSyntaxException {
        MetaExpression meta = MetaExpression.parse("(__COSTLY + KNOWN_A + CHEAP_B + KNOWN_C) > 2");
        Recording recording = new Recording(meta, Map.of("KNOWN_A", 1.0, "CHEAP_B", 1.0, "KNOWN_C", 1.0, "__COSTLY", 1.0));

        assertThat(meta.evaluateOperands(new Bounded(recording, Map.of()))).isEqualTo(1.0);
        assertThat(recording.read).containsExactly("KNOWN_A", "KNOWN_C", "CHEAP_B");
    }

    /** Evaluated term by term within bounds, a sum threshold must give the value the written order gives. */
    @ParameterizedTest
    @ValueSource(strings = {"(A + B + C + D) > 2", "(KNOWN_A + CHEAP_B + (C || D)) >= 2", "X && (A + CHEAP_B + KNOWN_C) > 1",
        "1 < A + B + C", "3 <= A + KNOWN_B + C + D", "(A + B + C) > 1.5", "((A || CHEAP_B) || C) + D > 1",
        "(A + B + (C || A)) > 1", "A + B > 0", "!((A + B + C) > 1) && D", "(A + B) > 2 || (C + D) > 1"})
    void sumThresholdWithinBoundsShouldGiveTheSameValue(String text) throws MetaSyntaxException {
        MetaExpression meta = MetaExpression.parse(text);
        Random random = new Random(17);
        for (int i = 0; i < 2000; i++) {
            Map<String, Double> values = new HashMap<>();
            Map<String, Double> slack = new HashMap<>();
            for (String name : meta.operands()) {
                values.put(name, random.nextInt(3) == 0 ? (double) random.nextInt(4) : 0.0);
                slack.put(name, random.nextInt(4) == 0 ? Double.POSITIVE_INFINITY : random.nextInt(3));
            }
            double expected = meta.evaluate(name -> values.getOrDefault(name, 0.0));
            assertThat(meta.evaluateOperands(new Bounded(new Recording(meta, values), slack)))
                .as("%s with %s, slack %s", text, values, slack).isEqualTo(expected);
        }
    }

    @Test
    void knownOperandShouldBeReadBeforeACheapOne() throws MetaSyntaxException {
        // a header test that costs (a back-reference over all headers) is skipped when a known operand decides
        MetaExpression meta = MetaExpression.parse("KNOWN_BODY_TEST && CHEAP_HEADER_TEST");
        Recording inputs = new Recording(meta, Map.of("CHEAP_HEADER_TEST", 1.0));

        assertThat(meta.evaluateOperands(inputs)).isZero();
        assertThat(inputs.read).containsExactly("KNOWN_BODY_TEST");
    }

    @Test
    void costlyOperandShouldNotBeReadWhenACheapOneIsFalse() throws MetaSyntaxException {
        MetaExpression meta = MetaExpression.parse("__COSTLY && !CHEAP_THREADED && !CHEAP_VIA_ML");
        Recording inputs = new Recording(meta, Map.of("__COSTLY", 1.0, "CHEAP_VIA_ML", 1.0));

        assertThat(meta.evaluateOperands(inputs)).isZero();
        assertThat(inputs.read).doesNotContain("__COSTLY");
    }

    @Test
    void costlyOperandShouldBeReadWhenTheCheapOnesAreTrue() throws MetaSyntaxException {
        MetaExpression meta = MetaExpression.parse("__COSTLY && !CHEAP_THREADED");
        Recording inputs = new Recording(meta, Map.of("__COSTLY", 2.0));

        assertThat(meta.evaluateOperands(inputs)).isEqualTo(1.0);
        assertThat(inputs.read).contains("__COSTLY");
    }

    @Test
    void plainLookupShouldReadLeftToRight() throws MetaSyntaxException {
        MetaExpression meta = MetaExpression.parse("__COSTLY && CHEAP_A");
        List<String> read = new ArrayList<>();

        meta.evaluate(name -> {
            read.add(name);
            return 0;
        });

        assertThat(read).containsExactly("__COSTLY");
    }

    /** The cheap-first order must give the value the written order gives, for every assignment tried. */
    @ParameterizedTest
    @ValueSource(strings = {"A && CHEAP_B", "(A || CHEAP_B) && CHEAP_C + A", "A && !CHEAP_B && CHEAP_C && B",
        "(A && CHEAP_B) + (CHEAP_C && A) > 1", "A && (CHEAP_B || CHEAP_C) && !(B && CHEAP_A)", "A * 2 && CHEAP_B - 1",
        "KNOWN_A && CHEAP_B", "(KNOWN_A || A) && CHEAP_B && KNOWN_A"})
    void cheapFirstShouldGiveTheSameValue(String text) throws MetaSyntaxException {
        MetaExpression meta = MetaExpression.parse(text);
        Random random = new Random(3);
        for (int i = 0; i < 500; i++) {
            Map<String, Double> values = new HashMap<>();
            for (String name : List.of("A", "B", "CHEAP_A", "CHEAP_B", "CHEAP_C", "KNOWN_A")) {
                values.put(name, (double) random.nextInt(3));
            }
            assertThat(meta.evaluateOperands(new Recording(meta, values))).as("%s with %s", text, values)
                .isEqualTo(meta.evaluate(name -> values.getOrDefault(name, 0.0)));
        }
    }

    /** Whenever an expression is not 0, each of its needs has an operand that is not 0: skipping on unmet needs is safe. */
    @ParameterizedTest
    @ValueSource(strings = {"A && !B && (C || D)", "(A + B + C + D) > 2", "A + B >= 1", "2 < A + B", "1 <= C * D",
        "(A || B) && (C && !D)", "A / B", "A == 2", "!A && B", "(A - B) > 0", "A > -1", "A ? B : C", "-A && B",
        "(A && B) + (C || D) > 1", "A != 0 && B", "0 != C", "A ^ B", "rules_matching(A*) > 0"})
    void needsShouldHoldWheneverTheValueIsNotZero(String text) throws MetaSyntaxException {
        MetaExpression meta = MetaExpression.parse(text, List.of("A1", "A2"));

        int nonZero = forNonZeroAssignments(meta, 11, values -> {
            for (int[] anyOf : meta.necessaryOperands()) {
                assertThat(Arrays.stream(anyOf).mapToObj(meta.operands()::get).anyMatch(name -> values.get(name) != 0))
                    .as("%s with %s needs one of %s", text, values, Arrays.toString(anyOf)).isTrue();
            }
        });

        assertThat(nonZero).as("assignments where %s is not 0", text).isPositive();
    }

    /**
     * Calls {@code check} with each of 2000 random assignments of values 0 to 3 (0 two times
     * in three) to the expression's operands where it is not 0; answers how many there were.
     */
    private static int forNonZeroAssignments(MetaExpression meta, long seed,
                                             Consumer<Map<String, Double>> check) {
        Random random = new Random(seed);
        int nonZero = 0;
        for (int i = 0; i < 2000; i++) {
            Map<String, Double> values = new HashMap<>();
            for (String name : meta.operands()) {
                values.put(name, random.nextInt(3) == 0 ? (double) random.nextInt(4) : 0.0);
            }
            if (meta.evaluate(name -> values.getOrDefault(name, 0.0)) != 0) {
                nonZero++;
                check.accept(values);
            }
        }
        return nonZero;
    }

    /**
     * Whenever an expression is not 0, the summands of its sum threshold that are not 0 add up
     * beyond the bound, each counted at its greatest member's value: skipping on an unmet threshold is safe.
     */
    @ParameterizedTest
    @ValueSource(strings = {"(A + B + C + D) > 2", "(A + B + (C || D)) >= 2", "X && (A + B + C) > 1", "1 < A + B + C",
        "3 <= A + B + C + D", "(A + B + C) > 1.5", "((A || B) || C) + D > 1", "(A + B + (C || A)) > 1", "A + B > 0"})
    void sumThresholdShouldHoldWheneverTheValueIsNotZero(String text) throws MetaSyntaxException {
        MetaExpression meta = MetaExpression.parse(text);
        SumThreshold threshold = meta.sumThreshold().orElseThrow();

        int nonZero = forNonZeroAssignments(meta, 13, values -> {
            double total = Arrays.stream(threshold.summands())
                .mapToDouble(summand -> Arrays.stream(summand).mapToDouble(operand -> values.get(meta.operands().get(operand)))
                    .max().orElse(0))
                .sum();
            assertThat(threshold.metBy(total)).as("%s with %s", text, values).isTrue();
        });

        assertThat(nonZero).as("assignments where %s is not 0", text).isPositive();
    }

    @Test
    void sumThresholdShouldBeReadFromSumsOfSingleTermsOnly() throws MetaSyntaxException {
        MetaExpression sum = MetaExpression.parse("(__A + __B + (__C || __D)) > 1");

        assertThat(sum.sumThreshold().orElseThrow().bound()).isEqualTo(1);
        assertThat(Arrays.stream(sum.sumThreshold().orElseThrow().summands()).map(set -> Arrays.stream(set)
            .mapToObj(sum.operands()::get).collect(java.util.stream.Collectors.toSet())))
            .containsExactly(java.util.Set.of("__A"), java.util.Set.of("__B"), java.util.Set.of("__C", "__D"));
        assertThat(MetaExpression.parse("(__A + __B) > -1").sumThreshold()).isEmpty();
        assertThat(MetaExpression.parse("(__A - __B) > 1").sumThreshold()).isEmpty();
        assertThat(MetaExpression.parse("(__A + 2) > 2").sumThreshold()).isEmpty();
        assertThat(MetaExpression.parse("(__A + __B * 2) > 1").sumThreshold()).isEmpty();
        assertThat(MetaExpression.parse("((__A + __B) || __C) + __D > 1").sumThreshold()).isEmpty();
        assertThat(MetaExpression.parse("__A || (__B + __C + __D > 2)").sumThreshold()).isEmpty();
        assertThat(MetaExpression.parse("!((__A + __B + __C) > 2)").sumThreshold()).isEmpty();
    }

    @Test
    void greatestValueShouldFollowTheOperators() throws MetaSyntaxException {
        assertThat(MetaExpression.parse("__A && !__B").maxValue(operand -> 5)).isEqualTo(1);
        assertThat(MetaExpression.parse("!__A && __B").maxValue(operand -> 5)).isEqualTo(5);
        assertThat(MetaExpression.parse("(__A + __B) > 1").maxValue(operand -> 7)).isEqualTo(1);
        assertThat(MetaExpression.parse("__A + __B").maxValue(operand -> 2)).isEqualTo(4);
        assertThat(MetaExpression.parse("__A || __B").maxValue(operand -> operand + 1.0)).isEqualTo(2);
        assertThat(MetaExpression.parse("__A * __B").maxValue(operand -> 1)).isInfinite();
    }

    @Test
    void needsShouldBeReadFromConjunctionsAndThresholds() throws MetaSyntaxException {
        MetaExpression meta = MetaExpression.parse("__A && !__B && (__C || __D) && (__E + __F > 1)");

        assertThat(meta.necessaryOperands()).extracting(anyOf -> Arrays.stream(anyOf).mapToObj(meta.operands()::get)
            .collect(java.util.stream.Collectors.toSet()))
            .containsExactly(java.util.Set.of("__A"), java.util.Set.of("__C", "__D"), java.util.Set.of("__E", "__F"));
        assertThat(MetaExpression.parse("!__A || __B").necessaryOperands()).isEmpty();
        assertThat(MetaExpression.parse("__A - __B").nonNegative()).isFalse();
    }
}
