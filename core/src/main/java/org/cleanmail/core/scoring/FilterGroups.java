package org.cleanmail.core.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.cleanmail.core.rules.RuleType;
import org.cleanmail.core.rules.regex.RegularSuperset;

/**
 * The {@link RegularFilter}s of a target's rules (header, body, rawbody, uri, full) in
 * groups of a few (a header rule with those of the same header selection, but one that
 * reads a text of its own where the field is absent, {@code [if-unset: ...]}), each group
 * with one automaton of all its patterns together ({@link GroupTable}): one
 * pass over a text tells which of the group's patterns it may hold a match of, each as its
 * own filter would, so a text is passed over once per group instead of once per rule. A
 * group's table is built whole ({@link RegularFilter#MAX_STATES}); a group whose table would
 * be larger is split in two, down to single rules, which keep their own filter only.
 * Immutable and thread-safe.
 */
final class FilterGroups {
    /**
     * At most this many rules' patterns in one group's table: 63, so that a group's answer
     * and a "known" mark fit in a long ({@link MessageEvaluation}).
     */
    static final int GROUP_SIZE = GroupTable.MAX_PATTERNS - 1;
    private static final FilterGroups NONE = new FilterGroups(new int[0], new int[0],
        new GroupTable[RuleType.values().length][], new int[RuleType.values().length][]);

    /** By rule index: its group's number within its target, or -1. */
    private final int[] groupOf;
    /** By rule index: its pattern's number in its group's table. */
    private final int[] placeInGroup;
    /** By {@link RuleType#ordinal()}: the target's group tables, or null for none. */
    private final GroupTable[][] byTarget;
    /** By {@link RuleType#ordinal()}, by group: the text its rules read (a header group's selector; 0 for other targets). */
    private final int[][] textOf;

    private FilterGroups(int[] groupOf, int[] placeInGroup, GroupTable[][] byTarget, int[][] textOf) {
        this.groupOf = groupOf;
        this.placeInGroup = placeInGroup;
        this.byTarget = byTarget;
        this.textOf = textOf;
    }

    /** No groups: each rule passes its own filter over each text. */
    static FilterGroups none() {
        return NONE;
    }

    /**
     * The groups of the rules with filters of each target, in rule order (header rules by selection),
     * each group's table built from the patterns {@code patternOf} gives (the rules' own, or
     * their ASCII variants' for texts of ASCII characters only: those of {@code filters});
     * only rules whose filter is built whole are grouped.
     */
    static FilterGroups of(CompiledRule[] rules, RegularFilter[] filters, Function<CompiledRule, Pattern> patternOf,
                           RegularSuperset reader) {
        int[] groupOf = new int[rules.length];
        int[] placeInGroup = new int[rules.length];
        Arrays.fill(groupOf, -1);
        GroupTable[][] byTarget = new GroupTable[RuleType.values().length][];
        int[][] textOf = new int[RuleType.values().length][];
        for (RuleType type : List.of(RuleType.HEADER, RuleType.BODY, RuleType.RAWBODY, RuleType.URI, RuleType.FULL)) {
            // header rules by selection, each group's rules reading the same text
            Map<Integer, List<CompiledRule>> filtered = new TreeMap<>();
            for (CompiledRule rule : rules) {
                if (rule != null && rule.type == type && filters[rule.index] != null && filters[rule.index].whole()
                    && (type != RuleType.HEADER || rule.ifUnset == null)) {
                    filtered.computeIfAbsent(type == RuleType.HEADER ? rule.selector : 0, key -> new ArrayList<>()).add(rule);
                }
            }
            List<List<CompiledRule>> candidates = new ArrayList<>();
            for (List<CompiledRule> together : filtered.values()) {
                for (int from = 0; from < together.size(); from += GROUP_SIZE) {
                    candidates.add(together.subList(from, Math.min(together.size(), from + GROUP_SIZE)));
                }
            }
            // each group's automaton on its own, on every core
            List<Group> groups = candidates.parallelStream().flatMap(group -> built(group, patternOf, reader).stream())
                .collect(Collectors.toList());
            byTarget[type.ordinal()] = new GroupTable[groups.size()];
            textOf[type.ordinal()] = new int[groups.size()];
            for (int g = 0; g < groups.size(); g++) {
                byTarget[type.ordinal()][g] = groups.get(g).table;
                textOf[type.ordinal()][g] = type == RuleType.HEADER ? groups.get(g).rules.get(0).selector : 0;
                List<CompiledRule> members = groups.get(g).rules;
                for (int place = 0; place < members.size(); place++) {
                    groupOf[members.get(place).index] = g;
                    placeInGroup[members.get(place).index] = place;
                }
            }
        }
        return new FilterGroups(groupOf, placeInGroup, byTarget, textOf);
    }

    /** The group's table, or the tables of its halves when it would be too large; none for a single rule. */
    private static List<Group> built(List<CompiledRule> rules, Function<CompiledRule, Pattern> patternOf,
                                     RegularSuperset reader) {
        if (rules.size() < 2) {
            return List.of();
        }
        List<Pattern> patterns = rules.stream().map(patternOf).collect(Collectors.toList());
        return GroupTable.of(patterns, reader, RegularFilter.MAX_STATES, RegularFilter.MAX_WORK)
            .map(table -> List.of(new Group(rules, table))).orElseGet(() -> {
            List<Group> halves = new ArrayList<>(built(rules.subList(0, rules.size() / 2), patternOf, reader));
            halves.addAll(built(rules.subList(rules.size() / 2, rules.size()), patternOf, reader));
            return halves;
        });
    }

    /** The rule's group within its target, or -1 when it has none. */
    int groupOf(int ruleIndex) {
        return ruleIndex < groupOf.length ? groupOf[ruleIndex] : -1;
    }

    /** The rule's bit in its group's answers ({@link GroupTable#mayMatch}); only for a rule with a group. */
    long bit(int ruleIndex) {
        return 1L << placeInGroup[ruleIndex];
    }

    /** The number of groups of a target. */
    int groups(RuleType type) {
        GroupTable[] groups = byTarget[type.ordinal()];
        return groups == null ? 0 : groups.length;
    }

    /**
     * Whether two groups of a target read the same texts: a header group reads its rules'
     * selection; the other targets' groups all read all the target's texts.
     */
    boolean sameTexts(RuleType type, int group, int other) {
        return textOf[type.ordinal()][group] == textOf[type.ordinal()][other];
    }

    /** The table of a group of a target. */
    GroupTable table(RuleType type, int group) {
        return byTarget[type.ordinal()][group];
    }

    private static final class Group {
        final List<CompiledRule> rules;
        final GroupTable table;

        Group(List<CompiledRule> rules, GroupTable table) {
            this.rules = rules;
            this.table = table;
        }
    }
}
