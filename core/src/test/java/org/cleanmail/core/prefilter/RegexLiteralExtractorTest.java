package org.cleanmail.core.prefilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegexLiteralExtractorTest {
    private static Set<String> literals(String regex) {
        return RegexLiteralExtractor.requiredLiterals(regex).anyOf();
    }

    @Test
    void plainWordShouldBeItsOwnLiteral() {
        assertThat(literals("viagra")).containsExactly("viagra");
    }

    @Test
    void literalsShouldBeCaseFolded() {
        assertThat(literals("(?i)Viagra")).containsExactly("viagra");
        assertThat(literals("[Vv]iagra")).containsExactly("viagra");
    }

    @Test
    void smallClassesShouldMultiplyIntoExactStrings() {
        assertThat(literals("v[i1]agra")).containsExactlyInAnyOrder("viagra", "v1agra");
    }

    @Test
    void alternationShouldRequireAnyOfItsBranches() {
        assertThat(literals("\\b(?:cheap|free) (?:meds|pills)\\b"))
            .containsExactlyInAnyOrder("cheap meds", "cheap pills", "free meds", "free pills");
    }

    @Test
    void concatenationAroundAWildcardShouldKeepTheMoreSelectiveSide() {
        assertThat(literals("click\\s+here.{0,20}unsubscribe")).containsExactly("unsubscribe");
    }

    @Test
    void optionalPartsShouldNotBeRequired() {
        assertThat(literals("(?:free )?money")).containsExactlyInAnyOrder("free money", "money");
        assertThat(literals("mon(?:ey)?\\s+back")).containsExactly("back");
    }

    @Test
    void plusShouldKeepItsOperandsRequirement() {
        assertThat(literals("(?:winner)+!")).containsExactly("winner!");
    }

    @Test
    void repeatedGroupShouldNeedOneOccurrencePerRepetition() {
        assertThat(RegexLiteralExtractor.minimumOccurrences("(?:(?:your\\s)?(?:name|city|phone):\\s*){3}", false))
            .isEqualTo(3);
        assertThat(RegexLiteralExtractor.minimumOccurrences("(?:(?:name|city)+\\s){3,}", false)).isEqualTo(3);
        assertThat(RegexLiteralExtractor.minimumOccurrences("x(?:name|city){3}", false)).isEqualTo(1);
        assertThat(RegexLiteralExtractor.minimumOccurrences("(?:name|city){3}|phone", false)).isEqualTo(1);
    }

    /** Soundness of the count: every match of a repeated group holds that many occurrences at distinct places. */
    @Test
    void repeatedGroupMatchesShouldHoldTheOccurrences() {
        String regex = "(?:(?:my\\s)?(?:nam|name|age)[:\\s]{1,3}){3}";
        Pattern pattern = Pattern.compile(regex);
        Set<String> literals = literals(regex);
        int needed = RegexLiteralExtractor.minimumOccurrences(regex, false);
        Random random = new Random(3);
        String[] tokens = {"my ", "nam", "name", "age", ": ", " ", "x"};
        int matches = 0;
        for (int i = 0; i < 5000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(14); j > 0; j--) {
                text.append(tokens[random.nextInt(tokens.length)]);
            }
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                matches++;
                String match = matcher.group();
                long starts = java.util.stream.IntStream.range(0, match.length())
                    .filter(at -> literals.stream().anyMatch(literal -> match.startsWith(literal, at))).count();
                assertThat(starts).as("%s in %s", regex, match).isGreaterThanOrEqualTo(needed);
            }
        }
        assertThat(needed).isEqualTo(3);
        assertThat(matches).isPositive();
    }

    @Test
    void repeatedLetterShouldJoinTheLiteralsAroundIt() {
        // from 72_active.cf's FF_A1 tag: "ad" alone is too short; the last d and "res" are not
        assertThat(literals("(?:city|ad+res+e?)")).containsExactlyInAnyOrder("city", "dres");
        assertThat(literals("ter+itory")).containsExactly("ritory");
    }

    @Test
    void escapesShouldBeReadAsTheCharactersTheyStandFor() {
        assertThat(literals("\\$\\d+ million")).containsExactly(" million");
        assertThat(literals("\\x41BC\\u0044")).containsExactly("abcd");
        assertThat(literals("\\Qa.b*c\\E")).containsExactly("a.b*c");
    }

    @Test
    void lookaroundsShouldRequireNothingThemselves() {
        assertThat(literals("(?<!un)subscribe(?=d)")).containsExactly("subscribe");
    }

    @Test
    void commentModeShouldIgnoreWhitespaceAndComments() {
        assertThat(RegexLiteralExtractor.requiredLiterals("(?x) buy \\s now  # the classic\n", false).anyOf())
            .isIn(Set.of("buy"), Set.of("now"));
        assertThat(RegexLiteralExtractor.requiredLiterals("v i a g r a", true).anyOf()).containsExactly("viagra");
    }

    @ParameterizedTest
    @ValueSource(strings = {".*", "\\d+", "[a-z]{5,}", "ab", "(a|bc)", "[^abc]+xyz?", "(\\w+)\\1", "(?:abc|.)", "x*"})
    void patternsWithoutALongEnoughRequiredLiteralShouldHaveNone(String regex) {
        assertThat(RegexLiteralExtractor.requiredLiterals(regex).usable())
            .as("literals of %s: %s", regex, RegexLiteralExtractor.requiredLiterals(regex))
            .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"(abc", "[abc", "abc\\", "(?<name", "x{2"})
    void unreadablePatternsShouldHaveNoneRatherThanFail(String regex) {
        assertThat(RegexLiteralExtractor.requiredLiterals(regex).usable()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[]a]bcd|]bcd",
        "foo[-]bar|foo-bar",
        "(?<word>hello) world|hello world",
        "a(?i:BCD)e|abcde"})
    void javaSpecificSyntaxShouldBeRead(String regex, String literal) {
        assertThat(literals(regex)).contains(literal);
    }

    /** Soundness: whenever a pattern matches a text, one of its literals occurs in the folded text. */
    @Test
    void literalsShouldNeverMissAMatch() {
        String[] patterns = {"v[i1]agra", "(?i)free\\s+(?:money|cash)", "(?:a|b)c{2,3}def", "x(?:yz)?w+abc",
            "\\bwin(?:ner)?s?\\b", "[Hh][Ee][Ll][Ll][Oo]", "(?:foo|bar|baz)qux", "ab?c?d?efg", "(?i)\u017Fpam",
            "ca+sh", "f(?:re|e)+money", "(?:ab|cd){2,}e+yz"};
        String alphabet = "abcdefgqrsuwxyz vi1aFREmonycashHELO\u017FPAMaaeerrecc";
        Random random = new Random(42);
        for (String regex : patterns) {
            Pattern pattern = Pattern.compile(regex, Pattern.UNICODE_CASE);
            Set<String> required = literals(regex);
            assertThat(required).as("literals of %s", regex).isNotEmpty();
            for (int i = 0; i < 20_000; i++) {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(24);
                for (int j = 0; j < length; j++) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                Matcher matcher = pattern.matcher(text);
                if (matcher.find() && !required.isEmpty()) {
                    String folded = CaseFold.fold(text);
                    assertThat(required).as("%s matched %s", regex, text).anyMatch(folded::contains);
                }
            }
            for (String sample : new String[] {"viagra", "v1agra", "FREE   Cash", "bccdef", "xwwabc", "winners", "HeLLo",
                "barqux", "aefg", "acefg", "SPAM", "\u017Fpam"}) {
                if (pattern.matcher(sample).find()) {
                    assertThat(required).as("%s matched %s", regex, sample).anyMatch(CaseFold.fold(sample)::contains);
                }
            }
        }
    }
}
