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
        if (at < 0) {
            return true;
        }
        int[] sets = required.sets();
        int count = sets[at++];
        for (int set = 0; set < count; set++) {
            int size = sets[at++];
            boolean met = false;
            for (int i = 0; i < size && !met; i++) {
                met = occurrences.occursIn(sets[at + i], chunk);
            }
            if (!met) {
                return false;
            }
            at += size;
        }
        return true;
    }
}
