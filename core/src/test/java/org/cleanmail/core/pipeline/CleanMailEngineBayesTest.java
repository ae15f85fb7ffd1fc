package org.cleanmail.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

import org.cleanmail.core.fingerprint.FingerprintSource;
import org.cleanmail.core.scan.RawMessage;
import org.cleanmail.core.scan.RuleHit;
import org.cleanmail.core.scan.ScanResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's Bayes filter: learnt through the engine, read by the shipped BAYES_* rules, kept across restarts. */
class CleanMailEngineBayesTest {
    private static final BayesOptions ANSWERS_AFTER_THREE = new BayesOptions(true, 3, 3,
        BayesOptions.DEFAULT_MAXIMUM_TOKENS, BayesOptions.DEFAULT_HAM_LEARN_THRESHOLD);

    @TempDir
    Path state;

    private static RawMessage message(String subject, String body) {
        return RawMessage.of(("From: someone@example.com\r\nTo: you@example.org\r\nSubject: " + subject
            + "\r\n\r\n" + body + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static RawMessage spam(int n) {
        return message("Cheap pills offer " + (1000 + n), "Buy cheap viagra pills online now, discount pharmacy offer number "
            + (1000 + n));
    }

    private static RawMessage ham(int n) {
        return message("Minutes of meeting " + (1000 + n), "Attached are the minutes of the project meeting, agenda item "
            + (1000 + n)
            + " about the release schedule and the budget review");
    }

    private CleanMailEngine open(BayesOptions options) throws IOException {
        return CleanMailEngine.open(state, RulesOptions.shippedOnly(state.resolve("rules")), FingerprintOptions.disabled(),
            options, Clock.systemUTC());
    }

    private static void teach(CleanMailEngine engine, int count) {
        for (int i = 0; i < count; i++) {
            engine.learnSpam(engine.parse(spam(i)), FingerprintSource.ADMIN);
            engine.learnHam(engine.parse(ham(i)), FingerprintSource.ADMIN);
        }
    }

    private static boolean hit(ScanResult result, String rule) {
        return result.hits().stream().map(RuleHit::name).anyMatch(rule::equals);
    }

    @Test
    void rulesShouldScoreWithSetZeroUntilTheFilterAnswersThenWithSetTwo() throws IOException {
        try (CleanMailEngine engine = open(ANSWERS_AFTER_THREE)) {
            teach(engine, 2);
            assertThat(engine.rules().scoreSet()).isZero();
            assertThat(engine.scanner().scan(spam(99)).hits()).noneMatch(hit -> hit.name().startsWith("BAYES_"));

            teach(engine, 3);
            assertThat(engine.rules().scoreSet()).isEqualTo(2);
            ScanResult spam = engine.scanner().scan(spam(99));
            ScanResult ham = engine.scanner().scan(ham(99));
            assertThat(hit(spam, "BAYES_99")).isTrue();
            assertThat(spam.score()).isGreaterThanOrEqualTo(3.8);
            assertThat(hit(ham, "BAYES_00")).isTrue();
            assertThat(ham.score()).isNegative();
        }
    }

    @Test
    void whatWasLearntShouldSurviveARestart() throws IOException {
        try (CleanMailEngine engine = open(ANSWERS_AFTER_THREE)) {
            teach(engine, 4);
        }
        try (CleanMailEngine engine = open(ANSWERS_AFTER_THREE)) {
            assertThat(engine.bayes().orElseThrow().statistics().spamMessages()).isEqualTo(4);
            assertThat(engine.rules().scoreSet()).isEqualTo(2);
            assertThat(hit(engine.scanner().scan(spam(42)), "BAYES_99")).isTrue();
        }
    }

    @Test
    void aDisabledFilterShouldLearnNothingAndLeaveTheScoreSetAlone() throws IOException {
        try (CleanMailEngine engine = open(BayesOptions.disabled())) {
            teach(engine, 5);
            assertThat(engine.bayes()).isEmpty();
            assertThat(engine.rules().scoreSet()).isZero();
            assertThat(engine.rules().unusedRules()).anyMatch(rule -> rule.name().equals("BAYES_99"));
        }
    }
}
