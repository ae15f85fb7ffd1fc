package org.cleanmail.core.rules.regex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A nondeterministic automaton over the characters 0-255, built the Thompson way from a
 * {@link Shape}: each state has empty moves to other states and at most one move on a set of
 * characters. Copies of a counted repetition's body are laid out once each, so building is
 * linear in the automaton's size (Lucene's epsilon-free operations re-sorted and re-scanned
 * every transition for each copy, most of a second for the ReplaceTags giants). The sets are
 * numbered, each distinct set once, so that a reader can split the characters into the
 * classes no move tells apart. A state may be guarded by where it is ({@link #guardOf}): one
 * entered only at the text's start ({@code ^} without {@code /m}, {@code \A}), or at a line's
 * ({@code ^} with {@code /m}: the text's start or after a {@code \n}); a reader following
 * empty moves leaves out the states whose guard does not hold there. Immutable.
 */
public final class SupersetNfa {
    /** No move on characters. */
    public static final int NONE = -1;
    /** {@link #guardOf}: entered anywhere. */
    public static final byte ANYWHERE = 0;
    /** {@link #guardOf}: entered only at the text's start. */
    public static final byte TEXT_START = 1;
    /** {@link #guardOf}: entered only at the text's start or after a {@code \n}. */
    public static final byte LINE_START = 2;
    private static final int[] NO_STATES = {};

    private final int[][] empty;
    private final int[] setOf;
    private final int[] target;
    private final List<BitSet> sets;
    private final int start;
    private final int accept;
    /** By state: the branch whose strings end there ({@link #ofEach}), or {@link #NONE}; null for one accepting state. */
    private final int[] branchOf;
    /** By state: where it may be entered ({@link #ANYWHERE}, {@link #TEXT_START}, {@link #LINE_START}). */
    private final byte[] guardOf;
    private final boolean guarded;

    private SupersetNfa(int[][] empty, int[] setOf, int[] target, List<BitSet> sets, int start, int accept, int[] branchOf,
                        byte[] guardOf) {
        this.guardOf = guardOf;
        boolean any = false;
        for (byte guard : guardOf) {
            any |= guard != ANYWHERE;
        }
        this.guarded = any;
        this.empty = empty;
        this.setOf = setOf;
        this.target = target;
        this.sets = sets;
        this.start = start;
        this.accept = accept;
        this.branchOf = branchOf;
    }

    /** The automaton of the shape, or null when it would have more than {@code maxStates} states. */
    static SupersetNfa of(Shape shape, int maxStates) {
        if (shape.states(maxStates + 1L) > maxStates) {
            return null;
        }
        Builder builder = new Builder();
        int start = builder.state();
        int accept = builder.emit(shape, start);
        return builder.build(start, accept, null);
    }

    /**
     * The automaton of the shapes as branches each with its own end ({@link #branchEnding}),
     * none of them accepting the empty string, so that a reader can tell which of them a
     * string is a string of; null when it would have more than {@code maxStates} states.
     */
    static SupersetNfa ofEach(List<Shape> shapes, int maxStates) {
        // laid out as an alternation is, but with an end per branch instead of one shared
        Alternation branches = new Alternation(List.copyOf(shapes));
        if (branches.nullable()) {
            throw new IllegalArgumentException("a branch accepts the empty string");
        }
        if (branches.states(maxStates + 1L) > maxStates) {
            return null;
        }
        Builder builder = new Builder();
        int start = builder.state();
        int[] ends = new int[shapes.size()];
        for (int branch = 0; branch < shapes.size(); branch++) {
            int branchStart = builder.state();
            builder.emptyMove(start, branchStart);
            ends[branch] = builder.emit(shapes.get(branch), branchStart);
        }
        int[] branchOf = new int[builder.states()];
        Arrays.fill(branchOf, NONE);
        for (int branch = 0; branch < ends.length; branch++) {
            branchOf[ends[branch]] = branch;
        }
        return builder.build(start, NONE, branchOf);
    }

    /** The branch whose strings end at the state ({@link #ofEach}), or {@link #NONE}. */
    public int branchEnding(int state) {
        return branchOf == null ? NONE : branchOf[state];
    }

    /** Number of states. */
    public int states() {
        return setOf.length;
    }

    /** The start state. */
    public int start() {
        return start;
    }

    /** The one accepting state; {@link #NONE} for an automaton of branches ({@link #ofEach}). */
    public int accept() {
        return accept;
    }

    /** The states an empty move leads to from the state. */
    public int[] emptyMoves(int state) {
        return empty[state];
    }

    /** The number of the set of characters the state moves on, or {@link #NONE}. */
    public int setOf(int state) {
        return setOf[state];
    }

    /** The state a move on a character of the state's set leads to. */
    public int target(int state) {
        return target[state];
    }

    /** Where the state may be entered: {@link #ANYWHERE}, {@link #TEXT_START} or {@link #LINE_START}. */
    public byte guardOf(int state) {
        return guardOf[state];
    }

    /** Whether some state is guarded ({@link #guardOf}): a reader must tell a {@code \n} from other characters. */
    public boolean guarded() {
        return guarded;
    }

    /** Whether a state with the guard may be entered where the text is at its start, or at a line's. */
    public static boolean admits(byte guard, boolean atTextStart, boolean atLineStart) {
        return guard == ANYWHERE || (guard == LINE_START ? atLineStart : atTextStart);
    }

    /** The distinct sets of characters, by number; shared, do not change them. */
    public List<BitSet> sets() {
        return sets;
    }

    /** Whether the automaton accepts the whole string (a simulation, for tests and checks). */
    public boolean matches(CharSequence text) {
        BitSet current = closure(List.of(start), true, true);
        for (int i = 0; i < text.length() && !current.isEmpty(); i++) {
            char c = text.charAt(i);
            List<Integer> next = new ArrayList<>();
            for (int state = current.nextSetBit(0); state >= 0; state = current.nextSetBit(state + 1)) {
                if (setOf[state] != NONE && c < AtomCharacters.ALPHABET && sets.get(setOf[state]).get(c)) {
                    next.add(target[state]);
                }
            }
            current = closure(next, false, c == '\n');
        }
        if (branchOf == null) {
            return current.get(accept);
        }
        for (int state = current.nextSetBit(0); state >= 0; state = current.nextSetBit(state + 1)) {
            if (branchOf[state] != NONE) {
                return true;
            }
        }
        return false;
    }

    private BitSet closure(List<Integer> from, boolean atTextStart, boolean atLineStart) {
        BitSet reached = new BitSet(states());
        ArrayList<Integer> stack = new ArrayList<>(from);
        while (!stack.isEmpty()) {
            int state = stack.remove(stack.size() - 1);
            if (!reached.get(state) && admits(guardOf[state], atTextStart, atLineStart)) {
                reached.set(state);
                for (int next : empty[state]) {
                    stack.add(next);
                }
            }
        }
        return reached;
    }

    /**
     * What a match can be, as read from a pattern: one character of a set, a sequence, an
     * alternation, a repetition. Immutable.
     */
    public abstract static class Shape {
        private static final Shape EMPTY = new Sequence(List.of());

        Shape() {
        }

        /** The empty string. */
        public static Shape empty() {
            return EMPTY;
        }

        /** One character of the set (characters 0-255), which must not change afterwards. */
        public static Shape chars(BitSet set) {
            return new Chars(set);
        }

        /** The parts one after the other. */
        public static Shape sequence(List<Shape> parts) {
            return parts.size() == 1 ? parts.get(0) : new Sequence(List.copyOf(parts));
        }

        /** Any one of the branches. */
        public static Shape alternation(List<Shape> branches) {
            return branches.size() == 1 ? branches.get(0) : new Alternation(List.copyOf(branches));
        }

        /** The body {@code min} to {@code max} times; {@code max} negative for no limit. */
        public static Shape repeat(Shape body, int min, int max) {
            return new Repetition(body, min, max);
        }

        /** The empty string where the text starts ({@link #TEXT_START}) or a line does ({@link #LINE_START}). */
        public static Shape at(byte guard) {
            return new Guard(guard);
        }

        /** Any string of the characters 0-255. */
        public static Shape anyString() {
            BitSet all = new BitSet(AtomCharacters.ALPHABET);
            all.set(0, AtomCharacters.ALPHABET);
            return repeat(chars(all), 0, -1);
        }

        /** Whether the empty string is among the strings of the shape. */
        public abstract boolean nullable();

        /** The states the automaton of the shape needs, counted up to {@code limit}. */
        abstract long states(long limit);
    }

    private static final class Chars extends Shape {
        final BitSet set;

        Chars(BitSet set) {
            this.set = set;
        }

        @Override
        public boolean nullable() {
            return false;
        }

        @Override
        long states(long limit) {
            return 2;
        }
    }

    private static final class Guard extends Shape {
        final byte guard;

        Guard(byte guard) {
            this.guard = guard;
        }

        @Override
        public boolean nullable() {
            return true;
        }

        @Override
        long states(long limit) {
            return 1;
        }
    }

    private static final class Sequence extends Shape {
        final List<Shape> parts;

        Sequence(List<Shape> parts) {
            this.parts = parts;
        }

        @Override
        public boolean nullable() {
            return parts.stream().allMatch(Shape::nullable);
        }

        @Override
        long states(long limit) {
            long sum = 0;
            for (Shape part : parts) {
                sum = Math.min(limit, sum + part.states(limit));
            }
            return sum;
        }
    }

    private static final class Alternation extends Shape {
        final List<Shape> branches;

        Alternation(List<Shape> branches) {
            this.branches = branches;
        }

        @Override
        public boolean nullable() {
            return branches.stream().anyMatch(Shape::nullable);
        }

        @Override
        long states(long limit) {
            long sum = 1;
            for (Shape branch : branches) {
                sum = Math.min(limit, sum + 1 + branch.states(limit));
            }
            return sum;
        }
    }

    private static final class Repetition extends Shape {
        final Shape body;
        final int min;
        final int max;

        Repetition(Shape body, int min, int max) {
            this.body = body;
            this.min = min;
            this.max = max;
        }

        @Override
        public boolean nullable() {
            return min == 0 || body.nullable();
        }

        @Override
        long states(long limit) {
            long copies = max < 0 ? min + 1L : max;
            return Math.min(limit, 2 + copies * (1 + body.states(limit)));
        }
    }

    /** Lays out states; each emit starts at a given state and answers the state it ends at. */
    private static final class Builder {
        private final List<int[]> empty = new ArrayList<>();
        private int[] setOf = new int[64];
        private int[] target = new int[64];
        private byte[] guardOf = new byte[64];
        private final List<BitSet> sets = new ArrayList<>();
        private final Map<BitSet, Integer> setNumbers = new HashMap<>();

        int state() {
            int state = empty.size();
            empty.add(NO_STATES);
            if (state == setOf.length) {
                setOf = Arrays.copyOf(setOf, state * 2);
                target = Arrays.copyOf(target, state * 2);
                guardOf = Arrays.copyOf(guardOf, state * 2);
            }
            setOf[state] = NONE;
            return state;
        }

        void emptyMove(int from, int to) {
            int[] moves = empty.get(from);
            int[] grown = Arrays.copyOf(moves, moves.length + 1);
            grown[moves.length] = to;
            empty.set(from, grown);
        }

        int emit(Shape shape, int from) {
            if (shape instanceof Guard) {
                // a fresh state entered by an empty move, where the guard holds only
                int to = state();
                guardOf[to] = ((Guard) shape).guard;
                emptyMove(from, to);
                return to;
            }
            if (shape instanceof Chars) {
                int at = from;
                if (setOf[at] != NONE) {
                    // one move on characters per state: this one goes out of a fresh state
                    at = state();
                    emptyMove(from, at);
                }
                int to = state();
                setOf[at] = setNumbers.computeIfAbsent(((Chars) shape).set, set -> {
                    sets.add(set);
                    return sets.size() - 1;
                });
                target[at] = to;
                return to;
            }
            if (shape instanceof Sequence) {
                int at = from;
                for (Shape part : ((Sequence) shape).parts) {
                    at = emit(part, at);
                }
                return at;
            }
            if (shape instanceof Alternation) {
                int to = state();
                for (Shape branch : ((Alternation) shape).branches) {
                    int start = state();
                    emptyMove(from, start);
                    emptyMove(emit(branch, start), to);
                }
                return to;
            }
            Repetition repetition = (Repetition) shape;
            int at = from;
            for (int i = 0; i < repetition.min; i++) {
                at = emit(repetition.body, at);
            }
            if (repetition.max < 0) {
                // a fresh loop state: nothing else leads back into it
                int loop = state();
                emptyMove(at, loop);
                emptyMove(emit(repetition.body, loop), loop);
                return loop;
            }
            if (repetition.max == repetition.min) {
                return at;
            }
            int out = state();
            for (int i = repetition.min; i < repetition.max; i++) {
                emptyMove(at, out);
                int copy = state();
                emptyMove(at, copy);
                at = emit(repetition.body, copy);
            }
            emptyMove(at, out);
            return out;
        }

        int states() {
            return empty.size();
        }

        SupersetNfa build(int start, int accept, int[] branchOf) {
            int states = empty.size();
            return new SupersetNfa(empty.toArray(new int[0][]), Arrays.copyOf(setOf, states),
                Arrays.copyOf(target, states), List.copyOf(sets), start, accept, branchOf, Arrays.copyOf(guardOf, states));
        }
    }
}
