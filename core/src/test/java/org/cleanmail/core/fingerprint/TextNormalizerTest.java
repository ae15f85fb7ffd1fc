package org.cleanmail.core.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextNormalizerTest {
    private final TextNormalizer normalizer = new TextNormalizer();

    private String normalize(String text) {
        return normalizer.normalize(text).text();
    }

    @Test
    void normalizeShouldLowerCaseAndCollapseWhiteSpace() {
        assertThat(normalize("  Buy   CHEAP\r\n\tWatches  NOW ")).isEqualTo("buy cheap watches now");
    }

    @Test
    void normalizeShouldFoldCompatibilityCharactersWithNfkc() {
        assertThat(normalize("\uFF22\uFF35\uFF39 \uFB01ne")).isEqualTo("buy fine");
    }

    @Test
    void normalizeShouldDropZeroWidthCharactersHiddenInWords() {
        assertThat(normalize("V\u200Bi\u200Da\u00ADgra")).isEqualTo("viagra");
    }

    @Test
    void normalizeShouldDropPunctuationNoise() {
        assertThat(normalize("*** Act now!!! *** -- don't wait... ====")).isEqualTo("act now don t wait");
    }

    @Test
    void normalizeShouldReplaceNumbersAndCollapseRunsOfThem() {
        assertThat(normalize("Call 555-0123 or 555 0123 for $1,000.00 today"))
            .isEqualTo("call # or # for # today");
    }

    @Test
    void normalizeShouldReplaceUrlsAndEmailAddresses() {
        assertThat(normalize("Visit <http://spam.example/x?id=42> or www.spam.example, mail john.doe@example.com."))
            .isEqualTo("visit #url or #url mail #email");
        assertThat(normalize("See HTTP://SPAM.example/x, WWW.Spam.example or Ftp://files.example now"))
            .isEqualTo("see #url #url or #url now");
    }

    @Test
    void normalizeShouldFoldCaseBeyondAscii() {
        assertThat(normalize("STRASSE Straße straße Word")).isEqualTo("strasse strasse strasse word");
    }

    @Test
    void normalizeShouldReplaceLongTrackingTokens() {
        assertThat(normalize("your code: aZ3kQ9xL0pW7mN2bV5cX, thanks")).isEqualTo("your code #id thanks");
        assertThat(normalize("ref dGhpcyBpcyBhIHRva2Vu thanks")).isEqualTo("ref #id thanks");
    }

    @Test
    void normalizeShouldKeepLongOrdinaryWordsWhateverTheirCase() {
        assertThat(normalize("internationalization")).isEqualTo("internationalization");
        assertThat(normalize("MacGyverIsTheHeroOfTheDay")).isEqualTo("macgyveristheherooftheday");
        assertThat(normalize("MACGYVERISTHEHEROOFTHEDAY")).isEqualTo("macgyveristheherooftheday");
    }

    @Test
    void normalizeShouldBeEmptyForEmptyOrBlankText() {
        assertThat(normalizer.normalize("").words()).isEmpty();
        assertThat(normalizer.normalize(" \r\n\t\n").words()).isEmpty();
    }

    @Test
    void normalizeShouldReadOnlyTheFirstCharacters() {
        TextNormalizer capped = new TextNormalizer(9);

        assertThat(capped.normalize("buy cheap watches now").text()).isEqualTo("buy cheap");
    }

    @Test
    void normalizeShouldHandleHugeHostileTextInBoundedOutput() {
        String hostile = "a@".repeat(1_000_000) + "\u200B".repeat(100_000) + "9".repeat(100_000);

        NormalizedText text = normalizer.normalize(hostile);

        assertThat(text.wordCount()).isLessThanOrEqualTo(TextNormalizer.DEFAULT_MAX_CHARS);
    }

    @Nested
    class Footers {
        @Test
        void normalizeShouldDropASignatureAfterTheSignatureSeparator() {
            NormalizedText text = normalizer.normalize("Meet me at noon.\n-- \nAlice\nhttp://alice.example\n");

            assertThat(text.text()).isEqualTo("meet me at noon");
            assertThat(text.footer()).contains("alice.example");
        }

        @Test
        void normalizeShouldDropStackedMailingListFooters() {
            String body = "Buy now and save.\n\n-------------------------------------------------------\n"
                + "This sf.net email is sponsored by:ThinkGeek\nWelcome to geek heaven.\nhttp://thinkgeek.com/sf\n"
                + "_______________________________________________\nSpamassassin-talk mailing list\n"
                + "Spamassassin-talk@lists.sourceforge.net\nhttps://lists.sourceforge.net/lists/listinfo/spamassassin-talk\n";

            assertThat(normalize(body)).isEqualTo("buy now and save");
        }

        @Test
        void normalizeShouldKeepTextAfterASeparatorFollowedByManyLines() {
            String body = "Intro\n----------\n" + "line of text\n".repeat(13);

            assertThat(normalizer.normalize(body).wordCount()).isEqualTo(1 + 3 * 13);
        }

        @Test
        void normalizeShouldNeverDropTheFirstLineOfText() {
            assertThat(normalize("--\nonly a footer")).isEqualTo("only a footer");
        }
    }

    @Nested
    class Greetings {
        @ParameterizedTest
        @ValueSource(strings = {"Dear John,", "Hi Anna", "Hello Mr. Smith!", "Good morning Sarah,", "Dear valued customer:",
            "hey bob"})
        void normalizeShouldDropAGreetingLineAtTheTop(String greeting) {
            assertThat(normalize(greeting + "\n\nWe have a great offer for you today."))
                .isEqualTo("we have a great offer for you today");
        }

        @Test
        void normalizeShouldKeepGreetingWordsInTheMiddleOfTheText() {
            assertThat(normalize("First line\nSecond line\nThird line\nDear John, more text"))
                .isEqualTo("first line second line third line dear john more text");
        }

        @Test
        void normalizeShouldKeepLongLinesThatStartWithAGreetingWord() {
            assertThat(normalize("Hi there is a great offer waiting for you"))
                .isEqualTo("hi there is a great offer waiting for you");
        }
    }
}
