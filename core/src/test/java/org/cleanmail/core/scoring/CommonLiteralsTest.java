package org.cleanmail.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;

import org.cleanmail.core.rules.RuleType;
import org.junit.jupiter.api.Test;

/** Literals too common to select anything stay out of the literal pass; their rules hit as before. */
class CommonLiteralsTest {
    private static final String RULES = "body ANCHORED_ON_E /\\be\\W?\\w{4}\\b/\n"
        + "body ANCHORED_ON_WORD /model\\s[0-9]{3}\\b/\n"
        + "body E_AND_WINNER /\\bwinner\\b[^\\n]{0,20}e/\n";
    private static final String HEADERS = "From: a@example.com\nSubject: hi\n";

    @Test
    void frequentSingleCharactersShouldBeTooCommon() {
        assertThat(TargetIndex.tooCommon("e")).isTrue();
        assertThat(TargetIndex.tooCommon(" ")).isTrue();
        assertThat(TargetIndex.tooCommon("\n")).isTrue();
        assertThat(TargetIndex.tooCommon("q")).isFalse();
        assertThat(TargetIndex.tooCommon("7")).isFalse();
        assertThat(TargetIndex.tooCommon("<")).isFalse();
        assertThat(TargetIndex.tooCommon("ee")).isFalse();
    }

    @Test
    void ruleAnchoredOnACommonLetterShouldRunOnEveryMessage() {
        CompiledRuleSet on = RuleEngineTest.engine(RULES).rules();
        CompiledRuleSet off = RuleEngineTest.engine(RULES, EvalFunctions.none(),
            ScoringOptions.builder().commonLiteralsUnrecorded(false).build()).rules();

        assertThat(alwaysRunNames(on)).containsExactly("ANCHORED_ON_E");
        assertThat(alwaysRunNames(off)).isEmpty();
    }

    @Test
    void hitsShouldBeTheSameWithTheOptionOnAndOff() {
        RuleEngine on = RuleEngineTest.engine(RULES);
        RuleEngine off = RuleEngineTest.engine(RULES, EvalFunctions.none(),
            ScoringOptions.builder().commonLiteralsUnrecorded(false).build());
        String[] bodies = {"send an e-mail here\n", "no such thing\n", "you are a winner, see\n",
            "winner!\n", "E mail and model 123\n", "xyz\n"};

        for (String body : bodies) {
            String message = HEADERS + "\n" + body;
            assertThat(RuleEngineTest.scan(on, message).hitNames())
                .as(body)
                .containsExactlyInAnyOrderElementsOf(RuleEngineTest.scan(off, message).hitNames());
        }
        assertThat(RuleEngineTest.scan(on, HEADERS + "\n" + bodies[0]).hitNames()).containsExactly("ANCHORED_ON_E");
        assertThat(RuleEngineTest.scan(on, HEADERS + "\n" + bodies[2]).hitNames()).containsExactly("E_AND_WINNER");
    }

    private static String[] alwaysRunNames(CompiledRuleSet rules) {
        return IntStream.of(rules.target(RuleType.BODY).alwaysRun()).mapToObj(index -> rules.rule(index).name)
            .sorted().toArray(String[]::new);
    }

}
