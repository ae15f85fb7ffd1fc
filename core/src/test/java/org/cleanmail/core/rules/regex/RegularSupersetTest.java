package org.cleanmail.core.rules.regex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegularSupersetTest {
    private static final PerlRegexTranslator TRANSLATOR = new PerlRegexTranslator();

    private static SupersetNfa read(String perl) {
        return new RegularSuperset(20_000).of(TRANSLATOR.translate(perl).regex().pattern()).orElseThrow();
    }

    @Test
    void charactersClassesAndCaseShouldMeanWhatThePatternMeans() {
        SupersetNfa automaton = read("/fr[e3]e\\s+ca\\$h/i");

        assertThat(automaton.matches("FR3E  cA$H")).isTrue();
        assertThat(automaton.matches("free cash")).isFalse();
        assertThat(automaton.matches("fr3e\tca$h")).isTrue();
        assertThat(automaton.matches("fr3ex ca$h")).isFalse();
    }

    @Test
    void inlineFlagsShouldHoldUntilTheEndOfTheirGroup() {
        SupersetNfa automaton = read("/(?:(?i)ab)c/");

        assertThat(automaton.matches("ABc")).isTrue();
        assertThat(automaton.matches("ABC")).isFalse();
    }

    @Test
    void assertionsShouldBeReadAsTheEmptyString() {
        SupersetNfa automaton = read("/\\b(?<!foo)bar(?=baz)$/m");

        assertThat(automaton.matches("bar")).isTrue();
        assertThat(automaton.matches("barbaz")).isFalse();
    }

    @Test
    void startAnchorsShouldHoldWhereTheTextOrALineStarts() {
        SupersetNfa lines = read("/a\\n^b|^c/m");
        SupersetNfa text = read("/a\\n^b|\\Ac/m");

        assertThat(lines.matches("a\nb")).isTrue();
        assertThat(lines.matches("c")).isTrue();
        assertThat(read("/a^b/m").matches("ab")).isFalse();
        assertThat(text.matches("a\nb")).isTrue();
        assertThat(text.matches("c")).isTrue();
        assertThat(read("/a\\n^b/").matches("a\nb")).as("^ without /m: the text's start only").isFalse();
        assertThat(new RegularSuperset(20_000).of(Pattern.compile("a^b", Pattern.MULTILINE)).orElseThrow().matches("ab"))
            .as("without UNIX_LINES a line may start after other characters: ^ is read as the empty string").isTrue();
    }

    @Test
    void backReferencesShouldBeReadAsAnyString() {
        SupersetNfa automaton = read("/To: (\\S+)\\nSubject: \\1!/");

        assertThat(automaton.matches("To: a@b\nSubject: whatever it was!")).isTrue();
        assertThat(automaton.matches("To: a@b\nFrom: x")).isFalse();
    }

    @Test
    void longCountsShouldBeLoosenedToAtLeast() {
        SupersetNfa automaton = read("/x[^\\n]{0,200}y{2,3}z{12}/");

        assertThat(automaton.matches("x" + "-".repeat(500) + "yy" + "z".repeat(8))).isTrue();
        assertThat(automaton.matches("x" + "-".repeat(500) + "y" + "z".repeat(8))).isFalse();
        assertThat(automaton.matches("x" + "-".repeat(500) + "yy" + "z".repeat(7))).isFalse();
        assertThat(automaton.matches("x" + "\n" + "yy" + "z".repeat(8))).isFalse();
    }

    @Test
    void patternsMatchingTheEmptyStringShouldGiveNoAutomaton() {
        assertThat(new RegularSuperset(20_000).of(Pattern.compile("(?:abc)?\\b"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a # comment", "\\Qa.b\\E", "a\\Rb", "(?x)a b", "(a|b"})
    void patternsOutsideWhatIsReadShouldGiveNoAutomaton(String source) {
        int flags = source.startsWith("a #") ? Pattern.COMMENTS : 0;
        Pattern pattern;
        try {
            pattern = Pattern.compile(source, flags);
        } catch (IllegalArgumentException e) {
            // not even Java reads it: the reader is only ever given compiled patterns
            return;
        }
        assertThat(new RegularSuperset(20_000).of(pattern)).isEmpty();
    }

    /** Without assertions, back-references or long counts, the automaton accepts exactly the strings the pattern matches. */
    @ParameterizedTest
    @ValueSource(strings = {"(?:ab|a)*c{2,3}", "a{0,2}b?c", "(?:x*y)*z", "(?:a?){3}b", "(?:a|b?){2}(?:c+|d{1,2})*e",
        "(?:(?:ab)*|c){2,3}d", "[^a]x+?y{0,1}", "(?i)AbC|d{2}", "(?:a*)*b", "x(?:y|)z"})
    void plainPatternsShouldBeReadExactly(String source) {
        Pattern pattern = Pattern.compile(source);
        SupersetNfa automaton = new RegularSuperset(20_000).of(pattern).orElseThrow();
        Random random = new Random(source.hashCode());
        String letters = "abcdexyzAB";
        int matched = 0;
        for (int round = 0; round < 5000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(9); i > 0; i--) {
                text.append(letters.charAt(random.nextInt(letters.length())));
            }
            boolean matches = pattern.matcher(text).matches();
            assertThat(automaton.matches(text)).as("%s on [%s]", source, text).isEqualTo(matches);
            matched += matches ? 1 : 0;
        }
        assertThat(matched).as("random texts the pattern matches").isPositive();
    }

    @Test
    void automataBeyondTheStatesGivenShouldNotBeBuilt() {
        Pattern nested = Pattern.compile("(?:(?:(?:abcdefgh){1,8}x){1,8}y){1,8}");

        assertThat(new RegularSuperset(1000).of(nested)).isEmpty();
        assertThat(new RegularSuperset(200_000).of(nested)).isPresent();
    }
}
