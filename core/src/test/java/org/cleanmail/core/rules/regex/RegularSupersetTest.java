package org.cleanmail.core.rules.regex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.Operations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegularSupersetTest {
    private static final PerlRegexTranslator TRANSLATOR = new PerlRegexTranslator();

    private static Automaton read(String perl) {
        Automaton read = new RegularSuperset(20_000).of(TRANSLATOR.translate(perl).regex().pattern()).orElseThrow();
        return Operations.determinize(read, Operations.DEFAULT_DETERMINIZE_WORK_LIMIT);
    }

    @Test
    void charactersClassesAndCaseShouldMeanWhatThePatternMeans() {
        Automaton automaton = read("/fr[e3]e\\s+ca\\$h/i");

        assertThat(Operations.run(automaton, "FR3E  cA$H")).isTrue();
        assertThat(Operations.run(automaton, "free cash")).isFalse();
        assertThat(Operations.run(automaton, "fr3e\tca$h")).isTrue();
        assertThat(Operations.run(automaton, "fr3ex ca$h")).isFalse();
    }

    @Test
    void inlineFlagsShouldHoldUntilTheEndOfTheirGroup() {
        Automaton automaton = read("/(?:(?i)ab)c/");

        assertThat(Operations.run(automaton, "ABc")).isTrue();
        assertThat(Operations.run(automaton, "ABC")).isFalse();
    }

    @Test
    void assertionsShouldBeReadAsTheEmptyString() {
        Automaton automaton = read("/\\b(?<!foo)bar(?=baz)$/m");

        assertThat(Operations.run(automaton, "bar")).isTrue();
        assertThat(Operations.run(automaton, "barbaz")).isFalse();
    }

    @Test
    void backReferencesShouldBeReadAsAnyString() {
        Automaton automaton = read("/To: (\\S+)\\nSubject: \\1!/");

        assertThat(Operations.run(automaton, "To: a@b\nSubject: whatever it was!")).isTrue();
        assertThat(Operations.run(automaton, "To: a@b\nFrom: x")).isFalse();
    }

    @Test
    void longCountsShouldBeLoosenedToAtLeast() {
        Automaton automaton = read("/x[^\\n]{0,200}y{2,3}z{12}/");

        assertThat(Operations.run(automaton, "x" + "-".repeat(500) + "yy" + "z".repeat(8))).isTrue();
        assertThat(Operations.run(automaton, "x" + "-".repeat(500) + "y" + "z".repeat(8))).isFalse();
        assertThat(Operations.run(automaton, "x" + "-".repeat(500) + "yy" + "z".repeat(7))).isFalse();
        assertThat(Operations.run(automaton, "x" + "\n" + "yy" + "z".repeat(8))).isFalse();
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
}
