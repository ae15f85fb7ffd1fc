package org.cleanmail.core.scoring.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanmail.core.scoring.eval.Messages.message;

import java.util.List;

import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.rules.RuleSet;
import org.cleanmail.core.rules.sa.RuleLoadOptions;
import org.cleanmail.core.rules.sa.SpamAssassinRuleLoader;
import org.cleanmail.core.scoring.EvalFunctions;
import org.junit.jupiter.api.Test;

class StandardEvalFunctionsTest {
    private static final String RULES = String.join("\n",
        "freemail_domains freemail.example *.free.example",
        "freemail_welcomelist boss@freemail.example",
        "enlist_addrlist (BANKS) *@bank.example",
        "header FREEMAIL_FROM eval:check_freemail_from()",
        "header FROM_BANK eval:check_from_in_list('BANKS')",
        "header MISSING_HEADERS eval:check_for_missing_to_header()",
        "");

    @Test
    void namesShouldListEveryRegisteredFunction() {
        EvalFunctions functions = StandardEvalFunctions.create(FreemailDomains.none(), AddressLists.none());

        assertThat(StandardEvalFunctions.names()).isEqualTo(functions.names());
        assertThat(StandardEvalFunctions.names()).contains("check_for_missing_to_header", "check_for_shifted_date",
            "html_image_only", "check_freemail_from", "check_for_mime", "check_stock_info", "tvd_vertical_words");
        StandardEvalFunctions.names().forEach(name -> assertThat(functions.get(name)).as(name).isPresent());
    }

    @Test
    void forRulesShouldBeConfiguredByTheRuleFilesDirectives() {
        RuleSet rules = new SpamAssassinRuleLoader(RuleLoadOptions.builder()
            .implementedEvals(StandardEvalFunctions.names()).build()).loadText("test.cf", RULES);
        EvalFunctions functions = StandardEvalFunctions.forRules(rules);

        assertThat(rules.skipped()).isEmpty();
        assertThat(fires(functions, "check_freemail_from", message("From: joe@freemail.example", "", "x"))).isTrue();
        assertThat(fires(functions, "check_freemail_from", message("From: joe@mx.free.example", "", "x"))).isTrue();
        assertThat(fires(functions, "check_freemail_from", message("From: boss@freemail.example", "", "x"))).isFalse();
        assertThat(fires(functions, "check_from_in_list", message("From: alerts@bank.example", "", "x"), "BANKS"))
            .isTrue();
        assertThat(fires(functions, "check_from_in_list", message("From: alerts@bank.example", "", "x"), "GOV"))
            .isFalse();
    }

    @Test
    void withoutConfigurationFreemailAndListTestsShouldNeverFire() {
        EvalFunctions functions = StandardEvalFunctions.create(FreemailDomains.none(), AddressLists.none());
        MessageFeatures features = message("From: joe@hotmail.com", "Reply-To: jane@gmail.com", "", "x");

        assertThat(fires(functions, "check_freemail_from", features)).isFalse();
        assertThat(fires(functions, "check_freemail_replyto", features)).isFalse();
        assertThat(fires(functions, "check_from_in_list", features, "BANKS")).isFalse();
    }

    private static boolean fires(EvalFunctions functions, String name, MessageFeatures features, String... arguments) {
        return functions.get(name).orElseThrow().test(features, List.of(arguments));
    }
}
