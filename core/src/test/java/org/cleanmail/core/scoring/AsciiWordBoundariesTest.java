package org.cleanmail.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Java's own word boundaries on ASCII texts, Perl's byte semantics elsewhere: the same hits either way. */
class AsciiWordBoundariesTest {
    private static final String RULES = "body CAF /\\bcaf\\b/\nbody WORDS /\\b(?:ab|cd)\\B\\w/\ntflags WORDS multiple\n";

    @Test
    void boundaryBeforeAUtf8ByteShouldMatchAsInPerl() {
        RuleEngine engine = RuleEngineTest.engine(RULES);

        // "café" in UTF-8: to Perl the byte after "caf" is not a word character
        assertThat(RuleEngineTest.scan(engine, "Subject: t\nContent-Type: text/plain; charset=utf-8\n\ncaf\u00e9 au lait\n")
            .hitNames()).contains("CAF");
        assertThat(RuleEngineTest.scan(engine, "Subject: t\n\na caf here\n").hitNames()).contains("CAF");
        assertThat(RuleEngineTest.scan(engine, "Subject: t\n\na cafe here\n").hitNames()).doesNotContain("CAF");
    }

    @Test
    void asciiVariantShouldCountLikeTheTranslation() {
        RuleEngine fast = RuleEngineTest.engine(RULES, EvalFunctions.none(), ScoringOptions.defaults());
        RuleEngine faithful = RuleEngineTest.engine(RULES, EvalFunctions.none(),
            ScoringOptions.builder().asciiVariants(false).build());
        Random random = new Random(13);
        String[] tokens = {"ab", "cd", "caf", " ", "_", "x", "\u00e9", "\u00c3", "1", "-", "abc", "cdx"};
        int hits = 0;
        for (int i = 0; i < 500; i++) {
            StringBuilder body = new StringBuilder();
            for (int j = random.nextInt(20); j > 0; j--) {
                body.append(tokens[random.nextInt(tokens.length)]);
            }
            String message = "Subject: t\nContent-Type: text/plain; charset=utf-8\n\n" + body + "\n";
            double score = RuleEngineTest.scan(faithful, message).score();
            hits += score != 0 ? 1 : 0;
            assertThat(RuleEngineTest.scan(fast, message).score()).as(message).isEqualTo(score);
        }
        assertThat(hits).isPositive();
    }
}
