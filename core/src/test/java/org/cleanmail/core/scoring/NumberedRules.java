package org.cleanmail.core.scoring;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.cleanmail.core.rules.RuleSet;
import org.cleanmail.core.rules.sa.RuleLoadOptions;
import org.cleanmail.core.rules.sa.SpamAssassinRuleLoader;

/** Rule sets of numbered body rules for tests: {@code RULE_i} matches {@code word<i>} and scores 1. */
final class NumberedRules {
    private NumberedRules() {
    }

    /** {@code RULE_0} to {@code RULE_<count - 1>}. */
    static RuleSet of(int count) {
        String text = IntStream.range(0, count).mapToObj(i -> "body RULE_" + i + " /word" + i + "/\nscore RULE_" + i + " 1\n")
            .collect(Collectors.joining());
        return new SpamAssassinRuleLoader(RuleLoadOptions.builder().build()).loadText("numbered.cf", text);
    }

    /** The index of a rule of the compiled set. */
    static int index(CompiledRuleSet rules, String name) {
        return rules.index(name).orElseThrow();
    }
}
