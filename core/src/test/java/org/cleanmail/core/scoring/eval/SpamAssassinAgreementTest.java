package org.cleanmail.core.scoring.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.message.MessageParser;
import org.cleanmail.core.rules.RuleDefinition;
import org.cleanmail.core.rules.RuleSet;
import org.cleanmail.core.scoring.EvalFunctions;
import org.junit.jupiter.api.Test;

/**
 * Compares the stock eval rules implemented here with SpamAssassin's own verdicts. Needs a
 * file of SpamAssassin hits, one line per corpus message: {@code ham/00001.eml<TAB>RULE,RULE},
 * given as {@code -Dcleanmail.sa.hits=PATH}; skipped without it. Make it with the
 * {@code spamassassin-hits.py} script next to this test in the test resources, e.g.
 * {@code python3 spamassassin-hits.py ../shared/corpus/spamassassin-public 4 /tmp/sa-hits.tsv}.
 */
class SpamAssassinAgreementTest {
    private static final Logger LOGGER = Logger.getLogger(SpamAssassinAgreementTest.class.getName());

    @Test
    void implementedRulesShouldMostlyFireWhereSpamAssassinsFire() throws IOException {
        String hitsFile = System.getProperty("cleanmail.sa.hits");
        assumeTrue(hitsFile != null && Files.isReadable(Path.of(hitsFile)), "no -Dcleanmail.sa.hits file");
        Path corpus = CorpusRates.corpusFolder().orElseThrow(() -> new AssertionError("corpus not found"));
        RuleSet stock = StandardEvalFunctionsStockRulesTest.loadStockRules();
        EvalFunctions functions = StandardEvalFunctions.forRules(stock);
        List<RuleDefinition> rules = stock.rules().values().stream()
            .filter(rule -> !rule.isSubRule() && rule.enabled(0) && rule.eval().isPresent())
            .filter(rule -> StandardEvalFunctions.names().contains(rule.eval().get().function()))
            .collect(Collectors.toList());

        Map<String, int[]> byRule = new TreeMap<>();
        Map<String, List<String>> examples = new TreeMap<>();
        for (String line : Files.readAllLines(Path.of(hitsFile))) {
            String[] columns = line.split("\t", -1);
            Set<String> saHits = Set.of(columns.length > 1 ? columns[1].split(",") : new String[0]);
            MessageFeatures features = MessageParser.defaultParser().parse(Files.readAllBytes(corpus.resolve(columns[0])));
            for (RuleDefinition rule : rules) {
                boolean ours = functions.get(rule.eval().get().function()).orElseThrow()
                    .test(features, rule.eval().get().arguments());
                boolean theirs = saHits.contains(rule.name());
                int[] counts = byRule.computeIfAbsent(rule.name(), name -> new int[3]);
                if (ours && theirs) {
                    counts[0]++;
                } else if (theirs || ours) {
                    counts[theirs ? 1 : 2]++;
                    List<String> files = examples.computeIfAbsent(rule.name(), name -> new ArrayList<>());
                    if (files.size() < 3) {
                        files.add((theirs ? "-" : "+") + columns[0]);
                    }
                }
            }
        }
        int both = byRule.values().stream().mapToInt(c -> c[0]).sum();
        int either = byRule.values().stream().mapToInt(c -> c[0] + c[1] + c[2]).sum();
        LOGGER.info(() -> String.format("Agreement with SpamAssassin on (message, rule) hit pairs: %d of %d (%.1f%%)%n"
            + "rule: both / SpamAssassin only / CleanMail only, examples (- SpamAssassin only, + CleanMail only)%n%s", both, either, 100.0 * both / Math.max(1, either),
            byRule.entrySet().stream().filter(entry -> entry.getValue()[0] + entry.getValue()[1] + entry.getValue()[2] > 0)
                .map(entry -> String.format("%-28s %5d %5d %5d  %s", entry.getKey(), entry.getValue()[0],
                    entry.getValue()[1], entry.getValue()[2], examples.getOrDefault(entry.getKey(), List.of())))
                .collect(Collectors.joining("\n"))));
        assertThat((double) both / Math.max(1, either)).isGreaterThan(0.8);
    }
}
