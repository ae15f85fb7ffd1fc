package org.cleanmail.core.scoring.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.cleanmail.core.message.MessageParser;
import org.cleanmail.core.rules.RuleSet;
import org.cleanmail.core.rules.SkipCategory;
import org.cleanmail.core.rules.sa.RuleLoadOptions;
import org.cleanmail.core.rules.sa.SpamAssassinRuleLoader;
import org.cleanmail.core.scoring.EvalFunctions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Loads the stock SpamAssassin rules without and with these functions, and prints which
 * eval functions are still missing, by the number of rules waiting for them.
 */
class StandardEvalFunctionsStockRulesTest {
    private static final Logger LOGGER = Logger.getLogger(StandardEvalFunctionsStockRulesTest.class.getName());
    static final Set<String> DEBIAN_PLUGINS = Set.of("URIDNSBL", "SPF", "Rule2XSBody", "Pyzor", "Razor2",
        "SpamCop", "AutoLearnThreshold", "WelcomeListSubject", "MIMEHeader", "ReplaceTags", "DKIM", "Check",
        "HTTPSMismatch", "URIDetail", "Bayes", "BodyEval", "DNSEval", "HTMLEval", "HeaderEval", "MIMEEval",
        "RelayEval", "URIEval", "WLBLEval", "VBounce", "ImageInfo", "FreeMail", "AskDNS", "HashBL", "DMARC");
    static final Path STOCK_RULES = Path.of(System.getProperty("cleanmail.sa.rules", "/usr/share/spamassassin"));

    /** The stock rules as Debian's SpamAssassin loads them, with these functions implemented. */
    static RuleSet loadStockRules() {
        return new SpamAssassinRuleLoader(RuleLoadOptions.builder().plugins(DEBIAN_PLUGINS)
            .implementedEvals(StandardEvalFunctions.names()).build()).loadDirectory(STOCK_RULES);
    }

    private static RuleSet before;
    private static RuleSet after;

    @BeforeAll
    static void load() {
        assertThat(Files.isDirectory(STOCK_RULES)).as("stock rules in %s", STOCK_RULES).isTrue();
        before = new SpamAssassinRuleLoader(RuleLoadOptions.builder().plugins(DEBIAN_PLUGINS).build())
            .loadDirectory(STOCK_RULES);
        after = loadStockRules();
        LOGGER.info(() -> "Stock rules without CleanMail's eval functions:\n" + before.summary()
            + "\nwith them:\n" + after.summary()
            + "\nrules loaded: " + before.summary().totalLoaded() + " -> " + after.summary().totalLoaded()
            + "\neval functions still missing (rules waiting):\n" + sortedByRules(after.missingEvalFunctions()));
    }

    private static String sortedByRules(Map<String, Integer> missing) {
        return missing.entrySet().stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
            .map(entry -> String.format("%5d %s", entry.getValue(), entry.getKey()))
            .collect(Collectors.joining("\n"));
    }

    @Test
    void implementedFunctionsShouldNoLongerBeMissing() {
        assertThat(after.missingEvalFunctions().keySet()).doesNotContainAnyElementsOf(StandardEvalFunctions.names());
        assertThat(before.missingEvalFunctions().keySet()).contains("check_for_missing_to_header", "html_image_only",
            "check_for_shifted_date", "check_freemail_from");
    }

    @Test
    void implementedFunctionsShouldMakeMoreStockRulesLoadable() {
        assertThat(after.summary().totalLoaded()).isGreaterThan(before.summary().totalLoaded() + 100);
        assertThat(after.summary().totalSkipped(SkipCategory.EVAL_NOT_IMPLEMENTED))
            .isLessThan(before.summary().totalSkipped(SkipCategory.EVAL_NOT_IMPLEMENTED) / 2);
    }

    @Test
    void stockFreemailDomainsShouldBeRead() {
        FreemailDomains domains = StandardEvalFunctions.freemailDomains(after);

        assertThat(domains.isFreemail("someone@hotmail.com")).isTrue();
        assertThat(domains.isFreemail("someone@yahoo.co.uk")).isTrue();
        assertThat(domains.isFreemail("someone@apache.org")).isFalse();
    }

    @Test
    void everyStockEvalCallShouldRunOnAMessageWithoutThrowing() {
        EvalFunctions functions = StandardEvalFunctions.forRules(after);
        var features = MessageParser.defaultParser().parse(
            "From: a@hotmail.com\nSubject: hi\nContent-Type: text/html\n\n<html><title>t</title><img src=x></html>"
                .getBytes(StandardCharsets.US_ASCII));
        long calls = after.rules().values().stream()
            .filter(rule -> rule.eval().isPresent())
            .peek(rule -> functions.get(rule.eval().get().function())
                .ifPresent(function -> function.test(features, rule.eval().get().arguments())))
            .count();
        assertThat(calls).isPositive();
    }
}
