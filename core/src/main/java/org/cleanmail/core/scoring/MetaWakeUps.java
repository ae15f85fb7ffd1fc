package org.cleanmail.core.scoring;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Which of the metas that are not sub-rules ({@link CompiledRuleSet#topMetaOrder}) a rule
 * that may be anything but 0 wakes: those whose smallest set of needs ({@link MetaNeeds})
 * holds it. A meta none of whose rules in that set may be anything but 0 is 0 without a
 * look; so a message checks the few hundred metas its hits and pending sub-rules wake, not
 * each of the thousands a large rule set holds (22,546 rules with the bench's synthetic
 * ones: 3,177 such metas, of which a message's rules wake about 530 and 270 may hit). A
 * meta with no known needs is always checked. Immutable.
 */
final class MetaWakeUps {
    /** By rule index: where its woken metas' positions start in {@link #positions}; one more entry at the end. */
    private final int[] start;
    /** Positions in {@link CompiledRuleSet#topMetaOrder} of the metas each rule wakes, in order. */
    private final int[] positions;
    /**
     * Positions of the metas checked whatever the rules' values: those with no known needs,
     * and those a rule pending at every message wakes.
     */
    private final BitSet always;

    private MetaWakeUps(int[] start, int[] positions, BitSet always) {
        this.start = start;
        this.positions = positions;
        this.always = always;
    }

    /**
     * @param rules how many rules there are
     * @param order the metas that are not sub-rules, the metas a meta reads first
     * @param needs by meta rule index: the sets of rules of which one at least must not be 0
     * @param alwaysPending the rules that are pending at every message when the metas are
     *     checked (the sub-metas): the metas they wake are checked always
     */
    static MetaWakeUps of(int rules, int[] order, FlatSets needs, BitSet alwaysPending) {
        int[] positionOf = new int[rules];
        Arrays.fill(positionOf, -1);
        for (int position = 0; position < order.length; position++) {
            positionOf[order[position]] = position;
        }
        BitSet always = new BitSet(order.length);
        int[][] wakers = new int[order.length][];
        int[] count = new int[rules + 1];
        int[] sets = needs.sets();
        for (int position = 0; position < order.length; position++) {
            int[] smallest = smallestSet(sets, needs.start(order[position]));
            if (smallest == null || !readsEarlierMetas(smallest, positionOf, position)
                || Arrays.stream(smallest).anyMatch(rule -> rule >= 0 && alwaysPending.get(rule))) {
                always.set(position);
                continue;
            }
            wakers[position] = smallest;
            for (int rule : smallest) {
                if (rule >= 0) {
                    count[rule + 1]++;
                }
            }
        }
        int[] start = count;
        for (int rule = 0; rule < rules; rule++) {
            start[rule + 1] += start[rule];
        }
        int[] positions = new int[start[rules]];
        int[] next = Arrays.copyOf(start, rules);
        for (int position = 0; position < order.length; position++) {
            if (wakers[position] != null) {
                for (int rule : wakers[position]) {
                    if (rule >= 0) {
                        positions[next[rule]++] = position;
                    }
                }
            }
        }
        return new MetaWakeUps(start, positions, always);
    }

    /** The smallest of the sets laid out from {@code at} ({@link FlatSets}), or null when there are none. */
    private static int[] smallestSet(int[] sets, int at) {
        if (at < 0) {
            return null;
        }
        int count = sets[at++];
        int bestAt = -1;
        int bestLength = Integer.MAX_VALUE;
        for (int set = 0; set < count; set++) {
            int length = sets[at];
            if (length < bestLength) {
                bestLength = length;
                bestAt = at + 1;
            }
            at += 1 + length;
        }
        return bestAt < 0 ? null : Arrays.copyOfRange(sets, bestAt, bestAt + bestLength);
    }

    /**
     * Whether every meta of the set comes before the meta at {@code position}, so that it has
     * its value, and wakes the meta, before the meta's turn (always so in evaluation order).
     */
    private static boolean readsEarlierMetas(int[] set, int[] positionOf, int position) {
        for (int rule : set) {
            if (rule >= 0 && positionOf[rule] >= position) {
                return false;
            }
        }
        return true;
    }

    /** Sets in {@code woken} the positions of the metas checked whatever the rules' values. */
    void wakeAlways(BitSet woken) {
        woken.or(always);
    }

    /** Sets in {@code woken} the positions of the metas the rule wakes. */
    void wake(int rule, BitSet woken) {
        for (int i = start[rule], end = start[rule + 1]; i < end; i++) {
            woken.set(positions[i]);
        }
    }
}
