package org.cleanmail.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;

import org.cleanmail.core.prefilter.LiteralMatcher;
import org.junit.jupiter.api.Test;

/** The candidates an occurring literal makes: its rules whose other requirements are met. */
class LiteralCandidatesTest {
    private static final int CHEAP = 0;
    private static final int DEAR = 1;
    private static final int WINNER = 2;
    private static final int FREE = 3;
    private static final LiteralMatcher MATCHER = LiteralMatcher.of(List.of("cheap", "dear", "winner", "free"));

    /** cheap: rule 5 (needs winner, and dear or free), then rule 3; dear: rule 7; free: rule 5. */
    private static final LiteralCandidates CANDIDATES = LiteralCandidates.of(
        new int[][] {{5, 3}, {7}, {}, {5}},
        requirements(8, 5, new int[][] {{WINNER}, {DEAR, FREE}}));

    private static int[][][] requirements(int rules, int rule, int[][] sets) {
        int[][][] byRule = new int[rules][][];
        byRule[rule] = sets;
        return byRule;
    }

    private static BitSet marked(String... texts) {
        BitSet candidates = new BitSet();
        CANDIDATES.mark(LiteralOccurrences.find(MATCHER, List.of(texts)), candidates);
        return candidates;
    }

    @Test
    void aRuleWithoutRequirementsShouldBeMarkedWhereItsLiteralOccurs() {
        assertThat(marked("dear friend").stream().toArray()).containsExactly(7);
    }

    @Test
    void aRuleShouldNotBeMarkedWhenOneOfItsRequirementsHasNoLiteralThatOccurs() {
        assertThat(marked("cheap and free").stream().toArray()).as("rule 5 lacks winner; rule 3 after it is still read")
            .containsExactly(3);
        assertThat(marked("cheap winner").stream().toArray()).as("rule 5 lacks dear or free").containsExactly(3);
    }

    @Test
    void aRuleShouldBeMarkedWhenEachRequirementHasALiteralThatOccursInAnyText() {
        assertThat(marked("cheap", "a winner", "dear").stream().toArray()).containsExactly(3, 5, 7);
        assertThat(marked("free winner").stream().toArray()).as("through its other literal").containsExactly(5);
    }

    @Test
    void markingAllOfALiteralsRulesShouldReadPastTheirRequirements() {
        BitSet candidates = new BitSet();

        CANDIDATES.markAll(CHEAP, candidates);

        assertThat(candidates.stream().toArray()).as("rule 5's requirements are not read, rule 3 after them is")
            .containsExactly(3, 5);
    }

    @Test
    void literalsWithoutRulesShouldMarkNothing() {
        assertThat(marked("winner winner").isEmpty()).isTrue();
    }
}
