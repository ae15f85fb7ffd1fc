package org.cleanmail.core.scoring;

/**
 * The other requirements of the filtered rules of a target (besides the literals they are
 * filtered by: {@code ^Received:[^\n]*\bcheap\b} needs "cheap" as well as "received:"), each
 * a set of literal ids of which one must occur, laid out in one array: per rule, the number
 * of sets, then each set's size and ids. Thousands of candidates are checked per message,
 * so the check reads two arrays instead of a rule's array of arrays. Immutable.
 */
final class OtherRequirements {
    /** By rule index: where its requirements start in {@link #sets}, or -1 for none. */
    private final int[] start;
    private final int[] sets;

    private OtherRequirements(int[] start, int[] sets) {
        this.start = start;
        this.sets = sets;
    }

    /** @param byRule by rule index: the sets of literal ids, of each of which one must occur; null entries for none */
    static OtherRequirements of(int[][][] byRule) {
        int[] start = new int[byRule.length];
        int size = 0;
        for (int[][] required : byRule) {
            if (required != null) {
                size += 1 + required.length;
                for (int[] anyOf : required) {
                    size += anyOf.length;
                }
            }
        }
        int[] sets = new int[size];
        int at = 0;
        for (int rule = 0; rule < byRule.length; rule++) {
            int[][] required = byRule[rule];
            if (required == null) {
                start[rule] = -1;
                continue;
            }
            start[rule] = at;
            sets[at++] = required.length;
            for (int[] anyOf : required) {
                sets[at++] = anyOf.length;
                System.arraycopy(anyOf, 0, sets, at, anyOf.length);
                at += anyOf.length;
            }
        }
        return new OtherRequirements(start, sets);
    }

    /** Whether each of the rule's requirements has a literal that occurs. */
    boolean met(int rule, LiteralOccurrences occurrences) {
        return met(rule, occurrences, -1);
    }

    /**
     * Whether each of the rule's requirements has a literal that occurs in the
     * {@code chunk}-th text: a match lies within one text, so a text that lacks one holds
     * none (a paragraph with "<font" but not the word a rule needs after it is not searched).
     */
    boolean metIn(int rule, LiteralOccurrences occurrences, int chunk) {
        return met(rule, occurrences, chunk);
    }

    /** As {@link #metIn}, in any text for a negative {@code chunk}. */
    private boolean met(int rule, LiteralOccurrences occurrences, int chunk) {
        int at = start[rule];
        if (at < 0) {
            return true;
        }
        int count = sets[at++];
        for (int set = 0; set < count; set++) {
            int size = sets[at++];
            boolean met = false;
            for (int i = 0; i < size && !met; i++) {
                met = chunk < 0 ? occurrences.occurs(sets[at + i])
                    : occurrences.occursIn(sets[at + i], chunk);
            }
            if (!met) {
                return false;
            }
            at += size;
        }
        return true;
    }
}
