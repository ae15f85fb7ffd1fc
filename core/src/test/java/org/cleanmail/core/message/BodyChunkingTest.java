package org.cleanmail.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class BodyChunkingTest {
    @Test
    void paragraphsShouldJoinLinesAndCollapseWhitespace() {
        assertThat(BodyChunking.paragraphs("  one\n two\t\tthree \n \n\n\nfour\r\n\r\nfive\u00a0 six\n"))
            .containsExactly("one two three", "four", "five six");
    }

    @Test
    void paragraphsOfBlankTextShouldBeEmpty() {
        assertThat(BodyChunking.paragraphs(" \n\t\n")).isEmpty();
    }

    @Test
    void linesShouldDropLineEndsButKeepEmptyLines() {
        assertThat(BodyChunking.lines("a\r\n\r\nb\nc")).containsExactly("a", "", "b", "c");
        assertThat(BodyChunking.lines("a\n")).containsExactly("a");
    }

    @Test
    void longChunksShouldBeSplitAtSpacesWithinBounds() {
        String text = ("word ".repeat(1000)).trim();

        List<String> chunks = BodyChunking.paragraphs(text);

        assertThat(chunks).hasSize(3);
        assertThat(chunks.subList(0, 2)).extracting(String::length)
            .allMatch(length -> length >= BodyChunking.MIN_CHUNK && length <= BodyChunking.MAX_CHUNK);
        assertThat(String.join(" ", chunks)).isEqualTo(text);
    }

    @Test
    void longChunksWithoutSpacesShouldBeCutAtTheMaximum() {
        assertThat(BodyChunking.lines("x".repeat(5000)))
            .extracting(String::length).containsExactly(BodyChunking.MAX_CHUNK, BodyChunking.MAX_CHUNK, 904);
    }
}
