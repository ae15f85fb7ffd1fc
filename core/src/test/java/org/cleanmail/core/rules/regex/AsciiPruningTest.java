package org.cleanmail.core.rules.regex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AsciiPruningTest {
    private static final PerlRegexTranslator TRANSLATOR = new PerlRegexTranslator();
    /** ReplaceTags' {@code <A>} and {@code <I>} from 25_replace.cf, shortened. */
    private static final String TAG_A = "(?:[aA\\@\\xc0\\xc1\\xe4]|[\\xb6\\xc1]|[\\xc3][\\x80\\x81\\xa0]|[\\xd0][\\x90\\xb0]"
        + "|[\\xe1](?:[\\x8e][\\xaa]|[\\xb8][\\x80\\x81]))";
    private static final String TAG_I = "(?:[iIl|!1\\xcc\\xec]|[\\xc3][\\x8c\\x8d]|&\\#(?:1(?:03[01]|11[01])|2(?:0[4-7]));"
        + "|[\\xe1](?:[\\xb8][\\xac-\\xaf]))";
    private static final String[] TOKENS = {"a", "A", "@", "i", "I", "l", "1", "|", "!", "&#1030;", "&#205;", "&#999;", "m",
        "n", "x", " ", "\n", "mail", "maii", "ma1l", "m@il", "-", "e", "E", "b", "r", "t", "_", "9", "&", "#", ";"};

    private static Pattern translated(String perl) {
        return TRANSLATOR.translate(perl).regex().pattern();
    }

    private static Optional<String> prune(String perl) {
        return AsciiPruning.prune(translated(perl));
    }

    @Test
    void lookalikeTagsShouldKeepTheirAsciiAlternatives() {
        String cut = prune("/m" + TAG_A + TAG_I + "l/i").orElseThrow();

        assertThat(cut).isEqualTo(translated(
            "/m[aA\\@\\xc0\\xc1\\xe4](?:[iIl|!1\\xcc\\xec]|&\\#(?:1(?:03[01]|11[01])|20[4-7]);)l/i").pattern());
    }

    @Test
    void optionalNonAsciiPartsShouldBeDropped() {
        assertThat(prune("/caf(?:e|\\xc3\\xa9)s?(?:\\xc2\\xa0)?\\s+bar/")).contains(translated("/cafes?\\s+bar/").pattern());
    }

    @Test
    void groupLeftWithOneAlternativeShouldLoseItsParentheses() {
        assertThat(prune("/(?:[aA@]|\\xc3\\xa0)+x/")).contains(translated("/[aA@]+x/").pattern());
        assertThat(prune("/(?:ab|\\xc3)+x/")).contains(translated("/(?:ab)+x/").pattern());
        assertThat(prune("/(?:\\b|\\xc3)+x/")).contains(translated("/(?:\\b)+x/").pattern());
        assertThat(AsciiPruning.prune(Pattern.compile("(?:(?i)a|\\xc3)b"))).contains("(?:(?i)a)b");
        assertThat(AsciiPruning.prune(Pattern.compile("(?:[ab])(?:c|d)"))).contains("[ab](?:c|d)");
        // \1 then 0 would read as \10, a back-reference to group 10 when there are ten
        assertThat(AsciiPruning.prune(Pattern.compile("(a)\\1(?:0|\\xc3)"))).contains("(a)\\1(?:0)");
    }

    @Test
    void negativeLookAheadOverNonAsciiShouldBeDropped() {
        assertThat(prune("/foo(?!\\xc3[\\x80-\\xbf])bar/")).contains(translated("/foobar/").pattern());
    }

    @Test
    void patternOfNonAsciiOnlyShouldNeverMatch() {
        assertThat(prune("/\\xc3\\xa4|[\\x80-\\xff]{3}/")).contains(AsciiPruning.NEVER);
    }

    @Test
    void asciiPatternShouldBeLeftAlone() {
        assertThat(prune("/\\bcheap\\s+(?:pills|meds)\\b/i")).isEmpty();
        assertThat(prune("/[^\\x80-\\xff]x/")).isEmpty();
    }

    @Test
    void capturingGroupsShouldStayForBackReferences() {
        String cut = prune("/(\\xc3\\xa4)?(a)\\2/").orElse("unchanged");

        assertThat(Pattern.compile(cut).matcher("aa").find()).isTrue();
        assertThat(Pattern.compile(cut).matcher("ab").find()).isFalse();
    }

    @Test
    void unicodeCaseFoldingShouldNotBeCut() {
        assertThat(AsciiPruning.prune(Pattern.compile("\u017fx|k", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)))
            .isEmpty();
        assertThat(AsciiPruning.prune(Pattern.compile("(?u)\u017fx|k"))).isEmpty();
    }

    /** On ASCII texts the cut pattern finds what the whole one finds, at the same places. */
    @ParameterizedTest
    @ValueSource(strings = {"/m<A><I>l/i", "/(?:^|\\s)<A>(?:<I>|\\xe2\\x80\\x8b)?m\\b/i", "/(?!ma<I>l)m<A><I>l/i",
        "/<I>{2,}\\s?(?:x|\\xc2\\xa0)/", "/[\\x80-\\xff]?<A>[^\\x80-\\xff]<I>/", "/(?<=<A>)m|b(?<!\\xc3)r/",
        "/&\\#(?:1030|205);|<I>n/", "/<A>+(?:m|\\xc2\\xa0){1,2}(?:<I>)?/", "/(?:(?:<A>))+(?:m)?\\b/i"})
    void cutPatternShouldMatchWhereTheWholeOneDoes(String perlWithTags) {
        String perl = perlWithTags.replace("<A>", TAG_A).replace("<I>", TAG_I);
        Pattern whole = translated(perl);
        Pattern cut = Pattern.compile(AsciiPruning.prune(whole).orElseThrow(), whole.flags());
        Random random = new Random(perl.hashCode());
        int matched = 0;
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            int tokens = 1 + random.nextInt(8);
            for (int i = 0; i < tokens; i++) {
                text.append(TOKENS[random.nextInt(TOKENS.length)]);
            }
            java.util.regex.Matcher expected = whole.matcher(text);
            java.util.regex.Matcher actual = cut.matcher(text);
            boolean found = expected.find();
            assertThat(actual.find()).as("%s on [%s]", perl, text).isEqualTo(found);
            if (found) {
                assertThat(actual.start()).isEqualTo(expected.start());
                assertThat(actual.end()).isEqualTo(expected.end());
                matched++;
            }
        }
        assertThat(matched).as("texts matched, of 3000").isBetween(1, 2999);
    }
}
