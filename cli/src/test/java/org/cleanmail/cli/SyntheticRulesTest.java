package org.cleanmail.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.cleanmail.core.message.MessageParser;
import org.cleanmail.core.rules.RuleDefinition;
import org.cleanmail.core.rules.RuleSet;
import org.cleanmail.core.rules.RuleType;
import org.cleanmail.core.rules.sa.RuleLoadOptions;
import org.cleanmail.core.rules.sa.SpamAssassinRuleLoader;
import org.cleanmail.core.scan.RawMessage;
import org.cleanmail.core.scan.ScanResult;
import org.cleanmail.core.scoring.CompiledRuleSet;
import org.cleanmail.core.scoring.EvalFunctions;
import org.cleanmail.core.scoring.RuleEngine;
import org.cleanmail.core.scoring.RuleHitCounters;
import org.cleanmail.core.scoring.ScoringOptions;
import org.junit.jupiter.api.Test;

class SyntheticRulesTest {
    private static final List<String> WORDS = List.of("offer", "money", "free", "click", "meeting", "report", "lottery",
        "winner", "account", "password", "credit", "mortgage", "viagra", "newsletter", "unsubscribe", "project",
        "deadline", "invoice", "shipping", "discount");

    private static RuleSet load(String text) {
        return new SpamAssassinRuleLoader(RuleLoadOptions.defaults()).loadText("synthetic.cf", text);
    }

    @Test
    void everyGeneratedRuleShouldLoadAndTranslate() {
        String text = new SyntheticRules(42, WORDS).generate(3000);

        RuleSet rules = load(text);

        assertThat(rules.skipped()).isEmpty();
        assertThat(rules.problems()).isEmpty();
        assertThat(rules.rules()).hasSize(3000);
        assertThat(rules.rules().keySet()).allMatch(name -> name.startsWith(SyntheticRules.PREFIX)
            || name.startsWith("__" + SyntheticRules.PREFIX));
        RuleEngine engine = new RuleEngine(CompiledRuleSet.compile(rules, EvalFunctions.none(), ScoringOptions.defaults()),
            MessageParser.defaultParser(), new RuleHitCounters());
        assertThat(engine.unusedRules()).isEmpty();
        assertThat(engine.ruleCount()).isEqualTo(3000);
    }

    @Test
    void theMixShouldHoldEveryRuleTypeOfRealRuleFiles() {
        RuleSet rules = load(new SyntheticRules(7, WORDS).generate(2000));

        Map<RuleType, Long> byType = rules.rules().values().stream()
            .collect(Collectors.groupingBy(RuleDefinition::type, Collectors.counting()));

        assertThat(byType.keySet()).contains(RuleType.BODY, RuleType.HEADER, RuleType.URI, RuleType.RAWBODY,
            RuleType.FULL, RuleType.META);
        assertThat(byType.get(RuleType.BODY)).isGreaterThan(byType.get(RuleType.META));
    }

    @Test
    void theSameSeedShouldGiveTheSameRulesAndAnotherSeedOthers() {
        String once = new SyntheticRules(1, WORDS).generate(500);

        assertThat(new SyntheticRules(1, WORDS).generate(500)).isEqualTo(once);
        assertThat(new SyntheticRules(2, WORDS).generate(500)).isNotEqualTo(once);
    }

    @Test
    void rulesDrawnFromTheMessagesWordsShouldFireOnThem() {
        byte[] message = ("From: a@example.com\nTo: b@example.com\nSubject: your lottery winner account\n\n"
            + "Click here for the free money offer and the mortgage discount, see http://offer.example.com/money.html\n")
            .getBytes(StandardCharsets.ISO_8859_1);
        List<String> vocabulary = Vocabulary.of(List.of(message, message, message), 100);
        RuleSet rules = load(new SyntheticRules(3, vocabulary).generate(500));
        RuleEngine engine = new RuleEngine(CompiledRuleSet.compile(rules, EvalFunctions.none(), ScoringOptions.defaults()),
            MessageParser.defaultParser(), new RuleHitCounters());

        ScanResult result = engine.scan(RawMessage.of(message));

        assertThat(vocabulary).contains("lottery", "winner", "money", "mortgage").doesNotContain("a", "to");
        assertThat(result.hitNames()).anyMatch(name -> name.startsWith(SyntheticRules.PREFIX));
    }

    @Test
    void aTinyVocabularyShouldBeRefused() {
        assertThatThrownBy(() -> new SyntheticRules(1, List.of("one", "two")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 10 words");
    }

    @Test
    void theVocabularyShouldLeaveOutRareWordsAndWordsInMostMessages() {
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String text = "common words everywhere " + (i < 3 ? "sometimes " : "") + (i == 0 ? "rarely" : "");
            messages.add(text.getBytes(StandardCharsets.ISO_8859_1));
        }

        assertThat(Vocabulary.of(messages, 10)).containsExactly("sometimes");
    }
}
