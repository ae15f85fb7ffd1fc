package org.cleanmail.core.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Which rules of one compiled rule set failed while scanning (work budget exceeded, stack
 * overflow, an eval that threw), how often, and which are disabled for that reason.
 * Thread-safe; checking a rule is one volatile read.
 */
final class RuleHealth {
    private final CompiledRuleSet rules;
    private final int strikesBeforeDisabling;
    private final AtomicIntegerArray strikes;
    private final AtomicReferenceArray<String> reasons;

    RuleHealth(CompiledRuleSet rules) {
        this.rules = rules;
        this.strikesBeforeDisabling = rules.options().strikesBeforeDisabling();
        this.strikes = new AtomicIntegerArray(rules.size());
        this.reasons = new AtomicReferenceArray<>(rules.size());
    }

    boolean disabled(int rule) {
        return strikes.get(rule) >= strikesBeforeDisabling;
    }

    /** Records a failure; returns true when it disables the rule. */
    boolean strike(int rule, String reason) {
        reasons.set(rule, reason);
        return strikes.incrementAndGet(rule) == strikesBeforeDisabling;
    }

    /** The rules that failed at least once, with the last reason and the failure count. */
    List<UnusedRule> failures() {
        List<UnusedRule> failures = new ArrayList<>();
        for (int i = 0; i < strikes.length(); i++) {
            int count = strikes.get(i);
            if (count > 0) {
                CompiledRule rule = rules.rule(i);
                String state = count >= strikesBeforeDisabling ? "disabled: " : "failed: ";
                failures.add(new UnusedRule(rule.name, rule.type.directive(), state + reasons.get(i),
                    rules.ruleSet().rule(rule.name).map(definition -> definition.source().toString()).orElse("?"),
                    count));
            }
        }
        return failures;
    }
}
