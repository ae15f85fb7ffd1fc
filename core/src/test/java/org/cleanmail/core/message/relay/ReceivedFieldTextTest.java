package org.cleanmail.core.message.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

class ReceivedFieldTextTest {
    private static final String[] PIECES = {"a", "by", " ", "  ", "\t", "\r\n", "\u000B", "\f", ";", " ;", "\u2028", "\u0085",
        "\u2029"};

    /** SpamAssassin's rewriting, with Java's patterns. */
    private static String byThePatterns(String received) {
        String text = received.replaceAll("\\s+", " ");
        text = text.startsWith(" ") ? text.substring(1) : text;
        text = text.endsWith(" ") ? text.substring(0, text.length() - 1) : text;
        String previous;
        do {
            previous = text;
            text = text.replaceFirst("\\s?;$", "");
        } while (!text.equals(previous));
        return text;
    }

    @Test
    void shouldCollapseWhitespaceAndDropTrailingSemicolons() {
        assertThat(ReceivedFieldText.normalized("  from a\r\n\tby b ; ;;")).isEqualTo("from a by b");
        assertThat(ReceivedFieldText.normalized("from a by b")).isEqualTo("from a by b");
        assertThat(ReceivedFieldText.normalized("a;\u2028;")).isEqualTo("a\u2028");
    }

    @Test
    void shouldRewriteAsThePatternsDo() {
        Random random = new Random(11);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(9); i > 0; i--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            assertThat(ReceivedFieldText.normalized(text.toString())).as("[%s]", text)
                .isEqualTo(byThePatterns(text.toString()));
        }
    }
}
