package org.cleanmail.core.scan;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Runs every rule of a fixed list over the message and sums the hits. */
public final class RuleListScanner implements MessageScanner {
    private final List<Rule> rules;

    public RuleListScanner(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    @Override
    public ScanResult scan(RawMessage message) {
        List<RuleHit> hits = rules.stream()
            .map(rule -> rule.evaluate(message))
            .flatMap(Optional::stream)
            .collect(Collectors.toList());
        return new ScanResult(hits, message.truncated());
    }

    @Override
    public int ruleCount() {
        return rules.size();
    }
}
