package org.cleanmail.core.rules.sa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionEvaluatorTest {
    private final ConditionEvaluator evaluator = new ConditionEvaluator(RuleLoadOptions.builder()
        .plugins(Set.of("HeaderEval", "DMARC", "WelcomeListSubject"))
        .implementedEvals(Set.of("check_body_length"))
        .build());

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "plugin(Mail::SpamAssassin::Plugin::HeaderEval);true",
        "plugin(Mail::SpamAssassin::Plugin::DCC);false",
        "!plugin(Mail::SpamAssassin::Plugin::DCC);true",
        "plugin(Mail::SpamAssassin::Plugin::Dmarc);true",
        "plugin(Mail::SpamAssassin::Plugin::WhiteListSubject);true",
        "(version >= 3.004000);true",
        "(version >= 4.000001);true",
        "(version > 4.000001);false",
        "!((version >= 3.004000));false",
        "version >= 3.003000 && plugin(Mail::SpamAssassin::Plugin::HeaderEval);true",
        "can(Mail::SpamAssassin::Conf::feature_bug6558_free);true",
        "!(can(Mail::SpamAssassin::Conf::feature_bug6558_free));false",
        "can(Mail::SpamAssassin::Conf::feature_capture_rules);false",
        "can(Mail::SpamAssassin::Plugin::BodyEval::has_check_body_length);true",
        "can(Mail::SpamAssassin::Plugin::DKIM::has_arc);false",
        "perl_version >= 5.010000;true",
        "local_tests_only;false",
        "!local_tests_only;true",
    })
    void evaluateShouldDecideKnownConditionsSilently(String condition, boolean expected) {
        ConditionEvaluator.Outcome outcome = evaluator.evaluate(condition);
        assertThat(outcome.value).isEqualTo(expected);
        assertThat(outcome.note).isEmpty();
    }

    @Test
    void unknownCapabilityShouldBeFalseWithNote() {
        ConditionEvaluator.Outcome outcome = evaluator.evaluate("can(Mail::SpamAssassin::Conf::feature_tomorrow)");
        assertThat(outcome.value).isFalse();
        assertThat(outcome.note).hasValueSatisfying(note -> assertThat(note).contains("feature_tomorrow"));
    }

    @Test
    void unknownTermShouldBeFalseWithNote() {
        ConditionEvaluator.Outcome outcome = evaluator.evaluate("flux_capacitor > 1");
        assertThat(outcome.value).isFalse();
        assertThat(outcome.note).hasValueSatisfying(note -> assertThat(note).contains("flux_capacitor"));
    }

    @Test
    void malformedConditionShouldBeFalseWithNote() {
        ConditionEvaluator.Outcome outcome = evaluator.evaluate("(version >= ");
        assertThat(outcome.value).isFalse();
        assertThat(outcome.note).hasValueSatisfying(note -> assertThat(note).startsWith("cannot parse condition"));
    }
}
