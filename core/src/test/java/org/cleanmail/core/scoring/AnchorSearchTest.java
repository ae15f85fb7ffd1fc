package org.cleanmail.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnchorSearchTest {
    private static final String[] TOKENS = {"a", "b", "q", "x", "y", "z", " ", " ", "$", "\u00a3", "0", "1", "9", "00",
        "\n", "_", "-", "/", "V", "|", "l", "4", "@", "m", "e", "pa", "se", "me", "city", "gender", "zip", "code", ":",
        "your", "my", "million", "abc", "ab1", "99", "x.y"};

    @Test
    void nextOccurrenceShouldFindAnyCaseOfTheLiterals() {
        AnchorSearch search = AnchorSearch.of(Pattern.compile("(?i)\\b(?:cheap|free)\\s(?:meds|pills)"));

        assertThat(search).isNotNull();
        assertThat(search.nextOccurrence("buy FREE Pills now", 0)).isEqualTo(4);
        assertThat(search.nextOccurrence("buy FREE Pills now", 5)).isEqualTo(-1);
    }

    @Test
    void occurrencesShouldBeFoundAtEverLaterPositionsAndAgainFromEarlierOnes() {
        AnchorSearch search = AnchorSearch.of(Pattern.compile("(?i)\\bhere\\b"));
        //             0    5    10   15   20   25
        String text = "hhh here, there: HERE h";
        AnchorSearch.Occurrences occurrences = new AnchorSearch.Occurrences().on(search, text);

        assertThat(occurrences.atOrAfter(0)).isEqualTo(4);
        assertThat(occurrences.atOrAfter(5)).isEqualTo(11);
        assertThat(occurrences.atOrAfter(12)).isEqualTo(17);
        assertThat(occurrences.atOrAfter(18)).isEqualTo(-1);
        assertThat(occurrences.atOrAfter(1)).isEqualTo(4);
    }

    @Test
    void patternWithoutSelectiveAnchorShouldHaveNoSearch() {
        assertThat(AnchorSearch.of(Pattern.compile(".{2}x?"))).isNull();
        assertThat(AnchorSearch.of(Pattern.compile("(?:a|e|t|o|i|n|\\s)\\w"))).isNull();
    }

    @Test
    void confirmationShouldAnswerFromWhatItHasRead() {
        AnchorSearch search = AnchorSearch.of(Pattern.compile("(?i)cheap.{0,11}meds"), true);
        AnchorSearch second = search.confirming();
        assertThat(second).isNotNull();
        assertThat(second.literals()).containsExactly("meds");
        // "meds" lies 5 to 27 characters after a match's start (a dot may be two characters of a surrogate pair)
        String text = "cheap x meds" + " ".repeat(20) + "cheap" + " ".repeat(30) + "MEDS";
        int secondCheap = text.lastIndexOf("cheap");
        int capitalMeds = text.indexOf("MEDS");
        AnchorSearch.Confirmation confirmation = new AnchorSearch.Confirmation().on(second, text);

        assertThat(confirmation.possible(0, 0)).isTrue();
        assertThat(confirmation.possible(secondCheap, secondCheap)).isFalse();
        assertThat(confirmation.possible(capitalMeds - 27, capitalMeds - 27)).isTrue();
        assertThat(confirmation.possible(capitalMeds - 4, capitalMeds)).isFalse();
    }

    @Test
    void confirmingAnchorShouldBeLeftOutWhenNotAskedFor() {
        assertThat(AnchorSearch.of(Pattern.compile("(?i)cheap.{0,11}meds")).confirming()).isNull();
    }

    static Stream<Arguments> patternsWithSamples() {
        return Stream.of(
            Arguments.of("(?:\\b|\\s)[_\\W]{0,3}(?:\\\\\\/|V)[_\\W]{0,3}[a4\\xE0-\\xE6@][_\\W]{0,3}[l|]", " _v-4|"),
            Arguments.of("(?:(?:your|my)\\s)?(?:city|gender|zip(?:\\scode)?)(?::\\s?|\\s/\\s){1,2}", "my zip code: / "),
            Arguments.of("\\bq\\w{0,2}\\b", "qa "),
            Arguments.of("[\\$\\xa3]\\s?\\d+(?<!00)\\s(?:million|m)\\b", "$ 19 million"),
            Arguments.of("(?:pa|se)\\sme$", "pa me"),
            Arguments.of("x(?=y)|zz", "xy"),
            Arguments.of("\\b[a-z]{2,}\\d{2,}\\b", "abc123 "),
            Arguments.of("[\\w.-]+@(?:my|me)\\b", "x.y-z@me "),
            Arguments.of("[a-z]*(?:00|19)", "ab00"),
            Arguments.of("<a\\s[^>]{0,20}(?:me|pa)", "<a zip me"),
            Arguments.of("\\bcity.{0,6}(?:code|zip)\\b", "city 1 zip "),
            Arguments.of("\\bcity.{0,6}(?:code|zip|gender|me|pa|se)\\b", "city 1 me "),
            Arguments.of("\\b[a-z]{2,}\\d{2,}.{0,4}gender", "abc123 x gender"),
            Arguments.of("(?:^|\\s)my.{0,10}code", "my 1 zip code"),
            Arguments.of("[$@]\\s?\\d.{0,30}million", "@ 9 x y million"));
    }

    @Test
    void wideWindowShouldBeTriedAtTheStartCharactersOfThePatternOnly() {
        AnchorSearch search = AnchorSearch.of(Pattern.compile("(?i)<a\\s[^>]{0,200}models"));
        //             0    5    10   15   20   25   30
        String text = "xx <b> yy <a href=z>models";

        assertThat(search.nextStart(text, 1, 20)).isEqualTo(3);
        assertThat(search.nextStart(text, 4, 20)).isEqualTo(10);
        assertThat(search.nextStart(text, 11, 20)).as("no '<' left in the window").isEqualTo(21);
        assertThat(search.nextStart(text, 0, 20)).as("the text's start is always tried").isZero();
    }

    @Test
    void narrowWindowShouldBeTriedAtEveryPosition() {
        AnchorSearch search = AnchorSearch.of(Pattern.compile("(?i)<a\\smodels"));

        assertThat(search.nextStart("xx <a models", 1, 3)).isEqualTo(1);
    }

    /** Rules searched near their anchors must count exactly the matches find() counts, on seeded random texts. */
    @ParameterizedTest
    @MethodSource("patternsWithSamples")
    void searchNearAnchorsShouldCountLikeFind(String regex, String sample) {
        String rules = "rawbody R /" + regex + "/i\ntflags R multiple\n";
        RuleEngine anchored = RuleEngineTest.engine(rules, EvalFunctions.none(), ScoringOptions.defaults());
        RuleEngine everywhere = RuleEngineTest.engine(rules, EvalFunctions.none(),
            ScoringOptions.builder().anchorSearch(false).startCharSearch(false).build());
        RuleEngine unconfirmed = RuleEngineTest.engine(rules, EvalFunctions.none(),
            ScoringOptions.builder().confirmingAnchors(false).build());
        assertThat(anchored.rules().anchor(anchored.rules().index("R").orElseThrow())).isNotNull();
        Random random = new Random(5);
        int hits = 0;
        for (int i = 0; i < 400; i++) {
            StringBuilder text = new StringBuilder("Subject: t\n\n");
            int length = random.nextInt(30);
            for (int j = 0; j < length; j++) {
                text.append(random.nextInt(8) == 0 ? sample : TOKENS[random.nextInt(TOKENS.length)]);
            }
            String message = text.toString();
            double score = RuleEngineTest.scan(everywhere, message).score();
            hits += score > 0 ? 1 : 0;
            assertThat(RuleEngineTest.scan(anchored, message).score()).as("%s on '%s'", regex, message)
                .isEqualTo(score);
            assertThat(RuleEngineTest.scan(unconfirmed, message).score()).as("%s on '%s'", regex, message)
                .isEqualTo(score);
        }
        assertThat(hits).as("random texts should hit " + regex).isPositive();
    }
}
