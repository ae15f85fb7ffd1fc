package org.cleanmail.core.scoring;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.cleanmail.core.fingerprint.MeasurementLog;
import org.cleanmail.core.message.MessageParser;
import org.cleanmail.core.rules.RuleDefinition;
import org.cleanmail.core.rules.RuleSet;
import org.cleanmail.core.rules.SkipCategory;
import org.cleanmail.core.rules.SkippedRule;
import org.cleanmail.core.rules.meta.MetaExpression;
import org.cleanmail.core.rules.sa.RuleLoadOptions;
import org.cleanmail.core.rules.sa.SpamAssassinRuleLoader;
import org.cleanmail.core.scan.RawMessage;
import org.cleanmail.core.scoring.eval.StandardEvalFunctions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Agreement with SpamAssassin on the corpus: runs odd-numbered ham and spam messages
 * through {@code spamd -L} (stock rules, no Bayes, no network; see {@link SpamdProcess})
 * and through a {@link RuleEngine} with the same rules and CleanMail's Java eval functions,
 * and compares the rules hit, over the rules both engines evaluate (the rules our engine
 * runs, evals, mimeheader and relay rules included: eval rules without a Java
 * implementation are left out). Agreement is |hit by both| / |hit by either| over
 * (message, rule) pairs; also given without the metas that read a rule we do not run
 * (their inputs differ by construction), and per rule type. Prints the top disagreeing
 * rules. Asserts nothing. Run with
 * {@code mvn -B -o -q -pl core verify -Dcleanmail.measure=true -Dtest=SpamAssassinAgreementMeasurement}
 * ({@code -Dcleanmail.agreement.messages=300} sets the sample size); figures in
 * {@code core/target/measurements/spamassassin-agreement.txt}.
 */
@EnabledIfSystemProperty(named = "cleanmail.measure", matches = "true")
class SpamAssassinAgreementMeasurement {
    private static final Set<SkipCategory> MISSING_HERE = EnumSet.of(SkipCategory.EVAL_NOT_IMPLEMENTED,
        SkipCategory.UNTRANSLATABLE_REGEX, SkipCategory.INVALID_DEFINITION, SkipCategory.INVALID_META,
        SkipCategory.META_CYCLE);

    @Test
    void measureAgreementWithSpamAssassin() throws Exception {
        assumeThat(SpamdProcess.installed()).as("spamd and spamc installed").isTrue();
        int messages = Integer.getInteger("cleanmail.agreement.messages", 300);
        RuleSet ruleSet = new SpamAssassinRuleLoader(RuleLoadOptions.builder().plugins(StockRules.DEBIAN_PLUGINS)
            .implementedEvals(StandardEvalFunctions.names()).build()).loadDirectory(StockRules.FOLDER);
        EvalFunctions evals = StandardEvalFunctions.forRules(ruleSet);
        CompiledRuleSet compiled = CompiledRuleSet.compile(ruleSet, evals, ScoringOptions.defaults());
        RuleEngine engine = new RuleEngine(compiled, MessageParser.defaultParser(), new RuleHitCounters());
        Set<String> incompleteMetas = metasReadingMissingRules(ruleSet, compiled);

        List<Path> files = new ArrayList<>(StockRules.oddSample("ham", 7, messages / 2));
        files.addAll(StockRules.oddSample("spam", 3, messages - messages / 2));
        Map<String, int[]> byRule = new TreeMap<>();
        Map<String, int[]> byType = new TreeMap<>();
        long both = 0;
        long either = 0;
        long bothComplete = 0;
        long eitherComplete = 0;
        long saOnlyNotRun = 0;
        long saNanos = 0;
        try (SpamdProcess spamd = SpamdProcess.start()) {
            for (Path file : files) {
                byte[] bytes = Files.readAllBytes(file);
                long start = System.nanoTime();
                Set<String> sa = new HashSet<>(spamd.hits(bytes));
                saNanos += System.nanoTime() - start;
                Set<String> ours = new HashSet<>(engine.scan(RawMessage.of(bytes)).hitNames());
                for (String rule : sa) {
                    if (!compiled.runs(rule)) {
                        saOnlyNotRun++;
                    }
                }
                sa.removeIf(rule -> !compiled.runs(rule));
                Set<String> union = new HashSet<>(sa);
                union.addAll(ours);
                for (String rule : union) {
                    boolean inBoth = sa.contains(rule) && ours.contains(rule);
                    either++;
                    both += inBoth ? 1 : 0;
                    if (!incompleteMetas.contains(rule)) {
                        eitherComplete++;
                        bothComplete += inBoth ? 1 : 0;
                    }
                    int[] counts = byRule.computeIfAbsent(rule, name -> new int[3]);
                    counts[inBoth ? 0 : sa.contains(rule) ? 1 : 2]++;
                    int[] typeCounts = byType.computeIfAbsent(typeOf(ruleSet, rule), name -> new int[3]);
                    typeCounts[inBoth ? 0 : sa.contains(rule) ? 1 : 2]++;
                }
            }
        }
        MeasurementLog log = new MeasurementLog("spamassassin-agreement");
        log.line("%d messages (odd-numbered ham and spam), SpamAssassin %s: %.0f ms per message (spamc, one child)",
            files.size(), "4 spamd -L, no Bayes", saNanos / 1e6 / files.size());
        log.line("rules we run: %d; SpamAssassin hits on rules we do not run (left out): %d", engine.ruleCount(),
            saOnlyNotRun);
        log.line("agreement over (message, rule) hit pairs: %d both / %d either = %.1f%%", both, either,
            100.0 * both / Math.max(1, either));
        log.line("without the %d metas that read a rule we do not run: %d / %d = %.1f%%", incompleteMetas.size(),
            bothComplete, eitherComplete, 100.0 * bothComplete / Math.max(1, eitherComplete));
        log.line("by rule type (both, SpamAssassin only, CleanMail only, agreement):");
        byType.forEach((type, counts) -> log.line("  %-10s %5d %5d %5d %6.1f%%", type, counts[0], counts[1], counts[2],
            100.0 * counts[0] / Math.max(1, counts[0] + counts[1] + counts[2])));
        log.line("top disagreeing rules (both, SpamAssassin only, CleanMail only):");
        byRule.entrySet().stream()
            .filter(entry -> entry.getValue()[1] + entry.getValue()[2] > 0)
            .sorted((a, b) -> Integer.compare(b.getValue()[1] + b.getValue()[2], a.getValue()[1] + a.getValue()[2]))
            .limit(40)
            .forEach(entry -> log.line("  %-28s %4d %4d %4d%s %s", entry.getKey(), entry.getValue()[0],
                entry.getValue()[1], entry.getValue()[2], incompleteMetas.contains(entry.getKey()) ? " (incomplete)" : "",
                ruleSet.rule(entry.getKey()).map(rule -> rule.type().directive() + " " + abbreviate(rule.definition()))
                    .orElse("")));
    }

    /** The directive of a rule, {@code eval} for eval rules of any target. */
    private static String typeOf(RuleSet ruleSet, String name) {
        return ruleSet.rule(name).map(rule -> rule.eval().isPresent() ? "eval" : rule.type().directive()).orElse("?");
    }

    private static String abbreviate(String text) {
        return text.length() > 110 ? text.substring(0, 110) + "..." : text;
    }

    /** Metas that read, directly or through other metas, a rule SpamAssassin runs and we do not. */
    private static Set<String> metasReadingMissingRules(RuleSet ruleSet, CompiledRuleSet compiled) {
        Set<String> missing = new HashSet<>();
        for (SkippedRule skipped : ruleSet.skipped()) {
            if (MISSING_HERE.contains(skipped.category())) {
                missing.add(skipped.name());
            }
        }
        for (RuleDefinition rule : ruleSet.rules().values()) {
            if (rule.enabled() && !compiled.runs(rule.name())) {
                missing.add(rule.name());
            }
        }
        Map<String, Set<String>> readers = new TreeMap<>();
        for (RuleDefinition rule : ruleSet.rules().values()) {
            for (String reference : rule.meta().map(MetaExpression::references).orElse(Set.of())) {
                readers.computeIfAbsent(reference, name -> new HashSet<>()).add(rule.name());
            }
        }
        Set<String> incomplete = new HashSet<>();
        Deque<String> work = new ArrayDeque<>(missing);
        while (!work.isEmpty()) {
            for (String reader : readers.getOrDefault(work.pop(), Set.of())) {
                if (incomplete.add(reader)) {
                    work.push(reader);
                }
            }
        }
        return incomplete.stream().collect(Collectors.toSet());
    }
}
