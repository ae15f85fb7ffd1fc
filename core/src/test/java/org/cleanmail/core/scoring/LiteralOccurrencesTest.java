package org.cleanmail.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.cleanmail.core.prefilter.LiteralMatcher;
import org.junit.jupiter.api.Test;

class LiteralOccurrencesTest {
    private static final LiteralMatcher MATCHER = LiteralMatcher.of(List.of("free", "cash", "pills"));

    @Test
    void gatherShouldListTheOccurrencesOfTheGivenLiteralsByTextThenStart() {
        LiteralOccurrences found = LiteralOccurrences.find(MATCHER, List.of("Cash and FREE pills", "free cash, free"));

        assertThat(found.occurs(0)).isTrue();
        assertThat(found.occurs(2)).isTrue();
        assertThat(decoded(found, new int[] {1, 0}, 0)).containsExactly("0@0", "0@9", "1@0", "1@5", "1@11");
        assertThat(decoded(found, new int[] {2}, 0)).containsExactly("0@14");
    }

    @Test
    void gatherShouldSkipTextsBeforeTheFirstOneAsked() {
        LiteralOccurrences found = LiteralOccurrences.find(MATCHER, List.of("free", "cash", "free"));

        assertThat(decoded(found, new int[] {0, 1}, 1)).containsExactly("1@0", "2@0");
        assertThat(decoded(found, new int[] {0}, 1)).containsExactly("2@0");
    }

    @Test
    void boundaryKindsShouldBeSummedUpPerLiteralForTheFirstTextAndTheOthers() {
        LiteralOccurrences found = LiteralOccurrences.find(MATCHER, List.of("freedom cash", "carefree; xcashx"),
            new boolean[] {true, true, false});

        assertThat(found.hasKinds(0)).isTrue();
        assertThat(found.hasKinds(2)).isFalse();
        // "free" opens "freedom" in the first text, ends "carefree" in the second
        assertThat(found.kinds(0, 0)).isEqualTo(LiteralOccurrences.ANY | LiteralOccurrences.BOUNDARY_BEFORE
            | LiteralOccurrences.BOUNDARY_AFTER);
        assertThat(found.kinds(0, 1)).isEqualTo(LiteralOccurrences.ANY | LiteralOccurrences.BOUNDARY_AFTER);
        assertThat(found.kinds(1, 0)).isEqualTo(LiteralOccurrences.ANY | LiteralOccurrences.BOUNDARY_BEFORE
            | LiteralOccurrences.BOUNDARY_AFTER | LiteralOccurrences.BOUNDARIES_AROUND);
        assertThat(found.kinds(1, 1)).isEqualTo(LiteralOccurrences.ANY);
    }

    @Test
    void reusedArrayShouldHoldNothingOfTheEarlierTexts() {
        LiteralOccurrences earlier = LiteralOccurrences.find(MATCHER, List.of("free cash", "pills"), null, null);

        LiteralOccurrences reused = LiteralOccurrences.find(MATCHER, List.of("no cash here", "cash"), null, earlier);
        LiteralOccurrences fresh = LiteralOccurrences.find(MATCHER, List.of("no cash here", "cash"));

        assertThat(reused.occurs(0)).isFalse();
        assertThat(reused.occurs(2)).isFalse();
        assertThat(reused.occurringCount()).isEqualTo(fresh.occurringCount()).isEqualTo(1);
        assertThat(decoded(reused, new int[] {0, 1, 2}, 0)).containsExactlyElementsOf(decoded(fresh, new int[] {0, 1, 2}, 0))
            .containsExactly("0@3", "1@0");
    }


    @Test
    void reusedOccurrencesShouldSumUpBoundaryKindsAfreshAndGrowTheirListsAgain() {
        boolean[] kinds = {true, true, false};
        LiteralOccurrences earlier = LiteralOccurrences.find(MATCHER, List.of("free cash " + "cash ".repeat(300)), kinds, null);
        assertThat(earlier.kinds(0, 0)).isEqualTo(LiteralOccurrences.ANY | LiteralOccurrences.BOUNDARY_BEFORE
            | LiteralOccurrences.BOUNDARY_AFTER | LiteralOccurrences.BOUNDARIES_AROUND);

        LiteralOccurrences reused = LiteralOccurrences.find(MATCHER, List.of("carefree", "cash"), kinds, earlier);

        // "free" ends "carefree" now: no boundary before it, whatever the earlier text summed up
        assertThat(reused.kinds(0, 0)).isEqualTo(LiteralOccurrences.ANY | LiteralOccurrences.BOUNDARY_AFTER);
        assertThat(decoded(reused, new int[] {0, 1, 2}, 0)).containsExactly("0@4", "1@0");
        assertThat(reused.occurringCount()).isEqualTo(2);
    }
    @Test
    void occurrencesOfAnotherMatcherShouldNotBeReused() {
        LiteralOccurrences other = LiteralOccurrences.find(LiteralMatcher.of(List.of("cash")), List.of("cash"), null, null);

        LiteralOccurrences found = LiteralOccurrences.find(MATCHER, List.of("cash pills"), null, other);

        assertThat(other.occurs(0)).as("still readable: its array was not taken").isTrue();
        assertThat(decoded(found, new int[] {1, 2}, 0)).containsExactly("0@0", "0@5");
    }

    @Test
    void literalsThatDoNotOccurShouldBeReportedAbsent() {
        LiteralOccurrences found = LiteralOccurrences.find(MATCHER, List.of("nothing here", ""));

        assertThat(found.occurringCount()).isZero();
        assertThat(found.occurs(1)).isFalse();
        assertThat(decoded(found, new int[] {0, 1, 2}, 0)).isEmpty();
    }

    @Test
    void occursInShouldTellWhetherALiteralOccursInAGivenText() {
        LiteralOccurrences found = LiteralOccurrences.find(MATCHER, List.of("free cash", "pills", "cash cash", ""));

        assertThat(found.occursIn(1, 0)).isTrue();
        assertThat(found.occursIn(1, 1)).isFalse();
        assertThat(found.occursIn(1, 2)).isTrue();
        assertThat(found.occursIn(1, 3)).isFalse();
        assertThat(found.occursIn(0, 1)).isFalse();
        assertThat(found.occursIn(2, 0)).isFalse();
    }

    @Test
    void occursInShouldAnswerForTheTextsBeyondTheSixtyFourthTogether() {
        List<String> texts = new ArrayList<>(java.util.Collections.nCopies(70, "none"));
        texts.set(66, "free");
        LiteralOccurrences found = LiteralOccurrences.find(MATCHER, texts);

        assertThat(found.occursIn(0, 62)).isFalse();
        assertThat(found.occursIn(0, 63)).isTrue();
        assertThat(found.occursIn(0, 69)).isTrue();
    }

    @Test
    void reusedOccurrencesShouldForgetTheTextsOfTheEarlierOnes() {
        LiteralOccurrences first = LiteralOccurrences.find(MATCHER, List.of("x", "pills"));
        LiteralOccurrences second = LiteralOccurrences.find(MATCHER, List.of("pills", "x"), null, first);

        assertThat(second.occursIn(2, 0)).isTrue();
        assertThat(second.occursIn(2, 1)).isFalse();
    }

    @Test
    void manyOccurrencesShouldGrowTheBuffers() {
        LiteralOccurrences found = LiteralOccurrences.find(MATCHER, List.of("free ".repeat(1000)));

        List<String> all = decoded(found, new int[] {0}, 0);
        assertThat(all).hasSize(1000).startsWith("0@0", "0@5").endsWith("0@4995");
    }

    private static List<String> decoded(LiteralOccurrences found, int[] literals, int firstChunk) {
        int[] count = new int[1];
        long[] positions = found.gather(literals, firstChunk, new long[2], count);
        List<String> decoded = new ArrayList<>();
        for (int i = 0; i < count[0]; i++) {
            decoded.add(LiteralOccurrences.chunk(positions[i]) + "@" + LiteralOccurrences.start(positions[i]));
        }
        return decoded;
    }
}
