package org.cleanmail.core.scoring;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cleanmail.core.rules.RuleType;

/**
 * The rules whose matches are the same on every message: the same pattern (source and
 * flags) on the same texts (type, header selection and its {@code [if-unset]} text,
 * {@code nosubject}), counted up to the same maximum. A message's evaluation counts the
 * matches once per group and gives the count to each of its rules, as rspamd's regexp
 * cache does. Large rule sets repeat themselves: a rule copied under another name, a
 * sub-rule beside the scoring rule built on it, generated rules (the bench's 17,391
 * pattern rules hold 16,735 distinct ones). Only groups of two rules or more are
 * numbered. Immutable.
 */
final class SameMatches {
    private static final SameMatches NONE = new SameMatches(new int[0], 0);

    /** By rule index: its group, or -1 when no other rule matches alike. */
    private final int[] groupOf;
    private final int groups;

    private SameMatches(int[] groupOf, int groups) {
        this.groupOf = groupOf;
        this.groups = groups;
    }

    /** No groups: each rule counts its own matches. */
    static SameMatches none() {
        return NONE;
    }

    /** The groups of the rules (null entries are rules that do not run). */
    static SameMatches of(CompiledRule[] rules) {
        Map<List<Object>, Integer> first = new HashMap<>();
        int[] groupOf = new int[rules.length];
        Arrays.fill(groupOf, -1);
        int groups = 0;
        for (CompiledRule rule : rules) {
            List<Object> key = rule == null ? null : keyOf(rule);
            if (key == null) {
                continue;
            }
            Integer earlier = first.putIfAbsent(key, rule.index);
            if (earlier != null) {
                if (groupOf[earlier] < 0) {
                    groupOf[earlier] = groups++;
                }
                groupOf[rule.index] = groupOf[earlier];
            }
        }
        return new SameMatches(groupOf, groups);
    }

    /** The rule's group, or -1. */
    int groupOf(int index) {
        return index < groupOf.length ? groupOf[index] : -1;
    }

    int groups() {
        return groups;
    }

    /**
     * What a rule's count of matches depends on, for a header rule or a rule of a pattern
     * target; null for others (mimeheader rules match part by part).
     */
    private static List<Object> keyOf(CompiledRule rule) {
        if (rule.pattern == null || rule.type == RuleType.MIMEHEADER || rule.type == RuleType.META
            || rule.type == RuleType.HEADER && rule.selector < 0) {
            return null;
        }
        return Arrays.asList(rule.type, rule.selector, rule.ifUnset, rule.noSubject, rule.maxHits, rule.pattern.pattern(),
            rule.pattern.flags());
    }
}
