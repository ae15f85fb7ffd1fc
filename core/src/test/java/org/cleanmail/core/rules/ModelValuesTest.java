package org.cleanmail.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ModelValuesTest {
    @Test
    void scoreShouldRefuseTwoValues() {
        assertThatThrownBy(() -> RuleScore.of(List.of(1.0, 2.0))).hasMessageContaining("1 or 4 values");
    }

    @Test
    void scoreShouldGiveEachSet() {
        RuleScore score = RuleScore.of(List.of(0.0, 1.5, 2.5, 3.5));
        assertThat(score.inSet(3)).isEqualTo(3.5);
        assertThat(score.primary()).isZero();
        assertThatThrownBy(() -> score.inSet(4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tflagsShouldIgnoreBadMaxHits() {
        assertThat(TFlags.parse("maxhits=lots").maxHits()).isEmpty();
        assertThat(TFlags.parse("maxhits=0").multiple()).isFalse();
        assertThat(TFlags.parse("  NICE   Multiple ").toString()).isEqualTo("nice multiple");
    }

    @Test
    void headerSpecShouldRefuseUnknownModifier() {
        assertThatThrownBy(() -> HeaderSpec.match("From", List.of("nosuch"), false, Optional.empty()))
            .hasMessageContaining(":nosuch");
    }

    @Test
    void headerSpecShouldPrintLikeTheRuleFile() {
        assertThat(HeaderSpec.match("From", List.of("addr", "first"), true, Optional.of("x")).toString())
            .isEqualTo("From:addr:first !~ [if-unset: x]");
    }

    @Test
    void ruleDefinitionShouldRequireExactlyOneWayToMatch() {
        SourceLocation here = new SourceLocation("x.cf", 1);
        assertThatThrownBy(() -> RuleDefinition.builder("EMPTY", RuleType.BODY, here, "").build())
            .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> RuleDefinition.builder("META_WITHOUT", RuleType.META, here, "x")
            .eval(new EvalCall("f", List.of())).build())
            .hasMessageContaining("meta");
    }

    @Test
    void summaryShouldPrintOneLinePerType() {
        LoadSummary summary = LoadSummary.of(List.of(), List.of(new SkippedRule("X", RuleType.BODY,
            new SourceLocation("x.cf", 3), SkipCategory.UNTRANSLATABLE_REGEX, "\\K")), 1, 0, 0, 0, 0);
        assertThat(summary.toString()).contains("body             0        1  untranslatable regex=1");
        assertThat(summary.totalSkipped(SkipCategory.UNTRANSLATABLE_REGEX)).isEqualTo(1);
    }
}
