package org.cleanmail.core.scoring;

/**
 * The other requirements of the filtered rules of a target (besides the literals they are
 * filtered by: {@code ^Received:[^\n]*\bcheap\b} needs "cheap" as well as "received:"), each
 * a set of literal ids of which one must occur, laid out flat ({@link FlatSets}), read for
 * each text a candidate is searched in (whether they occur at all is read as candidates are
 * marked, {@link LiteralCandidates}). Immutable.
 */
final class OtherRequirements {
    private final FlatSets required;

    private OtherRequirements(FlatSets required) {
        this.required = required;
    }

    /** @param byRule by rule index: the sets of literal ids, of each of which one must occur; null entries for none */
    static OtherRequirements of(int[][][] byRule) {
        return new OtherRequirements(FlatSets.of(byRule));
    }

    /**
     * Whether each of the rule's requirements has a literal that occurs in the
     * {@code chunk}-th text: a match lies within one text, so a text that lacks one holds
     * none (a paragraph with "<font" but not the word a rule needs after it is not searched).
     */
    boolean metIn(int rule, LiteralOccurrences occurrences, int chunk) {
        int at = required.start(rule);
        return at < 0 || met(required.sets(), at, occurrences, chunk);
    }

    /**
     * Whether each of the sets laid out from {@code at} (their number, then each set's size
     * and literal ids, as {@link FlatSets} and {@link LiteralCandidates} lay them out) has a
     * literal that occurs: in the {@code chunk}-th text, or in any for a negative {@code chunk}.
     */
    static boolean met(int[] sets, int at, LiteralOccurrences occurrences, int chunk) {
        int next = at;
        int count = sets[next++];
        for (int set = 0; set < count; set++) {
            int size = sets[next++];
            boolean met = false;
            for (int i = next; i < next + size && !met; i++) {
                met = chunk < 0 ? occurrences.occurs(sets[i]) : occurrences.occursIn(sets[i], chunk);
            }
            if (!met) {
                return false;
            }
            next += size;
        }
        return true;
    }
}
