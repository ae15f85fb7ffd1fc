package org.cleanmail.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;

import org.cleanmail.core.rules.RuleType;
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
    void lookBehindShouldGiveNoSet() {
        assertThat(StartChars.of(Pattern.compile("(?<=a)b"))).isNull();
        assertThat(StartChars.of(Pattern.compile("\\Bb"))).isNull();
    }

    @Test
    void patternStartingAnywhereShouldGiveNoSet() {
        assertThat(StartChars.of(Pattern.compile(".{3}x"))).isNull();
    }

    /** Rules searched at start characters must count exactly the matches find() counts, on seeded random texts. */
    @ParameterizedTest
    @ValueSource(strings = {"(?:^|\\s)(?:pa|se)\\sme", "\\b(?:ab|c)+\\b", "^(?:x|yz)$", "[\\$\\xa3]\\s?\\d",
        "(?:a|b)c(?=d)", "\\bq\\w{0,2}\\b"})
    void searchAtStartsShouldCountLikeFind(String regex) {
        String rules = "rawbody R /" + regex + "/i\ntflags R multiple\n";
        RuleEngine atStarts = RuleEngineTest.engine(rules, EvalFunctions.none(),
            ScoringOptions.builder().anchorSearch(false).build());
        RuleEngine everywhere = RuleEngineTest.engine(rules, EvalFunctions.none(),
            ScoringOptions.builder().anchorSearch(false).startCharSearch(false).build());
        assertThat(atStarts.rules().alwaysRunRules(RuleType.RAWBODY)).isEqualTo(1);
        Random random = new Random(7);
        String alphabet = "abcdqxyz $\u00a3019\nPAYSENDMEpaysendme";
        for (int i = 0; i < 300; i++) {
            StringBuilder text = new StringBuilder("Subject: t\n\n");
            int length = random.nextInt(60);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String message = text.toString();
            assertThat(RuleEngineTest.scan(atStarts, message).score()).as("%s on '%s'", regex, message)
                .isEqualTo(RuleEngineTest.scan(everywhere, message).score());
        }
    }
}
