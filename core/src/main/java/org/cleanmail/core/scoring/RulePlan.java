package org.cleanmail.core.scoring;

/**
 * What a search for one rule's matches reads, gathered in one object: its anchors, start
 * characters, literal strings, regular filters and their groups, its group of rules that
 * match alike, and the literals of its target that it reads. The same facts are in the rule
 * set's arrays by rule index ({@link CompiledRuleSet#anchor} and the others); a message runs
 * a few hundred of some twenty thousand rules, and each array read for a rule is a cache
 * line of its own, out of the cache at every message, where this object is one or two.
 * Immutable.
 */
final class RulePlan {
    /** Where a match can start, or null ({@link CompiledRuleSet#anchor}). */
    final AnchorSearch anchor;
    /** The ASCII variant's anchor, or null ({@link CompiledRuleSet#asciiAnchor}). */
    final AnchorSearch asciiAnchor;
    /** The characters a match can start with, or null ({@link CompiledRuleSet#startChars}). */
    final long[] startChars;
    /** Whether it is tried at line starts only ({@link CompiledRuleSet#lineStartsOnly}). */
    final boolean lineStartsOnly;
    /** The rule as literal strings, or null ({@link CompiledRuleSet#literalPattern}). */
    final LiteralPattern literalPattern;
    /** Its filter of any text, or null ({@link CompiledRuleSet#regularFilter(int, boolean)}). */
    final RegularFilter filter;
    /** Its filter of a text of ASCII characters only, or null. */
    final RegularFilter asciiFilter;
    /** Its filter's group among any texts' groups, or -1 ({@link FilterGroups#groupOf}). */
    final int group;
    /** Its filter's group among the ASCII texts' groups, or -1. */
    final int asciiGroup;
    /** Its bit in its group's answers (0 without a group). */
    final long groupBit;
    /** Its bit in its ASCII group's answers (0 without a group). */
    final long asciiGroupBit;
    /** Its group of rules that match alike, or -1 ({@link SameMatches#groupOf}). */
    final int sameMatches;
    /** The literals of its target it reads, or null ({@link TargetIndex#literalsOf}). */
    final int[] literals;
    /** The occurrences a text needs before it is searched ({@link TargetIndex#minOccurrences}). */
    final int minOccurrences;

    private RulePlan(CompiledRuleSet rules, int index, TargetIndex target) {
        this.anchor = rules.anchor(index);
        this.asciiAnchor = rules.asciiAnchor(index);
        this.startChars = rules.startChars(index);
        this.lineStartsOnly = rules.lineStartsOnly(index);
        this.literalPattern = rules.literalPattern(index);
        this.filter = rules.regularFilter(index, false);
        this.asciiFilter = rules.regularFilter(index, true);
        FilterGroups groups = rules.filterGroups(false);
        FilterGroups asciiGroups = rules.filterGroups(true);
        this.group = groups.groupOf(index);
        this.asciiGroup = asciiGroups.groupOf(index);
        this.groupBit = group >= 0 ? groups.bit(index) : 0;
        this.asciiGroupBit = asciiGroup >= 0 ? asciiGroups.bit(index) : 0;
        this.sameMatches = rules.sameMatches().groupOf(index);
        this.literals = target == null ? null : target.literalsOf(index);
        this.minOccurrences = target == null ? 1 : target.minOccurrences(index);
    }

    /** The plan of a rule with a pattern, whose texts are scanned with {@code target}'s literals (null for none). */
    static RulePlan of(CompiledRuleSet rules, CompiledRule rule, TargetIndex target) {
        return new RulePlan(rules, rule.index, target);
    }

    /** Its filter of a text, of ASCII characters only or not; null for a rule without one. */
    RegularFilter filter(boolean asciiText) {
        return asciiText ? asciiFilter : filter;
    }

    /** Its filter's group among the texts' groups, of ASCII characters only or not; -1 for none. */
    int group(boolean asciiText) {
        return asciiText ? asciiGroup : group;
    }

    /** Its bit in its group's answers, of ASCII characters only or not. */
    long groupBit(boolean asciiText) {
        return asciiText ? asciiGroupBit : groupBit;
    }
}
