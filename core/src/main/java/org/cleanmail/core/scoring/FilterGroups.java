package org.cleanmail.core.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.cleanmail.core.rules.RuleType;
import org.cleanmail.core.rules.regex.RegularSuperset;

/**
 * The {@link RegularFilter}s of a target's rules (body, rawbody, uri, full) in groups of a
 * few, each group with one filter of all its patterns together: a text the group's filter
 * rejects holds no match of any of them, so one pass over it answers for the whole group,
 * and a rule's own filter passes over the text only where the group's let it through. Most
 * filters reject most texts, so most texts are passed over once per group instead of once
 * per rule. A group's filter is built whole ({@link RegularFilter#MAX_STATES}); a group
 * whose filter would be larger is split in two, down to single rules, which keep their own
 * filter only. Immutable and thread-safe.
 */
final class FilterGroups {
    /** At most this many rules' patterns in one group's filter. */
    static final int GROUP_SIZE = 64;
    private static final FilterGroups NONE = new FilterGroups(new int[0], new RegularFilter[RuleType.values().length][]);

    /** By rule index: its group's number within its target, or -1. */
    private final int[] groupOf;
    /** By {@link RuleType#ordinal()}: the target's group filters, or null for none. */
    private final RegularFilter[][] byTarget;

    private FilterGroups(int[] groupOf, RegularFilter[][] byTarget) {
        this.groupOf = groupOf;
        this.byTarget = byTarget;
    }

    /** No groups: each rule passes its own filter over each text. */
    static FilterGroups none() {
        return NONE;
    }

    /**
     * The groups of the rules with filters of each target but the header ones, in rule order,
     * each group's filter built from the patterns {@code patternOf} gives (the rules' own, or
     * their ASCII variants' for texts of ASCII characters only); only rules whose filter is
     * built whole are grouped.
     */
    static FilterGroups of(CompiledRule[] rules, RegularFilter[] filters, Function<CompiledRule, Pattern> patternOf,
                           RegularSuperset reader) {
        int[] groupOf = new int[rules.length];
        Arrays.fill(groupOf, -1);
        RegularFilter[][] byTarget = new RegularFilter[RuleType.values().length][];
        for (RuleType type : List.of(RuleType.BODY, RuleType.RAWBODY, RuleType.URI, RuleType.FULL)) {
            List<CompiledRule> filtered = new ArrayList<>();
            for (CompiledRule rule : rules) {
                if (rule != null && rule.type == type && filters[rule.index] != null && filters[rule.index].whole()) {
                    filtered.add(rule);
                }
            }
            List<List<CompiledRule>> candidates = new ArrayList<>();
            for (int from = 0; from < filtered.size(); from += GROUP_SIZE) {
                candidates.add(filtered.subList(from, Math.min(filtered.size(), from + GROUP_SIZE)));
            }
            // each group's automaton on its own, on every core
            List<Group> groups = candidates.parallelStream().flatMap(group -> built(group, patternOf, reader).stream())
                .collect(Collectors.toList());
            byTarget[type.ordinal()] = new RegularFilter[groups.size()];
            for (int g = 0; g < groups.size(); g++) {
                byTarget[type.ordinal()][g] = groups.get(g).filter;
                for (CompiledRule rule : groups.get(g).rules) {
                    groupOf[rule.index] = g;
                }
            }
        }
        return new FilterGroups(groupOf, byTarget);
    }

    /** The group's filter, or the filters of its halves when it would be too large; none for a single rule. */
    private static List<Group> built(List<CompiledRule> rules, Function<CompiledRule, Pattern> patternOf,
                                     RegularSuperset reader) {
        if (rules.size() < 2) {
            return List.of();
        }
        List<Pattern> patterns = rules.stream().map(patternOf).collect(Collectors.toList());
        return RegularFilter.ofAny(patterns, reader).map(filter -> List.of(new Group(rules, filter))).orElseGet(() -> {
            List<Group> halves = new ArrayList<>(built(rules.subList(0, rules.size() / 2), patternOf, reader));
            halves.addAll(built(rules.subList(rules.size() / 2, rules.size()), patternOf, reader));
            return halves;
        });
    }

    /** The rule's group within its target, or -1 when it has none. */
    int groupOf(int ruleIndex) {
        return ruleIndex < groupOf.length ? groupOf[ruleIndex] : -1;
    }

    /** The number of groups of a target. */
    int groups(RuleType type) {
        RegularFilter[] groups = byTarget[type.ordinal()];
        return groups == null ? 0 : groups.length;
    }

    /** The filter of a group of a target. */
    RegularFilter filter(RuleType type, int group) {
        return byTarget[type.ordinal()][group];
    }

    private static final class Group {
        final List<CompiledRule> rules;
        final RegularFilter filter;

        Group(List<CompiledRule> rules, RegularFilter filter) {
            this.rules = rules;
            this.filter = filter;
        }
    }
}
