package org.cleanmail.core.rules.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MetaExpressionTest {
    private static final Map<String, Integer> HITS = Map.of("A", 1, "B", 0, "C", 1, "D", 2);

    private static double eval(String text) throws MetaSyntaxException {
        return MetaExpression.parse(text).evaluate(name -> HITS.getOrDefault(name, 0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "A && C;1",
        "A && B;0",
        "A || B;1",
        "B || B;0",
        "!B;1",
        "!A;0",
        "!!D;1",
        "A + C + D;4",
        "A + C + D > 3;1",
        "(A + B + C) >= 2;1",
        "D * 3 - 1;5",
        "D / 4;0.5",
        "D / B;0",
        "A + C * D;3",
        "(A + C) * D;4",
        "-A + 2;1",
        "A == 1;1",
        "A != 1;0",
        "D < 2;0",
        "D <= 2;1",
        "A ^ C;0",
        "A ^ B;1",
        "(A || B) + C;2",
        "(D || A);2",
        "B && UNKNOWN;0",
        "A && D;2",
        "A ? D : C;2",
        "B ? D : C;1",
        "1.5 * 2;3",
        "A && !B && (C || B) && D > 1;1",
        "A&&C;1",
    })
    void evaluateShouldFollowPerlSemantics(String text, double expected) throws MetaSyntaxException {
        assertThat(eval(text)).isEqualTo(expected);
    }

    @Test
    void parseShouldApplyPerlPrecedenceOfComparisonOverAnd() throws MetaSyntaxException {
        assertThat(eval("A + C > 1 && B == 0")).isEqualTo(1);
    }

    @Test
    void referencesShouldListEveryRuleName() throws MetaSyntaxException {
        assertThat(MetaExpression.parse("(__FOO && !__BAR) || (__BAZ + T_QUX > 1)").references())
            .containsExactly("T_QUX", "__BAR", "__BAZ", "__FOO");
    }

    @Test
    void rulesMatchingShouldExpandAgainstKnownNames() throws MetaSyntaxException {
        MetaExpression expression = MetaExpression.parse("rules_matching(__X_*) && A",
            List.of("__X_1", "__X_2", "__Y", "A"));
        assertThat(expression.references()).containsExactly("A", "__X_1", "__X_2");
        assertThat(expression.matches(name -> "__X_2".equals(name) || "A".equals(name) ? 1 : 0)).isTrue();
    }

    @Test
    void rulesMatchingWithoutMatchShouldBeZero() throws MetaSyntaxException {
        assertThat(MetaExpression.parse("rules_matching(NOPE*) || B").references()).containsExactly("B");
    }

    @Test
    void operandsShouldNumberEachRuleOnceInOrderOfFirstAppearance() throws MetaSyntaxException {
        MetaExpression expression = MetaExpression.parse("(Z && !A) || rules_matching(__X_*) + Z",
            List.of("__X_2", "__X_1", "B"));

        assertThat(expression.operands()).containsExactly("Z", "A", "__X_1", "__X_2");
        assertThat(expression.evaluateOperands(operand -> operand == 2 ? 1 : 0)).isEqualTo(1.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "A &&", "(A || B", "A B", "A & B", "A | B", "foo(A)", "A $ B", "A -> B", "1..2",
        "A ? B", "A; B", ")"})
    void parseShouldRejectMalformedExpressions(String text) {
        assertThatThrownBy(() -> MetaExpression.parse(text)).isInstanceOf(MetaSyntaxException.class);
    }

    @Test
    void parseShouldRejectUnbalancedParenthesesWithPosition() {
        assertThatThrownBy(() -> MetaExpression.parse("(A || (B && C)"))
            .isInstanceOf(MetaSyntaxException.class)
            .hasMessageContaining("expected ')'")
            .hasMessageContaining("offset 14");
    }

    @Test
    void randomExpressionsShouldParseOrBeRejectedButNeverThrowAnythingElse() {
        String alphabet = "AB_12 ()!&|<>=+-*/^?:.";
        Random random = new Random(2);
        int parsed = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(25);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            try {
                MetaExpression.parse(text.toString()).evaluate(name -> 1);
                parsed++;
            } catch (MetaSyntaxException expected) {
                assertThat(expected.position()).isBetween(0, text.length());
            }
        }
        assertThat(parsed).isPositive();
    }

    @Test
    void parseShouldRefuseDeepNestingWithoutStackOverflow() {
        String deep = "(".repeat(5_000) + "A" + ")".repeat(5_000);
        assertThatThrownBy(() -> MetaExpression.parse(deep)).hasMessageContaining("nested deeper");
        String negations = "!".repeat(10_000) + "A";
        assertThatThrownBy(() -> MetaExpression.parse(negations)).hasMessageContaining("nested deeper");
    }
}
