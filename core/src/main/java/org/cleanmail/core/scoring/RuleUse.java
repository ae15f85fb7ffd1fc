package org.cleanmail.core.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which rules a compiled rule set's first messages ran, and how many of them ran each: what
 * a {@link RuleLayout} puts first. Counting stops after {@code messages} messages; then
 * {@link #layout} orders the rules that ran, the most run first. Thread-safe: evaluations on
 * any thread {@link #add} the rules they ran.
 */
final class RuleUse {
    private final int messages;
    private final AtomicIntegerArray runs;
    private final AtomicLong counted = new AtomicLong();
    private volatile boolean counting;

    /** Counts over the first {@code messages} messages; none: never counts. */
    RuleUse(int rules, int messages) {
        this.messages = messages;
        this.runs = new AtomicIntegerArray(messages > 0 ? rules : 0);
        this.counting = messages > 0;
    }

    /** Nothing counted: for a rule set already laid out. */
    static RuleUse none() {
        return new RuleUse(0, 0);
    }

    /** Whether messages are still counted: an evaluation notes the rules it runs only then. */
    boolean counting() {
        return counting;
    }

    /**
     * Adds the rules one message ran ({@code rules[0..count)}; one listed twice counts
     * twice); returns true for the message that completes the count. Messages beyond it are
     * not counted.
     */
    boolean add(int[] rules, int count) {
        if (!counting) {
            return false;
        }
        long number = counted.incrementAndGet();
        if (number > messages) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            runs.incrementAndGet(rules[i]);
        }
        if (number == messages) {
            counting = false;
            return true;
        }
        return false;
    }

    /** Whether all the messages were counted. */
    boolean complete() {
        return messages > 0 && counted.get() >= messages;
    }

    /** When a message evaluates the rule: header, mimeheader, body, rawbody, uri and full rules in turn, then evals, then metas. */
    private static int phase(CompiledRule rule) {
        if (rule.eval != null) {
            return 7;
        }
        if (rule.meta != null) {
            return 8;
        }
        return rule.type.ordinal();
    }

    /**
     * The rules that ran, in the order a message evaluates them (header rules first, metas
     * last: those it reads one after the other lie together), the most run first within
     * each (ties in rule order): the layout to compile with.
     * Read once complete, while the last messages' counts may still be adding: an order, not a census.
     */
    RuleLayout layout(CompiledRuleSet rules) {
        List<Integer> ran = new ArrayList<>();
        for (int index = 0; index < runs.length(); index++) {
            if (runs.get(index) > 0 && rules.rule(index) != null) {
                ran.add(index);
            }
        }
        ran.sort(Comparator.comparingInt((Integer index) -> phase(rules.rule(index)))
            .thenComparingInt(index -> -runs.get(index)).thenComparingInt(index -> index));
        List<String> names = new ArrayList<>(ran.size());
        for (int index : ran) {
            names.add(rules.rule(index).name);
        }
        return RuleLayout.first(names);
    }
}
