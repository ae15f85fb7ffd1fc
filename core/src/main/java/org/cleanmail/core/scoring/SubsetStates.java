package org.cleanmail.core.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

import org.cleanmail.core.rules.regex.AtomCharacters;
import org.cleanmail.core.rules.regex.SupersetNfa;

/**
 * The subset construction of "any text, then a string of the automaton", one state of the
 * deterministic automaton at a time: a state is the set of the automaton's states a text
 * can be in (those with a move on characters), plus the start's whenever a match may begin.
 * Characters 0-255 are numbered by class: characters no move tells apart share one, and
 * {@code \n} has a class of its own when states are guarded ({@link SupersetNfa#guardOf}):
 * the states entered after a character are those whose guard holds after it (a line's start
 * after {@code \n}), the first state those whose guard holds at the text's start.
 * Immutable and thread-safe; {@link SubsetTable} keeps the states it has built.
 */
final class SubsetStates {
    /** Answered by {@link #step} when a string of the automaton ends there: the text holds a match of the superset. */
    static final int[] ACCEPTING = {};

    private final SupersetNfa nfa;
    private final byte[] classOf;
    private final int classes;
    /** By set number: whether the set holds the characters of each class. */
    private final boolean[][] setHolds;
    /** The first state: where the text starts. */
    private final int[] start;
    /** The start's states where a match may begin after a character of the class: after {@code \n}, and after any other. */
    private final int[] restartAfterNewline;
    private final int[] restartElsewhere;
    /** The class of {@code \n} (its own when states are guarded). */
    private final int newlineClass;

    SubsetStates(SupersetNfa nfa) {
        this.nfa = nfa;
        List<BitSet> sets = nfa.sets();
        if (nfa.guarded()) {
            BitSet newline = new BitSet(AtomCharacters.ALPHABET);
            newline.set('\n');
            sets = new ArrayList<>(sets);
            sets.add(newline);
        }
        this.classOf = classes(sets);
        this.newlineClass = classOf['\n'] & 0xFF;
        int highest = 0;
        for (byte characterClass : classOf) {
            highest = Math.max(highest, characterClass & 0xFF);
        }
        this.classes = highest + 1;
        this.setHolds = new boolean[nfa.sets().size()][classes];
        for (int set = 0; set < setHolds.length; set++) {
            BitSet characters = nfa.sets().get(set);
            for (int c = 0; c < AtomCharacters.ALPHABET; c++) {
                setHolds[set][classOf[c] & 0xFF] = characters.get(c);
            }
        }
        this.start = startWhere(true, true);
        this.restartAfterNewline = startWhere(false, true);
        this.restartElsewhere = startWhere(false, false);
    }

    /** The states of the start and its empty moves whose guards hold there. */
    private int[] startWhere(boolean atTextStart, boolean atLineStart) {
        Scratch scratch = new Scratch();
        scratch.at(atTextStart, atLineStart);
        scratch.reach(nfa.start());
        int[] reached = scratch.collect();
        if (reached == ACCEPTING) {
            throw new IllegalArgumentException("the automaton accepts the empty string: every text would pass");
        }
        return reached;
    }

    /** The characters 0-255 numbered by class: two share a class when every set holds both or neither. */
    private static byte[] classes(List<BitSet> sets) {
        int[] classOf = new int[AtomCharacters.ALPHABET];
        int count = 1;
        for (BitSet set : sets) {
            // split each class into the characters the set holds and those it does not
            int[] inside = new int[count];
            Arrays.fill(inside, -1);
            int added = count;
            for (int c = 0; c < AtomCharacters.ALPHABET; c++) {
                if (set.get(c)) {
                    int old = classOf[c];
                    if (inside[old] < 0) {
                        inside[old] = added++;
                    }
                    classOf[c] = inside[old];
                }
            }
            count = renumber(classOf);
        }
        byte[] numbered = new byte[AtomCharacters.ALPHABET];
        for (int c = 0; c < AtomCharacters.ALPHABET; c++) {
            numbered[c] = (byte) classOf[c];
        }
        return numbered;
    }

    /** Renumbers the classes 0.. in order of their first character; answers how many there are. */
    private static int renumber(int[] classOf) {
        int[] number = new int[2 * AtomCharacters.ALPHABET + 1];
        Arrays.fill(number, -1);
        int count = 0;
        for (int c = 0; c < classOf.length; c++) {
            if (number[classOf[c]] < 0) {
                number[classOf[c]] = count++;
            }
            classOf[c] = number[classOf[c]];
        }
        return count;
    }

    /** The class of each character below 256; shared, do not change it. */
    byte[] classOf() {
        return classOf;
    }

    int classes() {
        return classes;
    }

    /** The start state: where a match may begin. */
    int[] start() {
        return start.clone();
    }

    /**
     * The state after a character of the class, from the state {@code from} (sorted numbers of
     * the automaton's states); {@link #ACCEPTING} when a string of the automaton ends there.
     */
    int[] step(int[] from, int characterClass, Scratch scratch) {
        boolean newline = characterClass == newlineClass;
        scratch.at(false, newline);
        for (int state : from) {
            int set = nfa.setOf(state);
            if (setHolds[set][characterClass]) {
                scratch.reach(nfa.target(state));
            }
        }
        for (int state : newline ? restartAfterNewline : restartElsewhere) {
            scratch.reach(state);
        }
        return scratch.collect();
    }

    /** Working space of one thread: the states reached by the step under way. */
    final class Scratch {
        private final BitSet visited = new BitSet(nfa.states());
        private int[] stack = new int[64];
        private int[] kept = new int[64];
        private int keptCount;
        private boolean accepting;
        /** The branches ({@link SupersetNfa#ofEach}) whose strings end at a state reached since the last collection. */
        private long ended;
        private long collectedEnded;
        /** Where the states being reached are: at the text's start, at a line's ({@link SupersetNfa#admits}). */
        private boolean atTextStart = true;
        private boolean atLineStart = true;

        /** Sets where the states reached next are, for their guards. */
        void at(boolean textStart, boolean lineStart) {
            this.atTextStart = textStart;
            this.atLineStart = lineStart;
        }

        /** Adds the state and those its empty moves lead to. */
        void reach(int state) {
            int depth = 0;
            stack[depth++] = state;
            while (depth > 0) {
                int current = stack[--depth];
                if (visited.get(current) || !SupersetNfa.admits(nfa.guardOf(current), atTextStart, atLineStart)) {
                    continue;
                }
                visited.set(current);
                if (current == nfa.accept()) {
                    accepting = true;
                }
                int branch = nfa.branchEnding(current);
                if (branch != SupersetNfa.NONE) {
                    ended |= 1L << branch;
                }
                if (nfa.setOf(current) != SupersetNfa.NONE) {
                    if (keptCount == kept.length) {
                        kept = Arrays.copyOf(kept, keptCount * 2);
                    }
                    kept[keptCount++] = current;
                }
                int[] moves = nfa.emptyMoves(current);
                if (depth + moves.length > stack.length) {
                    stack = Arrays.copyOf(stack, Math.max(stack.length * 2, depth + moves.length));
                }
                for (int next : moves) {
                    stack[depth++] = next;
                }
            }
        }

        /** The states reached since the last collection, sorted, or {@link #ACCEPTING}; starts afresh. */
        int[] collect() {
            int[] reached = accepting ? ACCEPTING : Arrays.copyOf(kept, keptCount);
            Arrays.sort(reached);
            visited.clear();
            keptCount = 0;
            accepting = false;
            collectedEnded = ended;
            ended = 0;
            return reached;
        }

        /**
         * The branches (of an automaton of branches, at most 64) whose strings end at a state
         * the last collected step reached, one bit each.
         */
        long ended() {
            return collectedEnded;
        }
    }
}
