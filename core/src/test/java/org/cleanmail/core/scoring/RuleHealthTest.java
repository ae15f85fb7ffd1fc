package org.cleanmail.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RuleHealthTest {
    /** 130 rules: more than two words of the disabled rules' bits. */
    private static final CompiledRuleSet RULES = CompiledRuleSet.compile(NumberedRules.of(130), EvalFunctions.none(),
        ScoringOptions.builder().strikesBeforeDisabling(2).strikeWindow(10).build());

    private static int index(String name) {
        return NumberedRules.index(RULES, name);
    }

    @Test
    void ruleShouldBeDisabledByItsStrikesWithinTheWindowAndNoOtherRuleWithIt() {
        RuleHealth health = new RuleHealth(RULES);
        int rule = index("RULE_65");
        assertThat(health.strike(rule, "budget", 1)).as("the first strike").isFalse();
        assertThat(health.disabled(rule)).isFalse();
        assertThat(health.strike(rule, "budget", 2)).as("the second strike within the window").isTrue();
        assertThat(health.disabled(rule)).isTrue();
        for (int other = 0; other < RULES.size(); other++) {
            if (other != rule) {
                assertThat(health.disabled(other)).as("rule %d", other).isFalse();
            }
        }
    }

    @Test
    void rulesShouldBeDisabledEachOnItsOwnAcrossTheWordsOfBits() {
        RuleHealth health = new RuleHealth(RULES);
        int[] struck = {index("RULE_0"), index("RULE_63"), index("RULE_64"), index("RULE_129")};
        for (int rule : struck) {
            health.strike(rule, "stack overflow", 5);
            health.strike(rule, "stack overflow", 6);
        }
        Set<Integer> disabled = IntStream.of(struck).boxed().collect(Collectors.toSet());
        for (int rule = 0; rule < RULES.size(); rule++) {
            assertThat(health.disabled(rule)).as("rule %s", RULES.rule(rule).name).isEqualTo(disabled.contains(rule));
        }
        assertThat(health.failures()).extracting(UnusedRule::name)
            .containsExactlyInAnyOrder("RULE_0", "RULE_63", "RULE_64", "RULE_129");
    }

    @Test
    void strikesFartherApartThanTheWindowShouldNotDisable() {
        RuleHealth health = new RuleHealth(RULES);
        int rule = index("RULE_1");
        health.strike(rule, "budget", 1);
        assertThat(health.strike(rule, "budget", 20)).isFalse();
        assertThat(health.disabled(rule)).isFalse();
        assertThat(health.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.name()).isEqualTo("RULE_1");
            assertThat(failure.reason()).startsWith("failed, still enabled");
        });
    }
}
