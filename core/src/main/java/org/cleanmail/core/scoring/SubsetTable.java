package org.cleanmail.core.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The deterministic automaton of {@link SubsetStates} as a table, its states built as texts
 * first reach them (or all at once, {@link #complete}): by state offset (state number times
 * the classes) plus character class, the next state's offset, {@link #UNKNOWN} until built,
 * {@link #ACCEPT} where a match of the superset ends. A table that would grow beyond its
 * cells (or whose states' sets would hold more than twice as many numbers) starts afresh,
 * keeping only where the text under way is. Not thread-safe while it grows; a complete
 * table is frozen into a {@link WholeTable} ({@link #complete}), which is only read.
 */
final class SubsetTable {
    static final int UNKNOWN = -1;
    static final int ACCEPT = -2;
    /** A text that makes the table start afresh this many times passes: it costs more than running the pattern. */
    static final int MAX_RESTARTS_PER_TEXT = 3;

    private final SubsetStates states;
    private final int classes;
    private final int maxCells;
    private final SubsetStates.Scratch scratch;
    private final Map<SubsetKey, Integer> offsets = new HashMap<>();
    private final List<int[]> sets = new ArrayList<>();
    private int[] next;
    /** Numbers held by the states' sets, which the table keeps within twice {@code maxCells}. */
    private long setNumbers;
    private long restarts;

    SubsetTable(SubsetStates states, int maxCells) {
        this.states = states;
        this.classes = states.classes();
        this.maxCells = Math.max(maxCells, 2 * classes);
        this.scratch = states.new Scratch();
        restart();
    }

    /**
     * The whole table, every state built, frozen (its cells and classes only, the building
     * state let go), or null when it would need more than {@code maxStates} states or
     * {@code maxWork} states of the automaton visited in all.
     */
    static WholeTable complete(SubsetStates states, int maxStates, long maxWork) {
        SubsetTable table = new SubsetTable(states, Integer.MAX_VALUE);
        long work = 0;
        for (int built = 0; built < table.sets.size(); built++) {
            if (table.sets.size() > maxStates) {
                return null;
            }
            work += (long) table.sets.get(built).length * table.classes;
            if (work > maxWork) {
                return null;
            }
            for (int characterClass = 0; characterClass < table.classes; characterClass++) {
                table.build(built * table.classes, characterClass);
            }
        }
        return new WholeTable(Arrays.copyOf(table.next, table.sets.size() * table.classes), states.classOf());
    }

    private void restart() {
        offsets.clear();
        sets.clear();
        setNumbers = 0;
        next = new int[Math.min(maxCells, 16 * classes)];
        Arrays.fill(next, UNKNOWN);
        offsetOf(states.start());
    }

    /** Whether the text may hold a match: false only when no substring of it is in the superset. */
    boolean mayMatch(String text) {
        int state = 0;
        long restartsBefore = restarts;
        int[] table = next;
        byte[] classOf = states.classOf();
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 256) {
                return true;
            }
            int characterClass = classOf[c] & 0xFF;
            int to = table[state + characterClass];
            if (to < 0) {
                if (to == ACCEPT) {
                    return true;
                }
                to = build(state, characterClass);
                if (to == ACCEPT || restarts - restartsBefore > MAX_RESTARTS_PER_TEXT) {
                    return true;
                }
                table = next;
            }
            state = to;
        }
        return false;
    }

    /** Builds the move from the state at the offset on the class; answers the next state's offset or {@link #ACCEPT}. */
    private int build(int offset, int characterClass) {
        int[] reached = states.step(sets.get(offset / classes), characterClass, scratch);
        if (reached == SubsetStates.ACCEPTING) {
            next[offset + characterClass] = ACCEPT;
            return ACCEPT;
        }
        Integer known = offsets.get(new SubsetKey(reached, 0));
        if (known != null) {
            next[offset + characterClass] = known;
            return known;
        }
        if ((sets.size() + 1) * classes > maxCells || setNumbers + reached.length > 2L * maxCells) {
            restarts++;
            restart();
            return offsetOf(reached);
        }
        int added = offsetOf(reached);
        next[offset + characterClass] = added;
        return added;
    }

    private int offsetOf(int[] set) {
        int offset = sets.size() * classes;
        sets.add(set);
        setNumbers += set.length;
        offsets.put(new SubsetKey(set, 0), offset);
        if (offset + classes > next.length) {
            int old = next.length;
            next = Arrays.copyOf(next, Math.min(maxCells, Math.max(old * 2, offset + classes)));
            Arrays.fill(next, old, next.length, UNKNOWN);
        }
        return offset;
    }

    /** Times the table started afresh. */
    long restarts() {
        return restarts;
    }
}
