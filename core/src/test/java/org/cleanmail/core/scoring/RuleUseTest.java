package org.cleanmail.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.cleanmail.core.rules.sa.RuleLoadOptions;
import org.cleanmail.core.rules.sa.SpamAssassinRuleLoader;
import org.junit.jupiter.api.Test;

class RuleUseTest {
    private static final CompiledRuleSet RULES = CompiledRuleSet.compile(NumberedRules.of(6), EvalFunctions.none(),
        ScoringOptions.defaults());

    private static int index(String name) {
        return NumberedRules.index(RULES, name);
    }

    @Test
    void layoutShouldPutTheMostRunRulesFirstAndLeaveOutThoseThatNeverRan() {
        RuleUse use = new RuleUse(RULES.size(), 3);
        int one = index("RULE_1");
        int three = index("RULE_3");
        int five = index("RULE_5");

        assertThat(use.add(new int[] {five, one}, 2)).isFalse();
        assertThat(use.add(new int[] {three, five}, 2)).isFalse();
        assertThat(use.complete()).isFalse();
        assertThat(use.add(new int[] {five, three, 0}, 2)).as("the message that completes the count").isTrue();

        assertThat(use.complete()).isTrue();
        assertThat(use.counting()).isFalse();
        assertThat(use.layout(RULES).first()).containsExactly("RULE_5", "RULE_3", "RULE_1");
    }

    @Test
    void layoutShouldOrderTheRulesAsAMessageEvaluatesThemTheMostRunFirstWithinEach() {
        CompiledRuleSet rules = CompiledRuleSet.compile(new SpamAssassinRuleLoader(RuleLoadOptions.builder().build())
            .loadText("phases.cf", String.join("\n", "body A_BODY /alpha/", "header B_HEADER Subject =~ /beta/",
                "meta C_META A_BODY && B_HEADER", "body D_BODY /delta/", "")), EvalFunctions.none(), ScoringOptions.defaults());
        RuleUse use = new RuleUse(rules.size(), 1);
        int body = NumberedRules.index(rules, "A_BODY");
        int otherBody = NumberedRules.index(rules, "D_BODY");

        use.add(new int[] {NumberedRules.index(rules, "C_META"), body, otherBody, otherBody,
            NumberedRules.index(rules, "B_HEADER")}, 5);

        assertThat(use.layout(rules).first()).containsExactly("B_HEADER", "D_BODY", "A_BODY", "C_META");
    }

    @Test
    void messagesBeyondTheCountShouldNotCount() {
        RuleUse use = new RuleUse(RULES.size(), 1);
        use.add(new int[] {index("RULE_2")}, 1);

        assertThat(use.add(new int[] {index("RULE_4"), index("RULE_4")}, 2)).isFalse();
        assertThat(use.layout(RULES).first()).containsExactly("RULE_2");
    }

    @Test
    void ruleSetShouldCountTheRulesItsFirstMessagesRunThenOfferItsLayout() {
        CompiledRuleSet rules = CompiledRuleSet.compile(NumberedRules.of(6), EvalFunctions.none(),
            ScoringOptions.builder().layoutMessages(2).build());
        RuleEngine engine = new RuleEngine(rules, org.cleanmail.core.message.MessageParser.defaultParser(),
            new RuleHitCounters());
        engine.scan(org.cleanmail.core.scan.RawMessage.of("Subject: x\r\n\r\nword4 word2\r\n".getBytes()));
        assertThat(rules.learnedLayout()).as("one message of two").isEmpty();

        engine.scan(org.cleanmail.core.scan.RawMessage.of("Subject: x\r\n\r\nword4\r\n".getBytes()));

        assertThat(rules.learnedLayout()).hasValueSatisfying(layout ->
            assertThat(layout.first()).containsExactly("RULE_4", "RULE_2"));
        CompiledRuleSet laidOut = CompiledRuleSet.compile(NumberedRules.of(6), EvalFunctions.none(),
            ScoringOptions.builder().layoutMessages(2).build(), rules.learnedLayout().orElseThrow());
        assertThat(laidOut.index("RULE_4")).contains(0);
        assertThat(laidOut.use().counting()).as("a rule set laid out counts nothing").isFalse();
        assertThat(laidOut.learnedLayout()).isEmpty();
    }

    @Test
    void noLayoutMessagesShouldCountNothing() {
        CompiledRuleSet rules = CompiledRuleSet.compile(NumberedRules.of(3), EvalFunctions.none(),
            ScoringOptions.builder().layoutMessages(0).build());

        assertThat(rules.use().counting()).isFalse();
        assertThat(rules.learnedLayout()).isEmpty();
        assertThat(rules.layout().learned()).isFalse();
    }
}
