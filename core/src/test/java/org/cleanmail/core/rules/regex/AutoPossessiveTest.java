package org.cleanmail.core.rules.regex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AutoPossessiveTest {
    private static final PerlRegexTranslator TRANSLATOR = new PerlRegexTranslator();
    private static final String[] TOKENS = {"Received: from x for <a@b>; d", "Subject: hi a@b!", "Subject: hi", "To: a@b",
        "\n", "\n\n", " ", "  ", "\t", ".", "words", "longerwords", "a", "A", "b", "k", "K", "x", "!", "9", "\u00e9", "\u00ff",
        "\r\n", "-", "_", "\nTo: a@b\n", "\nSubject: hi a@b!\n", "\nwords words .\n"};

    private static String rewritten(String source, int flags) {
        return new AutoPossessive().rewrite(Pattern.compile(source, flags));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[^\\n]+\\n+|[^\\n]++\\n+",
        "(?:[^\\n]+\\n+)*Subject: |(?:[^\\n]++\\n+)*Subject: ",
        "[^\\n]{1,200}\\n+|[^\\n]{1,200}+\\n+",
        "(?:[a-z]{5,}[\\s\\.]+){10}|(?:[a-z]{5,}+[\\s\\.]+){10}",
        ".*\\n|.*+\\n",
        "\\d+[a-z]|\\d++[a-z]",
        "x?y|x?+y",
        "[^\\n]+\\n*x|[^\\n]+\\n*+x"})
    void quantifiersThatNeverGiveBackShouldBecomePossessive(String source, String expected) {
        assertThat(rewritten(source, 0)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a+a", "\\w+\\b\\s", "[a-z]+K", "\\S+\\W", "[^x]+\\p{L}", "[a-z]+?\\d", "[a-z]++\\d",
        "a{3}b", "[a-z]+(?:\\d)", "[^\\n]+$", "(?=[a-z]+)\\d", "a+\\1", "(a)+b"})
    void quantifiersThatMayNeedToGiveBackShouldStay(String source) {
        int flags = source.equals("[a-z]+K") ? Pattern.CASE_INSENSITIVE : 0;
        String checked = source.equals("a+\\1") ? "(x)" + source : source;

        assertThat(rewritten(checked, flags)).isEqualTo(checked);
    }

    @Test
    void dotShouldOnlyBeDisjointFromLineEndsWithoutDotall() {
        assertThat(rewritten(".*\\n", Pattern.DOTALL)).isEqualTo(".*\\n");
    }

    @Test
    void patternsWithCommentsOrUnicodeCaseShouldStay() {
        assertThat(rewritten("[^\\n]+ \\n", Pattern.COMMENTS)).isEqualTo("[^\\n]+ \\n");
        assertThat(rewritten("[^\\n]+\\n", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).isEqualTo("[^\\n]+\\n");
    }

    /** Every match (start and end) of the rewritten pattern is one of the original, on random texts. */
    @ParameterizedTest
    @ValueSource(strings = {
        "/\\nReceived:[^\\n]{0,200} for <?([^\\n\\s>;]+)>?;(?:[^\\n]+\\n+)*Subject: [^\\n]{0,100}\\1[^a-z0-9]/ism",
        "/\\nTo: (?:[^\\n<]{0,80}<)?([^\\n\\s>,]+)>?\\n+(?:[^\\n]{1,200}\\n+)*Subject: [^\\n]{0,100}\\1[^a-z0-9]/ism",
        "/\\b(?:[a-z]{5,}[\\s\\.]+){3}/", "/^\\s*(?:[a-z]+\\s+){2}\\.$/m", "/\\d+[a-z]+\\S*!/i", "/.+\\n\\w+/",
        "/(?:\\s*\\n){2}\\S/", "/[^\\n]+\\n*x/"})
    void rewrittenPatternsShouldMatchWhereTheOriginalsDo(String perl) {
        Pattern original = TRANSLATOR.translate(perl).regex().pattern();
        String source = new AutoPossessive().rewrite(original);
        Pattern rewritten = Pattern.compile(source, original.flags());
        Random random = new Random(perl.hashCode());
        int matched = 0;
        for (int round = 0; round < 2000; round++) {
            StringBuilder text = new StringBuilder();
            int tokens = 1 + random.nextInt(14);
            for (int i = 0; i < tokens; i++) {
                text.append(TOKENS[random.nextInt(TOKENS.length)]);
            }
            List<String> expected = matches(original, text);
            assertThat(matches(rewritten, text)).as("%s on [%s]", source, text).isEqualTo(expected);
            matched += expected.isEmpty() ? 0 : 1;
        }
        assertThat(matched).as("texts matched, of 2000").isPositive();
    }

    private static List<String> matches(Pattern pattern, CharSequence text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.start() + "-" + matcher.end());
        }
        return found;
    }
}
