package org.cleanmail.core.rules.sa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.cleanmail.core.rules.HeaderSpec;
import org.cleanmail.core.rules.LoadSummary;
import org.cleanmail.core.rules.OtherDirective;
import org.cleanmail.core.rules.RuleDefinition;
import org.cleanmail.core.rules.RuleSet;
import org.cleanmail.core.rules.RuleType;
import org.cleanmail.core.rules.SkipCategory;
import org.cleanmail.core.rules.regex.PerlRegex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Loads the stock SpamAssassin rules as installed by the {@code spamassassin} package.
 * CI installs the package: a missing folder is a failure, not a skip.
 */
class StockSpamAssassinRulesTest {
    private static final Logger LOGGER = Logger.getLogger(StockSpamAssassinRulesTest.class.getName());
    private static final Path STOCK_RULES = Path.of(System.getProperty("cleanmail.sa.rules", "/usr/share/spamassassin"));
    /** The plugins Debian's spamassassin package loads (/etc/spamassassin/*.pre). */
    private static final Set<String> DEBIAN_PLUGINS = Set.of("URIDNSBL", "SPF", "Rule2XSBody", "Pyzor", "Razor2",
        "SpamCop", "AutoLearnThreshold", "WelcomeListSubject", "MIMEHeader", "ReplaceTags", "DKIM", "Check",
        "HTTPSMismatch", "URIDetail", "Bayes", "BodyEval", "DNSEval", "HTMLEval", "HeaderEval", "MIMEEval",
        "RelayEval", "URIEval", "WLBLEval", "VBounce", "ImageInfo", "FreeMail", "AskDNS", "HashBL", "DMARC");
    private static final Set<RuleType> CHECKED_TYPES =
        EnumSet.of(RuleType.HEADER, RuleType.BODY, RuleType.RAWBODY, RuleType.URI, RuleType.FULL, RuleType.META);
    private static final Set<SkipCategory> TRANSLATION_FAILURES = EnumSet.of(SkipCategory.UNTRANSLATABLE_REGEX,
        SkipCategory.INVALID_DEFINITION, SkipCategory.INVALID_META, SkipCategory.META_CYCLE);

    private static RuleSet rules;

    @BeforeAll
    static void loadStockRules() {
        assertThat(Files.isDirectory(STOCK_RULES))
            .as("stock SpamAssassin rules expected in %s: install them with 'apt-get install spamassassin' "
                + "or point -Dcleanmail.sa.rules at a rules folder", STOCK_RULES)
            .isTrue();
        long start = System.nanoTime();
        rules = new SpamAssassinRuleLoader(RuleLoadOptions.builder().plugins(DEBIAN_PLUGINS).build())
            .loadDirectory(STOCK_RULES);
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOGGER.info(() -> "Loaded and compiled the stock rules of " + STOCK_RULES + " in " + millis + " ms\n"
            + rules.summary() + "\nmetas reading unknown or unusable rules: "
            + rules.metaPlan().unknownReferences().size() + "\neval functions to implement (rules waiting): "
            + rules.missingEvalFunctions());
        LOGGER.info(() -> "Not translated:\n" + rules.skipped().stream()
            .filter(rule -> TRANSLATION_FAILURES.contains(rule.category()))
            .map(Object::toString)
            .collect(Collectors.joining("\n")));
    }

    @Test
    void atLeastNinetyFivePercentOfNonEvalRulesShouldLoad() {
        LoadSummary summary = rules.summary();
        for (RuleType type : CHECKED_TYPES) {
            int loaded = summary.loaded(type);
            int failed = TRANSLATION_FAILURES.stream().mapToInt(category -> summary.skipped(type, category)).sum();
            assertThat(loaded + failed).as("%s rules defined", type).isPositive();
            assertThat((double) loaded / (loaded + failed))
                .as("share of %s rules loaded; failures: %s", type, rules.skipped().stream()
                    .filter(rule -> rule.type() == type && TRANSLATION_FAILURES.contains(rule.category()))
                    .map(Object::toString).collect(Collectors.toList()))
                .isGreaterThanOrEqualTo(0.95);
        }
    }

    @Test
    void wellKnownRulesShouldBeLoadedWithTheirAttributes() {
        assertThat(rules.rule("GTUBE")).hasValueSatisfying(gtube -> {
            assertThat(gtube.type()).isEqualTo(RuleType.BODY);
            assertThat(gtube.score().primary()).isEqualTo(1000.0);
            assertThat(gtube.pattern().orElseThrow().pattern().matcher(
                "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X").find()).isTrue();
        });
        assertThat(rules.rule("__HAS_MSGID")).hasValueSatisfying(rule -> assertThat(rule.isSubRule()).isTrue());
    }

    /** The rule files ship {@code test NAME ok|fail text} lines: SpamAssassin's own regression tests. */
    @Test
    void regressionTestsShippedWithTheRulesShouldPass() {
        List<String> failures = new ArrayList<>();
        int run = 0;
        for (OtherDirective test : rules.otherDirectives("test")) {
            String[] parts = test.value().split("\\s+", 3);
            Optional<RuleDefinition> rule = rules.rule(parts[0]);
            Optional<PerlRegex> pattern = rule.flatMap(RuleDefinition::pattern);
            if (parts.length < 3 || pattern.isEmpty()) {
                continue;
            }
            run++;
            boolean negated = rule.get().header().map(HeaderSpec::negated).orElse(false);
            boolean fires = pattern.get().pattern().matcher(parts[2]).find() != negated;
            if (fires != "ok".equals(parts[1])) {
                failures.add(test.location() + ": " + test.value() + " with " + pattern.get().javaSource());
            }
        }
        int testsRun = run;
        LOGGER.info(() -> testsRun + " of the rule files' own regression tests run");
        assertThat(run).as("regression tests run").isGreaterThan(20);
        assertThat(failures).as("failed regression tests").isEmpty();
    }

    @Test
    void metaPlanShouldHaveNoCycle() {
        assertThat(rules.metaPlan().cycles()).isEmpty();
        assertThat(rules.metaPlan().order()).hasSize(rules.summary().loaded(RuleType.META));
    }
}
