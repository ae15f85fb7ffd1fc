package org.cleanmail.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The rules that are a few case-insensitive words between boundaries (header rules too), decided from the boundary kinds of their words' occurrences by one pass over
 * the words that occur ({@link TargetIndex#decideByKinds}), not each as a candidate.
 */
class DecidedByKindsTest {
    private static final String RULES = String.join("\n",
        "body FREE_WORD /\\bfree\\b/i",
        "body __CHEAP_WORDS /\\b(?:cheap|discount)\\b/i",
        "meta CHEAP_META __CHEAP_WORDS",
        "body FREE_PREFIX /\\bfree/i",
        "rawbody RAW_PILLS /\\bpills\\b/i",
        "uri URI_SHOP /\\bshop\\b/i",
        "full FULL_OFFER /\\boffer\\b/i",
        "body NOSUBJ_FREE /\\bfree\\b/i",
        "tflags NOSUBJ_FREE nosubject",
        "header SUBJ_FREE Subject =~ /\\bfree\\b/i",
        "header NOT_SUBJ_FREE Subject !~ /\\bfree\\b/i",
        "header __FROM_EXAMPLE From =~ /\\bexample\\b/i",
        "meta FROM_META __FROM_EXAMPLE",
        "");

    private static String message(String subject, String body) {
        return "From: a@example.com\nTo: b@example.com\nSubject: " + subject + "\n\n" + body + "\n";
    }

    @Test
    void wordsShouldHitOnlyBetweenBoundaries() {
        RuleEngine engine = RuleEngineTest.engine(RULES);

        assertThat(RuleEngineTest.scan(engine, message("hello", "Get it FREE, cheap pills at http://x.example/shop now"))
            .hitNames()).containsExactlyInAnyOrder("FREE_WORD", "CHEAP_META", "FREE_PREFIX", "RAW_PILLS", "URI_SHOP",
                "NOSUBJ_FREE", "NOT_SUBJ_FREE", "FROM_META");
        assertThat(RuleEngineTest.scan(engine, message("hello", "freedom for the carefree cheapskate; pillsbury offers"))
            .hitNames()).containsExactlyInAnyOrder("FREE_PREFIX", "NOT_SUBJ_FREE", "FROM_META");
    }

    @Test
    void noSubjectRuleShouldStillSkipTheSubject() {
        RuleEngine engine = RuleEngineTest.engine(RULES);

        assertThat(RuleEngineTest.scan(engine, message("free offer", "nothing here")).hitNames())
            .containsExactlyInAnyOrder("FREE_WORD", "FREE_PREFIX", "FULL_OFFER", "SUBJ_FREE", "FROM_META");
    }

    /** With and without boundary kinds, the same hits on seeded random messages. */
    @Test
    void hitsShouldBeThoseOfTheWordsReadWhereTheyOccur() {
        RuleEngine decided = RuleEngineTest.engine(RULES);
        RuleEngine read = RuleEngineTest.engine(RULES, EvalFunctions.none(),
            ScoringOptions.builder().boundaryKinds(false).build());
        String[] tokens = {"free", "FREE", "Free", "cheap", "discount", "pills", "offer", "shop", "dom", "care", "x",
            " ", " ", "\n", "\n\n", "-", "_", "1", ".", "http://a.example/", "<b>", "\u00e9", "\u00fcber"};
        Random random = new Random(7);
        int hits = 0;
        for (int i = 0; i < 500; i++) {
            StringBuilder subject = new StringBuilder();
            StringBuilder body = new StringBuilder();
            for (int j = random.nextInt(4); j > 0; j--) {
                subject.append(tokens[random.nextInt(tokens.length - 5)]);
            }
            for (int j = random.nextInt(40); j > 0; j--) {
                body.append(tokens[random.nextInt(tokens.length)]);
            }
            String message = message(subject.toString().replace('\n', ' '), body.toString());
            var expected = RuleEngineTest.scan(read, message).hitNames();
            hits += expected.size();
            assertThat(RuleEngineTest.scan(decided, message).hitNames()).as(message).isEqualTo(expected);
        }
        assertThat(hits).isGreaterThan(500);
    }
}
