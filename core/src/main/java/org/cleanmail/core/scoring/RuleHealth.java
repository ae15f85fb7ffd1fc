package org.cleanmail.core.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Which rules of one compiled rule set failed while scanning (work budget exceeded, stack
 * overflow, an eval that threw), how often, and which are disabled for that reason. A rule
 * is disabled when it fails on {@link ScoringOptions#strikesBeforeDisabling()} messages
 * among {@link ScoringOptions#strikeWindow()} consecutive ones: a pattern that backtracks
 * catastrophically on ordinary mail fails on message after message and goes at once, a
 * legitimately costly one that blows its budget on a rare huge message stays. Either way the
 * message that failed is scored without the rule. Thread-safe; checking a rule is one
 * volatile read of a bit (a bit per rule: the few kilobytes stay in the cache, where an int
 * per rule was a cache line of its own for each rule a message runs), recording a failure
 * (rare) takes a lock.
 */
final class RuleHealth {
    private static final long NONE = Long.MIN_VALUE;

    private final CompiledRuleSet rules;
    private final int strikesBeforeDisabling;
    private final long window;
    private final AtomicLong messages = new AtomicLong();
    private final AtomicIntegerArray strikes;
    /** A bit per rule, set when it is disabled. */
    private final AtomicLongArray disabled;
    private final AtomicReferenceArray<String> reasons;
    /** By rule, the numbers of the messages of its last failures, oldest first; guarded by this. */
    private final long[][] recentStrikes;

    RuleHealth(CompiledRuleSet rules) {
        this.rules = rules;
        this.strikesBeforeDisabling = rules.options().strikesBeforeDisabling();
        this.window = rules.options().strikeWindow();
        this.strikes = new AtomicIntegerArray(rules.size());
        this.disabled = new AtomicLongArray((rules.size() + Long.SIZE - 1) / Long.SIZE);
        this.reasons = new AtomicReferenceArray<>(rules.size());
        this.recentStrikes = new long[rules.size()][];
    }

    /** Numbers a new message (1, 2, ...): the clock of the strike window. */
    long messageStarted() {
        return messages.incrementAndGet();
    }

    boolean disabled(int rule) {
        return (disabled.get(rule >>> 6) & 1L << rule) != 0;
    }

    /**
     * Records a failure of a rule on a message (once per message); returns true when it
     * disables the rule.
     */
    synchronized boolean strike(int rule, String reason, long message) {
        reasons.set(rule, reason);
        long[] recent = recentStrikes[rule];
        if (recent == null) {
            recent = new long[strikesBeforeDisabling];
            Arrays.fill(recent, NONE);
            recentStrikes[rule] = recent;
        }
        if (recent[recent.length - 1] == message) {
            return false;
        }
        strikes.incrementAndGet(rule);
        System.arraycopy(recent, 1, recent, 0, recent.length - 1);
        recent[recent.length - 1] = message;
        if (recent[0] != NONE && message - recent[0] < window && !disabled(rule)) {
            disabled.getAndAccumulate(rule >>> 6, 1L << rule, (bits, bit) -> bits | bit);
            return true;
        }
        return false;
    }

    /** The rules that failed at least once, with the last reason and the number of messages they failed on. */
    List<UnusedRule> failures() {
        List<UnusedRule> failures = new ArrayList<>();
        for (int i = 0; i < strikes.length(); i++) {
            int count = strikes.get(i);
            if (count > 0) {
                CompiledRule rule = rules.rule(i);
                String state = disabled(i)
                    ? "disabled (failed on " + strikesBeforeDisabling + " of " + window + " consecutive messages): "
                    : "failed, still enabled (disabled after " + strikesBeforeDisabling + " failures within " + window
                        + " messages): ";
                failures.add(new UnusedRule(rule.name, rule.type.directive(), state + reasons.get(i),
                    rules.ruleSet().rule(rule.name).map(definition -> definition.source().toString()).orElse("?"),
                    count));
            }
        }
        return failures;
    }
}
