package org.cleanmail.core.prefilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.cleanmail.core.prefilter.RegexAnchors.Anchor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RegexAnchorsTest {
    /** From 20_drugs.cf: an obfuscated word, no literal of three characters. */
    private static final String DRUGS_ANXIETY3 = "(?:\\b|\\s)[_\\W]{0,3}(?:\\\\\\/|V)[_\\W]{0,3}[a4\\xE0-\\xE6@][_\\W]{0,3}"
        + "[l|][_\\W]{0,3}[i1!|l\\xEC-\\xEF][_\\W]{0,3}[u\\xB5\\xF9-\\xFC][_\\W]{0,3}m\\b";
    /** Shaped like 72_active.cf's __FILL_THIS_FORM_SHORT2 after ReplaceTags: optional words, then one of many. */
    private static final String FILL_FORM = "(?:(?:(?:your|din|seu)[\\s,:]{1,5})?(?:present\\s|current\\s|full\\s?){0,3}"
        + "(?:countr?y|city|province|(?:zip|post(?:al)?)(?:\\s?code)?|ages?|marital\\s?statu[se]|sex|gender|religion|"
        + "nationality|telephone|mobile|occupation|amount)(?:\\sin\\sfull)?:?(?:[-=_.,:;*\\s]{1,100}|\\s?[/&+,]\\s?)){3}";

    /** Pieces of the random texts: letters, separators and words the patterns look for. */
    static final String[] TOKENS = {"a", "b", "c", "d", "e", "x", "y", "z", "q", "A", "V", "\\/", "4", "@", "l", "|",
        "i", "1", "u", "\u00b5", "m", " ", " ", "_", "-", ".", "$", "\u00a3", "0", "2", "3", ",", "\n", "cheap", "free",
        "meds", "pills", "million", "billion", "city", "gender", "your ", "present ", "zip", "code", ":", "/", "&", "pa",
        "se", "me", "ab", "ccc", "bb", "Cheap", "FREE"};

    private static Anchor anchor(String regex) {
        return RegexAnchors.of(regex, false).orElseThrow();
    }

    @Test
    void plainWordShouldAnchorAtTheStart() {
        Anchor anchor = anchor("(?i)viagra");

        assertThat(anchor.literals()).containsExactly("viagra");
        assertThat(anchor.minOffset()).isZero();
        assertThat(anchor.maxOffset()).isZero();
    }

    @Test
    void boundedPrefixShouldGiveAnOffsetWindow() {
        Anchor anchor = anchor("\\$\\s?\\d{1,3}[,.]?\\d{0,3} million");

        assertThat(anchor.literals()).containsExactly(" million");
        assertThat(anchor.minOffset()).isEqualTo(2);
        assertThat(anchor.maxOffset()).isEqualTo(9);
    }

    @Test
    void unboundedPrefixShouldDropTheLaterLiteral() {
        Optional<Anchor> anchor = RegexAnchors.of("x?\\s*(?:money|cash)", false);

        assertThat(anchor).isEmpty();
    }

    @Test
    void openingRunOfOneClassShouldAnchorTheLiteralAfterIt() {
        Anchor anchor = anchor("(?i)\\b[a-z]{2,}\\d{5,}\\b");

        assertThat(anchor.literals()).containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(anchor.prefixClass()).hasSize(26).contains("a", "z");
        assertThat(anchor.prefixMin()).isEqualTo(2);
        assertThat(anchor.minOffset()).isZero();
        assertThat(anchor.maxOffset()).isZero();
        assertThat(anchor("\\s*(?:money|cash)").prefixClass()).contains(" ", "\n");
    }

    @Test
    void runAfterAConsumingPartShouldNotOpenTheMatch() {
        Anchor anchor = anchor("x[a-z]+\\d");

        assertThat(anchor.literals()).containsExactly("x");
        assertThat(anchor.prefixClass()).isNull();
        assertThat(RegexAnchors.of("(?:[a-z]+1|q[a-z]+2)", false).map(Anchor::prefixClass)).isEmpty();
    }

    @Test
    void obfuscatedWordShouldAnchorOnItsRarestLetter() {
        Anchor anchor = anchor(DRUGS_ANXIETY3);

        assertThat(anchor.literals()).doesNotContain("e", "t", "a", " ");
        assertThat(anchor.maxOffset()).isLessThan(30);
        assertThat(anchor.expectedTries()).isLessThan(0.25);
    }

    @Test
    void alternationOfWordsAfterOptionalWordsShouldAnchorOnAnyOfTheWords() {
        Anchor anchor = anchor(FILL_FORM);

        assertThat(anchor.literals()).contains("city", "gender");
        assertThat(anchor.minOffset()).isZero();
        assertThat(anchor.maxOffset()).isGreaterThan(20);
    }

    @Test
    void lookAroundAndBackReferencesShouldNotAnchor() {
        assertThat(RegexAnchors.of("(?<=abc)x", false).orElseThrow().literals()).containsExactly("x");
        assertThat(RegexAnchors.of("(a)\\1b", false).orElseThrow().literals()).containsExactly("a");
        assertThat(RegexAnchors.of("(?=abc)", false)).isEmpty();
        assertThat(RegexAnchors.of(".*", false)).isEmpty();
    }

    @Test
    void unreadablePatternShouldGiveNoAnchor() {
        assertThat(RegexAnchors.of("a\\qb", false)).isEmpty();
        assertThat(RegexAnchors.of("(abc", false)).isEmpty();
    }

    @Test
    void commentsModeShouldSkipWhitespace() {
        assertThat(RegexAnchors.of("v i a g r a  # the word", true).orElseThrow().literals()).containsExactly("viagra");
    }

    @Test
    void tagThenWordShouldBeConfirmedByTheWord() {
        Anchor first = anchor("(?i)<a\\s[^>]{0,200}here");
        Anchor second = RegexAnchors.confirming("(?i)<a\\s[^>]{0,200}here", false, 512).orElseThrow();

        assertThat(first.literals()).contains("<a ");
        assertThat(second.literals()).containsExactly("here");
        assertThat(second.minOffset()).isEqualTo(3);
        assertThat(second.maxOffset()).isGreaterThanOrEqualTo(203);
    }

    @Test
    void confirmingAnchorShouldNeedOtherLiteralsInReach() {
        // one literal only; a top-level alternation; the second literal too far (or unboundedly far) from the start
        assertThat(RegexAnchors.confirming("\\bviagra\\b", false, 512)).isEmpty();
        assertThat(RegexAnchors.confirming("cheap.{0,5}meds|free.{0,5}pills", false, 512)).isEmpty();
        assertThat(RegexAnchors.confirming("cheap.{0,600}meds", false, 512)).isEmpty();
        assertThat(RegexAnchors.confirming("cheap.*meds", false, 512)).isEmpty();
        // inside a group, the sequence's parts are not the whole pattern's
        assertThat(RegexAnchors.confirming("(?:cheap.{0,5}meds|free)", false, 512)).isEmpty();
    }

    /** Every match found by find() must hold the confirming anchor too, on seeded random texts. */
    @ParameterizedTest
    @MethodSource("confirmedPatternsWithSamples")
    void everyMatchShouldHoldTheConfirmingAnchor(String regex, String sample) {
        Anchor second = RegexAnchors.confirming(regex, false, 512).orElseThrow();
        assertThat(second.literals()).isNotEqualTo(anchor(regex).literals());
        assertEveryMatchHolds(second, regex, sample, new Random(13));
    }

    static Stream<Arguments> confirmedPatternsWithSamples() {
        return Stream.of(
            Arguments.of("(?i)\\b(?:cheap|free)\\s{1,3}(?:meds|pills)\\b", "Cheap  pills"),
            Arguments.of("(?i)<a\\s[^>]{0,20}free", "<a href=x free"),
            Arguments.of("(?i)cheap.{0,11}(?:me|pa)", "cheap zip me"),
            Arguments.of("(?im)^zip:[^\\n]{0,6}\\bcity\\b", "zip: a city "),
            Arguments.of("\\bq\\W{1,5}million\\b", "q -- million "),
            Arguments.of("[\\$\\xa3]\\s?\\d{1,3}(?:,\\d{3}){0,2}\\s(?:million|billion)", "$ 12,000 million"));
    }

    static Stream<Arguments> patternsWithSamples() {
        return Stream.of(
            Arguments.of(DRUGS_ANXIETY3, " V_a|l1u_m "),
            Arguments.of(FILL_FORM, "your: city: gender / zip code:  "),
            Arguments.of("(?i)\\b(?:cheap|free)\\s{1,3}(?:meds|pills)\\b", "Cheap  pills"),
            Arguments.of("[\\$\\xa3]\\s?\\d{1,3}(?:,\\d{3}){0,2}\\s(?:million|billion)", "$ 12,000 million"),
            Arguments.of("(?:^|\\s)(?:pa|se)\\sme(?!x)", " pa me"),
            Arguments.of("x?(?:ab){1,3}c?d", "xababcd"),
            Arguments.of("(?i)(?:[a-c][_\\W]?){2}z", "a_Cz"),
            Arguments.of("q\\w{0,2}\\b", "qab "),
            Arguments.of("(?:a|bb|ccc)(?:d|e){2,4}[^x]", "bbdede!"),
            Arguments.of("(?i)\\b[a-z]{2,}\\d{2,}\\b", "abc123 "),
            Arguments.of("[\\w.-]+@(?:ab|cd)\\.e", "x.y-z@ab.e"),
            Arguments.of("\\s*(?:cheap|free)", "  free"));
    }

    /** Every match found by find() must hold an anchor literal within the window, on seeded random texts. */
    @ParameterizedTest
    @MethodSource("patternsWithSamples")
    void everyMatchShouldHoldTheAnchor(String regex, String sample) {
        assertEveryMatchHolds(anchor(regex), regex, sample, new Random(11));
    }

    /** On 3,000 random texts, some of which match, every match holds one of the anchor's literals in its window. */
    private static void assertEveryMatchHolds(Anchor anchor, String regex, String sample, Random random) {
        Pattern pattern = Pattern.compile(regex);
        int matches = 0;
        for (int i = 0; i < 3000; i++) {
            String text = randomText(random, sample);
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                matches++;
                assertThat(holdsAnchor(anchor, text, matcher.start())).as("%s in '%s' at %d", regex, text,
                    matcher.start()).isTrue();
            }
        }
        assertThat(matches).as("random texts should match " + regex).isPositive();
    }

    /** Random tokens, with the sample, or the sample less one character, here and there. */
    static String randomText(Random random, String sample) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(30);
        for (int j = 0; j < length; j++) {
            int pick = random.nextInt(10);
            if (pick == 0) {
                text.append(sample);
            } else if (pick == 1) {
                int cut = random.nextInt(sample.length());
                text.append(sample, 0, cut).append(sample.substring(cut + 1));
            } else {
                text.append(TOKENS[random.nextInt(TOKENS.length)]);
            }
        }
        return text.toString();
    }

    private static boolean holdsAnchor(Anchor anchor, String text, int start) {
        String folded = CaseFold.fold(text);
        int runEnd = start;
        if (anchor.prefixClass() != null) {
            while (runEnd < folded.length() && anchor.prefixClass().contains(String.valueOf(folded.charAt(runEnd)))) {
                runEnd++;
            }
        }
        int firstEnd = anchor.prefixClass() == null ? start : start + anchor.prefixMin();
        for (int end = firstEnd; end <= runEnd; end++) {
            for (int k = anchor.minOffset(); k <= anchor.maxOffset() && end + k <= folded.length(); k++) {
                for (String literal : anchor.literals()) {
                    if (folded.startsWith(literal, end + k)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
