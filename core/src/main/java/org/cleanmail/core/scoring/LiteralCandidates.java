package org.cleanmail.core.scoring;

import java.util.BitSet;

/**
 * By literal id: the rules an occurrence of the literal makes candidates, each followed by
 * its other requirements ({@link OtherRequirements}) where it has some, in one array per
 * literal. A body pass finds a few hundred literals, each naming up to hundreds of rules;
 * reading each rule's requirements here, beside the rule, instead of from a table by rule
 * index spares two scattered reads per rule (of 22,000 with the bench's rules). Each entry
 * is {@code rule << 1}, or {@code rule << 1 | 1} followed by the number of sets, then each
 * set's size and literal ids, one of which must occur. Immutable.
 */
final class LiteralCandidates {
    private static final int[] NONE = new int[0];

    private final int[][] byLiteral;

    private LiteralCandidates(int[][] byLiteral) {
        this.byLiteral = byLiteral;
    }

    /**
     * @param rulesByLiteral the rules each literal makes candidates
     * @param requirements by rule index: its other requirements, sets of literal ids; null
     *     entries (or a null array) for none
     */
    static LiteralCandidates of(int[][] rulesByLiteral, int[][][] requirements) {
        int[][] byLiteral = new int[rulesByLiteral.length][];
        for (int literal = 0; literal < byLiteral.length; literal++) {
            int[] rules = rulesByLiteral[literal];
            if (rules.length == 0) {
                byLiteral[literal] = NONE;
                continue;
            }
            int size = 0;
            for (int rule : rules) {
                size += 1 + requirementsSize(requirements == null ? null : requirements[rule]);
            }
            int[] entries = new int[size];
            int at = 0;
            for (int rule : rules) {
                int[][] sets = requirements == null ? null : requirements[rule];
                if (sets == null) {
                    entries[at++] = rule << 1;
                    continue;
                }
                entries[at++] = rule << 1 | 1;
                entries[at++] = sets.length;
                for (int[] set : sets) {
                    entries[at++] = set.length;
                    System.arraycopy(set, 0, entries, at, set.length);
                    at += set.length;
                }
            }
            byLiteral[literal] = entries;
        }
        return new LiteralCandidates(byLiteral);
    }

    private static int requirementsSize(int[][] sets) {
        if (sets == null) {
            return 0;
        }
        int size = 1;
        for (int[] set : sets) {
            size += 1 + set.length;
        }
        return size;
    }

    /** Marks in {@code candidates} the rules of the occurring literals whose other requirements are met. */
    void mark(LiteralOccurrences occurrences, BitSet candidates) {
        for (int i = 0, n = occurrences.occurringCount(); i < n; i++) {
            int[] entries = byLiteral[occurrences.occurring(i)];
            int at = 0;
            while (at < entries.length) {
                int entry = entries[at++];
                int rule = entry >>> 1;
                if ((entry & 1) == 0) {
                    candidates.set(rule);
                    continue;
                }
                int end = skip(entries, at);
                if (!candidates.get(rule) && OtherRequirements.met(entries, at, occurrences, -1)) {
                    candidates.set(rule);
                }
                at = end;
            }
        }
    }

    /** Where the requirements starting at {@code at} end. */
    private static int skip(int[] entries, int at) {
        int count = entries[at++];
        for (int set = 0; set < count; set++) {
            at += 1 + entries[at];
        }
        return at;
    }

    /**
     * Marks in {@code candidates} every rule of the literal, its requirements unread: for a
     * pass that does not record where literals occur (a target without requirements).
     */
    void markAll(int literal, BitSet candidates) {
        int[] entries = byLiteral[literal];
        for (int at = 0; at < entries.length;) {
            int entry = entries[at++];
            candidates.set(entry >>> 1);
            if ((entry & 1) != 0) {
                at = skip(entries, at);
            }
        }
    }
}
