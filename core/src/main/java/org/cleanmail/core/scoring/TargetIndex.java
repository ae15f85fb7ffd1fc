package org.cleanmail.core.scoring;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.cleanmail.core.prefilter.LiteralMatcher;
import org.cleanmail.core.prefilter.RegexLiteralExtractor;
import org.cleanmail.core.prefilter.RequiredLiterals;

/**
 * The prefilter of the pattern rules of one target (body, rawbody, full, uri, header):
 * the literals each rule needs, one {@link LiteralMatcher} over them all, and the rules
 * that have no usable literal and so always run. One pass of the matcher over a text
 * gives the rules that can match it. Building is linear in the number of rules and
 * literals. Immutable and thread-safe.
 */
final class TargetIndex {
    private static final int[] NO_RULES = new int[0];

    private final int[] alwaysRun;
    private final LiteralMatcher matcher;
    /** Rule indices by literal id. */
    private final int[][] rulesByLiteral;
    private final int filteredRules;

    private TargetIndex(int[] alwaysRun, LiteralMatcher matcher, int[][] rulesByLiteral, int filteredRules) {
        this.alwaysRun = alwaysRun;
        this.matcher = matcher;
        this.rulesByLiteral = rulesByLiteral;
        this.filteredRules = filteredRules;
    }

    /**
     * @param rules the target's pattern rules
     * @param filterable which of them may be skipped when none of their literals occurs
     */
    static TargetIndex of(List<CompiledRule> rules, Predicate<CompiledRule> filterable) {
        List<Integer> always = new ArrayList<>();
        Map<String, Integer> literalIds = new HashMap<>();
        List<List<Integer>> byLiteral = new ArrayList<>();
        int filtered = 0;
        for (CompiledRule rule : rules) {
            RequiredLiterals literals = filterable.test(rule) ? literalsOf(rule.pattern) : RequiredLiterals.none();
            if (!literals.usable()) {
                always.add(rule.index);
                continue;
            }
            filtered++;
            for (String literal : literals.anyOf()) {
                Integer id = literalIds.get(literal);
                if (id == null) {
                    id = byLiteral.size();
                    literalIds.put(literal, id);
                    byLiteral.add(new ArrayList<>(1));
                }
                byLiteral.get(id).add(rule.index);
            }
        }
        List<String> literalList = new ArrayList<>(literalIds.size());
        for (int i = 0; i < byLiteral.size(); i++) {
            literalList.add(null);
        }
        literalIds.forEach((literal, id) -> literalList.set(id, literal));
        int[][] rulesByLiteral = new int[byLiteral.size()][];
        for (int i = 0; i < rulesByLiteral.length; i++) {
            rulesByLiteral[i] = toArray(byLiteral.get(i));
        }
        LiteralMatcher matcher = literalList.isEmpty() ? null : LiteralMatcher.of(literalList);
        return new TargetIndex(toArray(always), matcher, rulesByLiteral, filtered);
    }

    private static RequiredLiterals literalsOf(Pattern pattern) {
        if (pattern == null) {
            return RequiredLiterals.none();
        }
        RequiredLiterals literals = RegexLiteralExtractor.requiredLiterals(pattern.pattern(),
            (pattern.flags() & Pattern.COMMENTS) != 0);
        for (String literal : literals.anyOf()) {
            if (literal.indexOf('\n') >= 0) {
                // a literal across a line end could span two of the texts we join
                return RequiredLiterals.none();
            }
        }
        return literals;
    }

    private static int[] toArray(List<Integer> values) {
        if (values.isEmpty()) {
            return NO_RULES;
        }
        int[] array = new int[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }

    /** Rules that run whatever the text. */
    int[] alwaysRun() {
        return alwaysRun;
    }

    /** Rules skipped unless one of their literals occurs. */
    int filteredRules() {
        return filteredRules;
    }

    int literalCount() {
        return matcher == null ? 0 : matcher.literalCount();
    }

    /** Marks in {@code candidates} the filtered rules one of whose literals occurs in the text. */
    void markCandidates(CharSequence text, BitSet candidates) {
        if (matcher == null || text.length() == 0) {
            return;
        }
        BitSet found = matcher.find(text);
        for (int id = found.nextSetBit(0); id >= 0; id = found.nextSetBit(id + 1)) {
            for (int rule : rulesByLiteral[id]) {
                candidates.set(rule);
            }
        }
    }
}
