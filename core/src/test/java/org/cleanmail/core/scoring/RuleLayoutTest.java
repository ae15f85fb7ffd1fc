package org.cleanmail.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.cleanmail.core.message.MessageParser;
import org.cleanmail.core.rules.RuleSet;
import org.cleanmail.core.rules.sa.RuleLoadOptions;
import org.cleanmail.core.rules.sa.SpamAssassinRuleLoader;
import org.cleanmail.core.scan.RawMessage;
import org.cleanmail.core.scan.ScanResult;
import org.cleanmail.core.scoring.eval.StandardEvalFunctions;
import org.junit.jupiter.api.Test;

class RuleLayoutTest {
    private static final String RULES = String.join("\n",
        "body RULE_A /alpha/", "score RULE_A 1",
        "body __RULE_B /beta/",
        "header RULE_C Subject =~ /gamma/", "score RULE_C 2",
        "body RULE_D /delta/", "score RULE_D 4",
        "meta RULE_E RULE_A && __RULE_B && RULE_D", "score RULE_E 8", "");
    private static final String MESSAGE = "Subject: gamma\r\n\r\nalpha beta delta\r\n";

    private static RuleSet rules(String text) {
        return new SpamAssassinRuleLoader(RuleLoadOptions.builder().build()).loadText("layout.cf", text);
    }

    private static ScanResult scan(CompiledRuleSet rules, String message) {
        return new RuleEngine(rules, MessageParser.defaultParser(), new RuleHitCounters())
            .scan(RawMessage.of(message.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void layoutShouldNumberItsRulesFirstInItsOrderAndTheOthersByName() {
        CompiledRuleSet laidOut = CompiledRuleSet.compile(rules(RULES), EvalFunctions.none(), ScoringOptions.defaults(),
            RuleLayout.first(List.of("RULE_E", "__RULE_B", "NO_SUCH_RULE", "RULE_C")));

        assertThat(laidOut.index("RULE_E")).contains(0);
        assertThat(laidOut.index("__RULE_B")).contains(1);
        assertThat(laidOut.index("RULE_C")).contains(2);
        assertThat(laidOut.index("RULE_A")).contains(3);
        assertThat(laidOut.index("RULE_D")).contains(4);
        assertThat(laidOut.layout().learned()).isTrue();
    }

    @Test
    void byNameShouldNumberTheRulesInTheOrderOfTheirNames() {
        CompiledRuleSet byName = CompiledRuleSet.compile(rules(RULES), EvalFunctions.none(), ScoringOptions.defaults());

        assertThat(byName.index("RULE_A")).contains(0);
        assertThat(byName.index("RULE_E")).contains(3);
        assertThat(byName.index("__RULE_B")).contains(4);
        assertThat(byName.layout().learned()).isFalse();
    }

    @Test
    void layoutShouldNotChangeTheHitsOrTheScore() {
        CompiledRuleSet byName = CompiledRuleSet.compile(rules(RULES), EvalFunctions.none(), ScoringOptions.defaults());
        CompiledRuleSet reversed = CompiledRuleSet.compile(rules(RULES), EvalFunctions.none(), ScoringOptions.defaults(),
            RuleLayout.first(List.of("RULE_E", "RULE_D", "RULE_C", "__RULE_B", "RULE_A")));

        ScanResult expected = scan(byName, MESSAGE);
        assertThat(expected.hitNames()).containsExactly("RULE_A", "RULE_C", "RULE_D", "RULE_E");
        assertThat(scan(reversed, MESSAGE).hitNames()).isEqualTo(expected.hitNames());
        assertThat(scan(reversed, MESSAGE).score()).isEqualTo(expected.score()).isEqualTo(15.0);
    }

    /** The stock rules and their evals, numbered in the reverse order of their names: each message scores the same. */
    @Test
    void reversedLayoutOfTheStockRulesShouldScoreTheCorpusSampleAlike() throws IOException {
        RuleSet stock = new SpamAssassinRuleLoader(RuleLoadOptions.builder().plugins(StockRules.DEBIAN_PLUGINS)
            .implementedEvals(StandardEvalFunctions.names()).build()).loadDirectory(StockRules.FOLDER);
        EvalFunctions evals = StandardEvalFunctions.forRules(stock);
        List<String> reversedNames = new ArrayList<>(stock.rules().keySet());
        Collections.reverse(reversedNames);
        CompiledRuleSet byName = CompiledRuleSet.compile(stock, evals, ScoringOptions.defaults());
        CompiledRuleSet reversed = CompiledRuleSet.compile(stock, evals, ScoringOptions.defaults(),
            RuleLayout.first(reversedNames));
        assertThat(reversed.index(reversedNames.get(0))).contains(0);

        List<Path> files = new ArrayList<>(StockRules.oddSample("ham", 60, 40));
        files.addAll(StockRules.oddSample("spam", 30, 40));
        int hits = 0;
        for (Path file : files) {
            String message = Files.readString(file, StandardCharsets.ISO_8859_1);
            ScanResult expected = scan(byName, message);
            ScanResult actual = scan(reversed, message);
            assertThat(actual.hitNames()).as(file.toString()).isEqualTo(expected.hitNames());
            assertThat(actual.score()).as(file.toString()).isEqualTo(expected.score());
            hits += expected.hitNames().size();
        }
        assertThat(hits).as("hits over the sample").isGreaterThan(files.size());
    }
}
