package org.cleanmail.core.scoring;

/**
 * A {@link SubsetTable} built whole, frozen: its cells and its character classes, without
 * the state sets and the map that built it, so that the thousands of small filters of a
 * large rule set each keep only their table. A table of fewer than 65,535 cells (nearly
 * all) keeps them in 16 bits, half the memory a pass over a text reads from: the filters no
 * group holds pass over the body's and rawbody's every text, their tables taking turns in
 * the cache. Immutable and thread-safe.
 */
final class WholeTable {
    /** The 16-bit cell of a move that accepts. */
    private static final char ACCEPTS = Character.MAX_VALUE;

    /** The cells in 16 bits ({@link #ACCEPTS} for a move that accepts), or null when there are too many. */
    private final char[] small;
    /** The cells as {@link SubsetTable} made them (negative for a move that accepts), when there are too many for {@link #small}. */
    private final int[] cells;
    private final byte[] classOf;

    /** @param cells each move's next state's first cell, negative for a move that accepts */
    WholeTable(int[] cells, byte[] classOf) {
        this.classOf = classOf;
        if (cells.length < ACCEPTS) {
            this.small = new char[cells.length];
            for (int i = 0; i < cells.length; i++) {
                small[i] = cells[i] < 0 ? ACCEPTS : (char) cells[i];
            }
            this.cells = null;
        } else {
            this.small = null;
            this.cells = cells;
        }
    }

    /** Whether the text may hold a match: false only when no substring of it is in the superset. */
    boolean mayMatch(String text) {
        return small != null ? mayMatchSmall(text) : mayMatchLarge(text);
    }

    private boolean mayMatchSmall(String text) {
        char[] table = small;
        byte[] classes = classOf;
        int state = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 256) {
                return true;
            }
            char next = table[state + (classes[c] & 0xFF)];
            if (next == ACCEPTS) {
                return true;
            }
            state = next;
        }
        return false;
    }

    private boolean mayMatchLarge(String text) {
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
