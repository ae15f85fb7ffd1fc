package org.cleanmail.core.scoring;

/**
 * A {@link SubsetTable} built whole, frozen: its cells and its character classes, without
 * the state sets and the map that built it, so that the thousands of small filters of a
 * large rule set each keep only their table. Immutable and thread-safe.
 */
final class WholeTable {
    private final int[] cells;
    private final byte[] classOf;

    WholeTable(int[] cells, byte[] classOf) {
        this.cells = cells;
        this.classOf = classOf;
    }

    /** Whether the text may hold a match: false only when no substring of it is in the superset. */
    boolean mayMatch(String text) {
        int[] table = cells;
        byte[] classes = classOf;
        int state = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 256) {
                return true;
            }
            state = table[state + (classes[c] & 0xFF)];
            if (state < 0) {
                return true;
            }
        }
        return false;
    }
}
