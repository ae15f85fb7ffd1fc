package org.cleanmail.core.rules.sa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ReplaceTagsTest {
    private final ReplaceTags tags = new ReplaceTags(
        Map.of("A", "[a4]", "B", "[b8]", "LOOP", "<LOOP>x"),
        Map.of("P1", "\\s"),
        Map.of("P2", "{1,2}"),
        Map.of("W1", "\\W?"));

    @Test
    void applyShouldReplaceTagsAndPutInterBetweenAdjacentTagsOnly() {
        assertThat(tags.apply("\\b<inter W1><A><B>z<A>")).isEqualTo("\\b[a4]\\W?[b8]z[a4]");
    }

    @Test
    void applyShouldPutPreAndPostAroundEveryTag() {
        assertThat(tags.apply("<pre P1><post P2>x<A>y<B>")).isEqualTo("x\\s[a4]{1,2}y\\s[b8]{1,2}");
    }

    @Test
    void applyShouldLeaveUnknownTagsAlone() {
        assertThat(tags.apply("(?<!foo)<NOPE>")).isEqualTo("(?<!foo)<NOPE>");
    }

    @Test
    void explodingTagsShouldStopAtTheLengthCap() {
        ReplaceTags exploding = new ReplaceTags(Map.of("X", "<X><X><X><X><X><X><X><X><X><X>"), Map.of(), Map.of(),
            Map.of());
        assertThat(exploding.apply("<X>").length()).isLessThan(ReplaceTags.MAX_RESULT_LENGTH * 2);
    }

    @Test
    void selfReferencingTagShouldStopAfterBoundedPasses() {
        assertThat(tags.apply("<LOOP>")).isEqualTo("<LOOP>xxxxxx");
    }
}
