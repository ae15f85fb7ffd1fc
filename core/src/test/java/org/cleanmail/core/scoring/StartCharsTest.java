package org.cleanmail.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;

import org.cleanmail.core.rules.RuleType;
import org.cleanmail.core.rules.regex.PerlRegex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StartCharsTest {
    @Test
    void alternationShouldStartWithTheFirstLettersOfItsBranches() {
        long[] set = StartChars.of(Pattern.compile("(?:pay|send|give)\\sme"));

        assertThat(set).isNotNull();
        assertThat(StartChars.contains(set, 'p')).isTrue();
        assertThat(StartChars.contains(set, 's')).isTrue();
        assertThat(StartChars.contains(set, 'g')).isTrue();
        assertThat(StartChars.contains(set, 'a')).isFalse();
        assertThat(StartChars.contains(set, ' ')).isFalse();
    }

    @Test
    void startOfTextShouldBeLeftOutOfTheSet() {
        long[] set = StartChars.of(Pattern.compile("(?:^|\\s)(?:malware|virus)"));

        assertThat(set).as("a space, not the letters a match at the start of the text begins with").isNotNull();
        assertThat(StartChars.contains(set, ' ')).isTrue();
        assertThat(StartChars.contains(set, 'm')).isFalse();
    }

    @Test
    void lookBehindShouldGiveNoSet() {
        assertThat(StartChars.of(Pattern.compile("(?<=a)b"))).isNull();
        assertThat(StartChars.of(Pattern.compile("\\Bb"))).isNull();
    }

    @Test
    void translatedWordBoundaryShouldStillGiveASet() {
        long[] set = StartChars.of(Pattern.compile(PerlRegex.WORD_BOUNDARY + "[A-Z]{3,}\\s+[A-Z]{3,}"));

        assertThat(set).isNotNull();
        assertThat(StartChars.contains(set, 'Q')).isTrue();
        assertThat(StartChars.contains(set, 'q')).isFalse();
        assertThat(StartChars.of(Pattern.compile(PerlRegex.WORD_BOUNDARY + "[a-z]{3,}\\d"))).as("too common").isNull();
    }

    @Test
    void patternStartingAnywhereShouldGiveNoSet() {
        assertThat(StartChars.of(Pattern.compile(".{3}x"))).isNull();
    }

    /** Rules searched at start characters must count exactly the matches find() counts, on seeded random texts. */
    @ParameterizedTest
    @ValueSource(strings = {"(?:^|\\s)(?:pa|se)\\sme", "^(?:pa|se)\\sme", "\\A(?:pa|se)", "(?:^|\\s)pa(?:y|\\s)", "\\b(?:ab|c)+\\b", "^(?:x|yz)$", "[\\$\\xa3]\\s?\\d",
        "(?:a|b)c(?=d)", "\\bq\\w{0,2}\\b"})
    void searchAtStartsShouldCountLikeFind(String regex) {
        assertSameCounts("/" + regex + "/i", false);
    }

    /** A case-sensitive run of capitals after a word boundary: searched at the (rare) capitals only. */
    @Test
    void capitalsAfterWordBoundaryShouldCountLikeFind() {
        assertSameCounts("/\\b[A-Z]{2,}(?:\\s+[A-Z]{2,})\\b/", true);
    }

    private static void assertSameCounts(String regex, boolean startCharsExpected) {
        String rules = "rawbody R " + regex + "\ntflags R multiple\n";
        RuleEngine atStarts = RuleEngineTest.engine(rules, EvalFunctions.none(),
            ScoringOptions.builder().anchorSearch(false).build());
        RuleEngine everywhere = RuleEngineTest.engine(rules, EvalFunctions.none(),
            ScoringOptions.builder().anchorSearch(false).startCharSearch(false).build());
        int index = atStarts.rules().index("R").orElseThrow();
        assertThat(atStarts.rules().alwaysRunRules(RuleType.RAWBODY)).isEqualTo(1);
        if (startCharsExpected) {
            assertThat(atStarts.rules().startChars(index)).as("start characters of %s", regex).isNotNull();
        }
        Random random = new Random(7);
        String alphabet = "abcdqxyz $\u00a3019\nPAYSENDMEpaysendme";
        for (int i = 0; i < 300; i++) {
            String message = randomMessage(random, alphabet, 60);
            assertThat(RuleEngineTest.scan(atStarts, message).score()).as("%s on '%s'", regex, message)
                .isEqualTo(RuleEngineTest.scan(everywhere, message).score());
        }
    }

    @Test
    void patternsStartingAtLineStartsOnlyShouldBeTold() {
        assertThat(StartChars.lineStartsOnly(Pattern.compile("^(?>\\s{0,50})(?:your|the)\\s+name", Pattern.MULTILINE | Pattern.UNIX_LINES)))
            .isTrue();
        assertThat(StartChars.lineStartsOnly(Pattern.compile("^\\s*(?:[a-z]+\\s+){10}\\.$", Pattern.MULTILINE | Pattern.UNIX_LINES)))
            .isTrue();
        assertThat(StartChars.lineStartsOnly(Pattern.compile("^" + PerlRegex.WORD_BOUNDARY + "x", Pattern.MULTILINE))).isTrue();
        assertThat(StartChars.lineStartsOnly(Pattern.compile("(?:^|\\s)free", Pattern.MULTILINE))).isFalse();
        assertThat(StartChars.lineStartsOnly(Pattern.compile("^free|\\bfree", Pattern.MULTILINE))).isFalse();
        assertThat(StartChars.lineStartsOnly(Pattern.compile("^$|x?", Pattern.MULTILINE))).as("matches the empty string anywhere").isFalse();
        assertThat(StartChars.lineStartsOnly(Pattern.compile("(?<=a)^b", Pattern.MULTILINE))).as("a look-behind").isFalse();
        assertThat(StartChars.lineStartsOnly(Pattern.compile("free"))).isFalse();
    }

    /**
     * Rules tried at line starts only (without start characters rare enough to be tried
     * instead: {@code ^(?:pay|send)} is tried at its p and s) must count exactly the matches find() counts, on seeded random texts of many lines. */
    @ParameterizedTest
    @ValueSource(strings = {"^\\s*(?:[a-z]+\\s+)\\.", "^", "^.{3}", "^(?!x)\\w+", "^[^\\n]*me$", "^[^\\n]{2}$"})
    void searchAtLineStartsShouldCountLikeFind(String regex) {
        String rules = "full R /" + regex + "/m\ntflags R multiple\nscore R 1\n";
        RuleEngine atLineStarts = RuleEngineTest.engine(rules, EvalFunctions.none(),
            ScoringOptions.builder().anchorSearch(false).regularFilters(false).build());
        RuleEngine everywhere = RuleEngineTest.engine(rules, EvalFunctions.none(),
            ScoringOptions.builder().anchorSearch(false).regularFilters(false).startCharSearch(false).build());
        assertThat(atLineStarts.rules().lineStartsOnly(atLineStarts.rules().index("R").orElseThrow())).isTrue();
        Random random = new Random(11);
        String alphabet = "abxyz .\n\n\nPAYSEMEpasme";
        int hits = 0;
        for (int i = 0; i < 300; i++) {
            String message = randomMessage(random, alphabet, 80);
            double score = RuleEngineTest.scan(atLineStarts, message).score();
            assertThat(score).as("%s on '%s'", regex, message).isEqualTo(RuleEngineTest.scan(everywhere, message).score());
            hits += score > 0 ? 1 : 0;
        }
        assertThat(hits).as("messages %s hits", regex).isPositive();
    }

    /** A message with a body of up to {@code maxLength} characters of the alphabet. */
    private static String randomMessage(Random random, String alphabet, int maxLength) {
        StringBuilder text = new StringBuilder("Subject: t\n\n");
        int length = random.nextInt(maxLength);
        for (int j = 0; j < length; j++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
