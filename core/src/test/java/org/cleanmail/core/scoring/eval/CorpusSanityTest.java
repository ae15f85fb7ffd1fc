package org.cleanmail.core.scoring.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.cleanmail.core.rules.RuleDefinition;
import org.cleanmail.core.rules.RuleSet;
import org.cleanmail.core.scoring.EvalFunctions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On the public corpus: how often each stock rule that calls one of these functions fires
 * on ham and spam, and how CleanMail's own rules do (the rates quoted in their comments).
 * Prints both tables; asserts only gross sanity.
 */
class CorpusSanityTest {
    private static final Logger LOGGER = Logger.getLogger(CorpusSanityTest.class.getName());

    private static CorpusRates rates;
    private static RuleSet cleanMailRules;

    @BeforeAll
    static void measure() throws IOException {
        Path corpus = CorpusRates.corpusFolder()
            .orElseThrow(() -> new AssertionError("corpus not found: set -Dcleanmail.corpus"));
        RuleSet stock = StandardEvalFunctionsStockRulesTest.loadStockRules();
        EvalFunctions functions = StandardEvalFunctions.forRules(stock);
        List<RuleDefinition> evalRules = stock.rules().values().stream()
            .filter(rule -> rule.eval().isPresent())
            .filter(rule -> StandardEvalFunctions.names().contains(rule.eval().get().function()))
            .collect(Collectors.toList());
        cleanMailRules = CleanMailRuleFiles.load();
        LOGGER.info(() -> "CleanMail rules skipped: " + cleanMailRules.skipped() + ", problems: "
            + cleanMailRules.problems());
        List<RuleDefinition> all = new ArrayList<>(evalRules);
        all.addAll(cleanMailRules.rules().values());
        rates = new CorpusRates(corpus, functions).run(all);
        LOGGER.info(() -> "Fire rates on the corpus (stock eval rules, then CleanMail's rules):\n" + rates.table()
            + rates.evalTimes());
    }

    @Test
    void noStockEvalRuleShouldFireOnAllHam() {
        for (String rule : rates.counts().keySet()) {
            if (cleanMailRules.rule(rule).isPresent()) {
                continue;
            }
            assertThat(rates.rate(rule, false, null)).as(rule).isLessThan(0.99);
        }
    }

    @Test
    void spamSignsShouldFireMoreOnSpamThanOnHam() {
        for (String rule : List.of("MIME_HTML_ONLY", "HTML_MESSAGE", "HTML_IMAGE_RATIO_02", "FREEMAIL_FROM")) {
            assertThat(rates.rate(rule, true, null)).as(rule)
                .isGreaterThan(rates.rate(rule, false, null));
        }
    }

    @Test
    void cleanMailRulesShouldStayNearZeroOnOddHam() {
        for (String rule : cleanMailRules.rules().keySet()) {
            // BAYES_* read the Bayes filter, which has learnt nothing here.
            if (!rule.startsWith("__") && !rule.equals("GTUBE") && !rule.startsWith("BAYES_")) {
                assertThat(rates.rate(rule, false, false)).as("%s on odd ham", rule).isLessThan(0.01);
                assertThat(rates.rate(rule, true, false)).as("%s on odd spam", rule)
                    .isGreaterThan(rates.rate(rule, false, false));
            }
        }
    }
}
