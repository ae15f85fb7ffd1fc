package org.cleanmail.core.scoring;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Sets of ids for each of many indices (rules), laid out in one array: at an index's
 * {@link #start}, the number of its sets, then each set's size followed by its ids. Checks
 * made for thousands of rules per message ({@link OtherRequirements}, {@link MetaNeeds})
 * read two flat arrays instead of an array of arrays per rule, and in the order they are
 * laid out, from start to end. Immutable.
 */
final class FlatSets {
    /** By index: where its sets start in {@link #sets}, or -1 for none. */
    private final int[] start;
    private final int[] sets;

    private FlatSets(int[] start, int[] sets) {
        this.start = start;
        this.sets = sets;
    }

    /** @param byIndex by index: its sets of ids; null entries for none */
    static FlatSets of(int[][][] byIndex) {
        return of(byIndex, IntStream.range(0, byIndex.length).toArray());
    }

    /**
     * As {@link #of(int[][][])}, the indices' sets laid out in {@code order}, which lists
     * every index with sets (those it leaves out have none).
     */
    static FlatSets of(int[][][] byIndex, int[] order) {
        int size = 0;
        for (int index : order) {
            int[][] own = byIndex[index];
            if (own != null) {
                size += 1 + own.length;
                for (int[] set : own) {
                    size += set.length;
                }
            }
        }
        int[] start = new int[byIndex.length];
        Arrays.fill(start, -1);
        int[] sets = new int[size];
        int at = 0;
        for (int index : order) {
            int[][] own = byIndex[index];
            if (own == null) {
                continue;
            }
            start[index] = at;
            sets[at++] = own.length;
            for (int[] set : own) {
                sets[at++] = set.length;
                System.arraycopy(set, 0, sets, at, set.length);
                at += set.length;
            }
        }
        return new FlatSets(start, sets);
    }

    /** Where the index's sets start in {@link #sets()}: their number, then each set's size and ids; -1 for none. */
    int start(int index) {
        return start[index];
    }

    /** The sets of all indices, each from its {@link #start}; not a copy. */
    int[] sets() {
        return sets;
    }
}
