package org.cleanmail.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScoringOptionsTest {
    @Test
    void defaultsShouldBeScoreSetZeroAndSpamAssassinsHeaderCap() {
        ScoringOptions options = ScoringOptions.defaults();

        assertThat(options.scoreSet()).isZero();
        assertThat(options.maxHeaderChars()).isEqualTo(65_536);
        assertThat(options.strikesBeforeDisabling()).isEqualTo(3);
        assertThat(options.strikeWindow()).isEqualTo(1000);
        assertThat(options.startCharSearch()).isTrue();
        assertThat(options.anchorSearch()).isTrue();
    }

    @Test
    void badScoreSetShouldNameTheSettingAndAValidValue() {
        assertThatThrownBy(() -> ScoringOptions.builder().scoreSet(4))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("'scoreSet' must be 0 to 3, e.g. 0 (no Bayes, no network tests); got 4");
    }

    @Test
    void tinyBudgetShouldBeRefused() {
        assertThatThrownBy(() -> ScoringOptions.builder().ruleBudget(10))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("'ruleBudget' must be at least 1000 characters, e.g. 20000000; got 10");
    }

    @Test
    void emptyStrikeWindowShouldBeRefused() {
        assertThatThrownBy(() -> ScoringOptions.builder().strikeWindow(0))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("'strikeWindow' must be at least 1 message, e.g. 1000; got 0");
    }

    @Test
    void scoreSetShouldChooseTheScoresUsed() {
        RuleEngine engine = RuleEngineTest.engine("body PILLS /pills/\nscore PILLS 1 2 3 4\n", EvalFunctions.none(),
            ScoringOptions.builder().scoreSet(2).build());

        assertThat(RuleEngineTest.scan(engine, "Subject: x\r\n\r\npills\r\n").score()).isEqualTo(3.0);
    }

    @Test
    void anotherScoreSetShouldKeepEveryOtherOption() {
        ScoringOptions options = ScoringOptions.builder().ruleBudget(5000).maxHeaderChars(4096).strikesBeforeDisabling(5)
            .strikeWindow(50).startCharSearch(false).anchorSearch(false).asciiVariants(false).boundaryKinds(false)
            .regularFilters(false).autoPossessive(false).confirmingAnchors(false).filterGroups(false)
            .commonLiteralsUnrecorded(false).sameMatchesOnce(false).build();

        ScoringOptions withBayes = options.withScoreSet(2);

        assertThat(withBayes.scoreSet()).isEqualTo(2);
        assertThat(withBayes.toString()).isEqualTo(options.toString().replace("scoreSet=0", "scoreSet=2"));
    }
}
