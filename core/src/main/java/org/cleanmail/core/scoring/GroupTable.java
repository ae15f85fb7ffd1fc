package org.cleanmail.core.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.cleanmail.core.rules.regex.RegularSuperset;
import org.cleanmail.core.rules.regex.SupersetNfa;

/**
 * Which of up to {@value #MAX_PATTERNS} patterns a text may hold a match of, in one pass
 * of a deterministic automaton over its characters: the subset construction
 * ({@link SubsetStates}) of the patterns' supersets ({@link RegularSuperset#ofEach}) as
 * branches, each state knowing which branches' strings end on entering it. The answer is
 * a bit per pattern, set when the text holds a substring of the pattern's superset: what
 * the pattern's own {@link RegularFilter} answers, for all of them at once. The pass goes
 * to the text's end unless every pattern may match; a text with a character beyond 255
 * may hold a match of any. Built whole at compile time; immutable and thread-safe.
 */
final class GroupTable {
    /** Patterns at most: one bit each in a long. */
    static final int MAX_PATTERNS = 64;

    /**
     * By state offset (state number times classes) plus character class: the next state's
     * offset, or its bitwise complement when the state ends a string of some pattern.
     */
    private final int[] cells;
    private final byte[] classOf;
    private final int classes;
    /** By state number: the patterns whose strings end on entering it. */
    private final long[] endsAt;
    /** Every pattern's bit. */
    private final long all;

    private GroupTable(int[] cells, byte[] classOf, int classes, long[] endsAt, long all) {
        this.cells = cells;
        this.classOf = classOf;
        this.classes = classes;
        this.endsAt = endsAt;
        this.all = all;
    }

    /**
     * The table of the patterns (numbered as listed), or empty when one of their supersets
     * cannot be read, or the table would need more than {@code maxStates} states or
     * {@code maxWork} states of the nondeterministic automaton visited in all.
     */
    static Optional<GroupTable> of(List<Pattern> patterns, RegularSuperset reader, int maxStates, long maxWork) {
        if (patterns.isEmpty() || patterns.size() > MAX_PATTERNS) {
            throw new IllegalArgumentException("a group holds 1 to " + MAX_PATTERNS + " patterns, not " + patterns.size());
        }
        return reader.ofEach(patterns).map(nfa -> build(nfa, patterns.size(), maxStates, maxWork));
    }

    private static GroupTable build(SupersetNfa nfa, int patterns, int maxStates, long maxWork) {
        SubsetStates states = new SubsetStates(nfa);
        SubsetStates.Scratch scratch = states.new Scratch();
        int classes = states.classes();
        List<int[]> sets = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        Map<SubsetKey, Integer> numbers = new HashMap<>();
        int[] cells = new int[16 * classes];
        sets.add(states.start());
        ends.add(0L);
        numbers.put(new SubsetKey(states.start(), 0), 0);
        long work = 0;
        for (int built = 0; built < sets.size(); built++) {
            work += (long) sets.get(built).length * classes;
            if (sets.size() > maxStates || work > maxWork) {
                return null;
            }
            for (int characterClass = 0; characterClass < classes; characterClass++) {
                int[] reached = states.step(sets.get(built), characterClass, scratch);
                long ended = scratch.ended();
                SubsetKey key = new SubsetKey(reached, ended);
                Integer number = numbers.get(key);
                if (number == null) {
                    number = sets.size();
                    numbers.put(key, number);
                    sets.add(reached);
                    ends.add(ended);
                }
                int cell = built * classes + characterClass;
                if (cell >= cells.length) {
                    cells = Arrays.copyOf(cells, 2 * cells.length);
                }
                cells[cell] = ended != 0 ? ~(number * classes) : number * classes;
            }
        }
        long[] endsAt = ends.stream().mapToLong(Long::longValue).toArray();
        long all = patterns == MAX_PATTERNS ? -1L : (1L << patterns) - 1;
        return new GroupTable(Arrays.copyOf(cells, sets.size() * classes), states.classOf(), classes, endsAt, all);
    }

    /** The patterns the text may hold a match of, a bit each (pattern {@code i}: {@code 1L << i}). */
    long mayMatch(String text) {
        int[] table = cells;
        byte[] classes = classOf;
        long found = 0;
        int state = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 256) {
                return all;
            }
            int to = table[state + (classes[c] & 0xFF)];
            if (to < 0) {
                to = ~to;
                found |= endsAt[to / this.classes];
                if (found == all) {
                    return all;
                }
            }
            state = to;
        }
        return found;
    }

    /**
     * {@link #mayMatch} of four tables (the same one more than once, if need be) over one
     * text in one pass, their answers into {@code answers[0..3]}: the four moves of a
     * character do not wait on one another, so the pass takes little more than one table's
     * (each move waits on the table's cell the last one read, from the cache at best).
     */
    static void mayMatchFour(GroupTable[] tables, String text, long[] answers) {
        GroupTable t0 = tables[0];
        GroupTable t1 = tables[1];
        GroupTable t2 = tables[2];
        GroupTable t3 = tables[3];
        int[] cells0 = t0.cells;
        int[] cells1 = t1.cells;
        int[] cells2 = t2.cells;
        int[] cells3 = t3.cells;
        byte[] classes0 = t0.classOf;
        byte[] classes1 = t1.classOf;
        byte[] classes2 = t2.classOf;
        byte[] classes3 = t3.classOf;
        int s0 = 0;
        int s1 = 0;
        int s2 = 0;
        int s3 = 0;
        long found0 = 0;
        long found1 = 0;
        long found2 = 0;
        long found3 = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 256) {
                found0 = t0.all;
                found1 = t1.all;
                found2 = t2.all;
                found3 = t3.all;
                break;
            }
            int to0 = cells0[s0 + (classes0[c] & 0xFF)];
            int to1 = cells1[s1 + (classes1[c] & 0xFF)];
            int to2 = cells2[s2 + (classes2[c] & 0xFF)];
            int to3 = cells3[s3 + (classes3[c] & 0xFF)];
            if ((to0 | to1 | to2 | to3) < 0) {
                if (to0 < 0) {
                    to0 = ~to0;
                    found0 |= t0.endsAt[to0 / t0.classes];
                }
                if (to1 < 0) {
                    to1 = ~to1;
                    found1 |= t1.endsAt[to1 / t1.classes];
                }
                if (to2 < 0) {
                    to2 = ~to2;
                    found2 |= t2.endsAt[to2 / t2.classes];
                }
                if (to3 < 0) {
                    to3 = ~to3;
                    found3 |= t3.endsAt[to3 / t3.classes];
                }
                if (found0 == t0.all && found1 == t1.all && found2 == t2.all && found3 == t3.all) {
                    break;
                }
            }
            s0 = to0;
            s1 = to1;
            s2 = to2;
            s3 = to3;
        }
        answers[0] = found0;
        answers[1] = found1;
        answers[2] = found2;
        answers[3] = found3;
    }

    /** States of the table. */
    int states() {
        return endsAt.length;
    }
}
