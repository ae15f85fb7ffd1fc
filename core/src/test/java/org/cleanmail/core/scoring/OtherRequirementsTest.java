package org.cleanmail.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.cleanmail.core.scan.ScanResult;
import org.junit.jupiter.api.Test;

/** A rule filtered by one literal runs only when its pattern's other required literals occur too. */
class OtherRequirementsTest {
    private static final String RULES = "header R ALL =~ /^Received:[^\\n]*\\b(?:cheap|free)\\b/mi\n"
        + "body B /\\bdear\\s[^\\n]{0,40}\\bwinner\\b/i\n";
    private static final String HEADERS = "Received: from a.example by b.example; Mon, 1 Jan 2024 00:00:00 +0000\n"
        + "Subject: hello\n";

    @Test
    void ruleShouldNotRunWhenAnotherRequiredLiteralIsMissing() {
        RuleEngine engine = RuleEngineTest.engine(RULES);

        long before = engine.regexRuns();
        ScanResult result = RuleEngineTest.scan(engine, HEADERS + "\nDear friend, hello.\n");

        assertThat(result.hitNames()).isEmpty();
        assertThat(engine.regexRuns() - before).isZero();
    }

    @Test
    void ruleShouldNotRunOnATextThatLacksAnotherRequiredLiteral() {
        RuleEngine engine = RuleEngineTest.engine(RULES);

        long before = engine.regexRuns();
        ScanResult result = RuleEngineTest.scan(engine, HEADERS + "\nDear friend, hello.\n\nYou are a winner.\n");

        assertThat(result.hitNames()).isEmpty();
        assertThat(engine.regexRuns() - before).as("each paragraph lacks one of the rule's literals").isZero();
    }

    @Test
    void ruleShouldRunAndHitWhenEveryRequirementIsMet() {
        RuleEngine engine = RuleEngineTest.engine(RULES);

        ScanResult result = RuleEngineTest.scan(engine,
            HEADERS.replace("by b.example", "by free.example") + "\nDear friend, you are a winner.\n");

        assertThat(result.hitNames()).containsExactlyInAnyOrder("R", "B");
    }

    @Test
    void requirementsElsewhereInTheHeadersShouldStillNotMatch() {
        RuleEngine engine = RuleEngineTest.engine(RULES);

        ScanResult result = RuleEngineTest.scan(engine, HEADERS.replace("hello", "free stuff") + "\nhi\n");

        assertThat(result.hitNames()).isEmpty();
    }
}
