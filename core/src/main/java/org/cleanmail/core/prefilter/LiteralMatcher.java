package org.cleanmail.core.prefilter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds, in one pass over a text, which of many literals occur in it (case-folded with
 * {@link CaseFold}): an Aho-Corasick automaton frozen into flat arrays. The root state
 * has a dense transition table over every UTF-16 unit, because most characters of a text
 * start no literal; the states nearest the root (depth by depth, as many as fit in 2^20
 * cells, all of them in most automata) have dense rows over the character classes of
 * byte-form text (one class per folded character some literal holds, one for all others)
 * with the failure links already followed; deeper states keep sorted child lists. A row's entry for a move to another row
 * with nothing to report is that row's offset, so that the scan over most characters of a
 * text is two lookups each, the class and the move (FULL's 322 states: about 3 ns per
 * character; the body's 44,586 states of mostly whole words of the synthetic rules, dense
 * to two characters, 20 ns, to four, 13 ns). Immutable and thread-safe.
 *
 * <p>Why not a library: the Aho-Corasick libraries on Maven Central box characters into
 * hash maps and allocate an object per match, several times slower on the texts and
 * literal counts a large rule set has; this is the hot loop of scanning.
 */
public final class LiteralMatcher {
    private static final int ROOT = 0;
    private static final int NONE = -1;
    /**
     * At most this many cells of dense rows (4 MB), given to the states depth by depth from
     * the root: the states of a depth get rows only if all of them fit. Rows beyond two
     * characters deep pay where literals are many words (the bench's synthetic rules): its
     * body and header passes spent most of their time in the sparse states' child lists and
     * failure links. With the stock and the bench's synthetic rules every automaton is dense
     * but the body's (to four characters), 10 MB in all.
     */
    private static final int MAX_DENSE_CELLS = 1 << 20;

    private final int literalCount;
    /** Length of each literal, by id. */
    private final int[] lengths;
    private final int[] rootNext;
    private final int[] childStart;
    private final char[] childChars;
    private final int[] childTargets;
    private final int[] fail;
    /**
     * By state: where its entry starts in {@link #entered}; 0, an entry of no row and no
     * literal, for a state where no literal ends (a scan enters such a state by its row
     * when it has one).
     */
    private final int[] enteredAt;
    /**
     * What a scan entering a state that reports reads, in one place: the state's dense row
     * offset (or -1), the number of literals that end there (its own and those its
     * dictionary links lead to), then each literal's id and length. Finding the same by the
     * state's outputs and links took five or more scattered reads; the body's automaton
     * reports at one character in four of the bench's mail (its rules are the mail's own
     * words), and those reads were most of its pass.
     */
    private final int[] entered;
    /** Per state: its row in {@link #dense}, or -1. */
    private final int[] denseRow;
    /** Per dense row: its state. */
    private final int[] rowState;
    /** Per character below 256: its class, the same for the characters that fold alike; 0 for those no literal holds. */
    private final int[] classOf;
    /** Character classes, and cells per dense row. */
    private final int classes;
    /**
     * The full transitions (failure links followed) of the shallow states, a row of
     * {@link #classes} cells each, by character class: to a state with a row of its own and
     * nothing to report, that row's offset (row times classes, not negative); to another state
     * {@code s}, {@code ~s} (negative). The scan mostly goes from row to row, one lookup per
     * character.
     */
    private final int[] dense;

    private LiteralMatcher(int literalCount, int[] lengths, int[] rootNext, int[] childStart, char[] childChars, int[] childTargets,
                           int[] fail, int[] outputStart, int[] outputs, int[] dictionaryLink, int[] depth) {
        this.literalCount = literalCount;
        this.lengths = lengths;
        this.rootNext = rootNext;
        this.childStart = childStart;
        this.childChars = childChars;
        this.childTargets = childTargets;
        this.fail = fail;
        BitSet held = new BitSet();
        for (char c : childChars) {
            held.set(c);
        }
        for (int c = 0; c < rootNext.length; c++) {
            if (rootNext[c] != ROOT) {
                held.set(c);
            }
        }
        // one class per folded character a literal holds (a character below 256 may fold above it: the micro sign)
        Map<Character, Integer> classByFolded = new TreeMap<>();
        this.classOf = new int[256];
        for (char c = 0; c < 256; c++) {
            char folded = CaseFold.fold(c);
            if (held.get(folded)) {
                classOf[c] = classByFolded.computeIfAbsent(folded, f -> classByFolded.size() + 1);
            }
        }
        this.classes = classByFolded.size() + 1;
        this.denseRow = new int[depth.length];
        Arrays.fill(denseRow, NONE);
        int rows = 0;
        int deepest = Arrays.stream(depth).max().orElse(0);
        for (int maxDepth = 0; maxDepth <= deepest; maxDepth++) {
            int atDepth = 0;
            for (int d : depth) {
                atDepth += d == maxDepth ? 1 : 0;
            }
            if ((long) (rows + atDepth) * classes > MAX_DENSE_CELLS) {
                break;
            }
            for (int state = 0; state < depth.length; state++) {
                if (depth[state] == maxDepth) {
                    denseRow[state] = rows++;
                }
            }
        }
        this.enteredAt = new int[depth.length];
        int[] flat = new int[2 + 2 * depth.length];
        // entry 0, of no row and no literal, for every state where no literal ends
        flat[0] = NONE;
        int size = 2;
        for (int state = 0; state < depth.length; state++) {
            int ending = 0;
            for (int s = firstReporting(state, outputStart, dictionaryLink); s > ROOT; s = dictionaryLink[s]) {
                ending += outputStart[s + 1] - outputStart[s];
            }
            if (ending == 0) {
                continue;
            }
            if (size + 2 + 2 * ending > flat.length) {
                flat = Arrays.copyOf(flat, Math.max(2 * flat.length, size + 2 + 2 * ending));
            }
            enteredAt[state] = size;
            flat[size++] = denseRow[state] == NONE ? NONE : denseRow[state] * classes;
            flat[size++] = ending;
            for (int s = firstReporting(state, outputStart, dictionaryLink); s > ROOT; s = dictionaryLink[s]) {
                for (int o = outputStart[s]; o < outputStart[s + 1]; o++) {
                    flat[size++] = outputs[o];
                    flat[size++] = lengths[outputs[o]];
                }
            }
        }
        this.entered = Arrays.copyOf(flat, size);
        this.rowState = new int[rows];
        this.dense = new int[rows * classes];
        for (int state = 0; state < depth.length; state++) {
            if (denseRow[state] != NONE) {
                rowState[denseRow[state]] = state;
                for (char c = 0; c < 256; c++) {
                    dense[denseRow[state] * classes + classOf[c]] = entry(sparseNext(state, CaseFold.fold(c)));
                }
            }
        }
    }

    /** The state itself when a literal ends there, else the first state its dictionary links lead to, or none. */
    private static int firstReporting(int state, int[] outputStart, int[] dictionaryLink) {
        return outputStart[state] < outputStart[state + 1] ? state : dictionaryLink[state];
    }

    /** @param literals non-empty literals; their index in this list is the id {@link #find} reports. They are case-folded here. */
    public static LiteralMatcher of(List<String> literals) {
        return new Builder(literals).build();
    }

    public int literalCount() {
        return literalCount;
    }

    /** The length of the literal numbered {@code literal}. */
    public int length(int literal) {
        return lengths[literal];
    }

    /** The ids of the literals that occur in the text. */
    public BitSet find(CharSequence text) {
        BitSet found = new BitSet(literalCount);
        scan(text, (literal, start) -> found.set(literal));
        return found;
    }

    /** Where literals are found by {@link #scan}. */
    public interface Occurrences {
        /** Literal {@code literal} occurs in the text from index {@code start}. */
        void found(int literal, int start);
    }

    /**
     * Reports every occurrence of every literal in the text, overlapping ones included, in
     * the order of their last characters.
     */
    public void scan(CharSequence text, Occurrences occurrences) {
        int[] rows = dense;
        int state = ROOT;
        // while the state has a dense row: its offset in the rows (and state is not kept up to date); else -1
        int[] classOfChar = classOf;
        int[] flat = entered;
        int row = denseRow[ROOT] * classes;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (row >= 0 && c < 256) {
                int to = rows[row + classOfChar[c]];
                if (to >= 0) {
                    row = to;
                    continue;
                }
                state = ~to;
            } else {
                if (row >= 0) {
                    state = rowState[row / classes];
                }
                int to = move(state, CaseFold.fold(c));
                if (to >= 0) {
                    row = to;
                    continue;
                }
                state = ~to;
            }
            int at = enteredAt[state];
            int ending = flat[at + 1];
            for (int o = at + 2, end = o + 2 * ending; o < end; o += 2) {
                occurrences.found(flat[o], i + 1 - flat[o + 1]);
            }
            row = flat[at];
        }
    }

    /**
     * The move from a state on a folded character, as a dense row's entry is: the target's row
     * offset where it has a row and nothing to report, else {@code ~target}.
     */
    private int move(int state, char c) {
        int current = state;
        while (true) {
            if (c < 256 && denseRow[current] != NONE) {
                return dense[denseRow[current] * classes + classOf[c]];
            }
            int target = current == ROOT ? rootNext[c] : child(current, c);
            if (target != NONE) {
                return entry(target);
            }
            current = fail[current];
        }
    }

    /** A move to the state as a dense row's entry ({@link #dense}): by its row when it has one and no literal ends there. */
    private int entry(int target) {
        boolean quiet = enteredAt[target] == 0;
        return quiet && denseRow[target] != NONE ? denseRow[target] * classes : ~target;
    }

    /** {@link #next} from the sparse children and failure links alone. */
    private int sparseNext(int state, char c) {
        int current = state;
        while (current != ROOT) {
            int target = child(current, c);
            if (target != NONE) {
                return target;
            }
            current = fail[current];
        }
        return rootNext[c];
    }

    private int child(int state, char c) {
        int low = childStart[state];
        int high = childStart[state + 1] - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            char m = childChars[middle];
            if (m < c) {
                low = middle + 1;
            } else if (m > c) {
                high = middle - 1;
            } else {
                return childTargets[middle];
            }
        }
        return NONE;
    }

    /** Builds the trie with objects, links it breadth-first, then freezes it into arrays. */
    private static final class Builder {
        private final List<Map<Character, Integer>> children = new ArrayList<>();
        private final List<List<Integer>> ends = new ArrayList<>();
        private final int literalCount;
        private final int[] lengths;

        Builder(List<String> literals) {
            this.literalCount = literals.size();
            this.lengths = new int[literalCount];
            newState();
            for (int id = 0; id < literals.size(); id++) {
                String literal = CaseFold.fold(literals.get(id));
                if (literal.isEmpty()) {
                    throw new IllegalArgumentException("literal " + id + " is empty");
                }
                lengths[id] = literal.length();
                int state = ROOT;
                for (int i = 0; i < literal.length(); i++) {
                    Integer next = children.get(state).get(literal.charAt(i));
                    if (next == null) {
                        next = newState();
                        children.get(state).put(literal.charAt(i), next);
                    }
                    state = next;
                }
                ends.get(state).add(id);
            }
        }

        private int newState() {
            children.add(new TreeMap<>());
            ends.add(new ArrayList<>());
            return children.size() - 1;
        }

        LiteralMatcher build() {
            int states = children.size();
            int[] fail = new int[states];
            int[] dictionaryLink = new int[states];
            Arrays.fill(dictionaryLink, NONE);
            int[] order = breadthFirstOrder();
            for (int state : order) {
                for (Map.Entry<Character, Integer> edge : children.get(state).entrySet()) {
                    int target = edge.getValue();
                    fail[target] = state == ROOT ? ROOT : transition(fail, fail[state], edge.getKey());
                    int f = fail[target];
                    dictionaryLink[target] = !ends.get(f).isEmpty() ? f : dictionaryLink[f];
                }
            }
            int[] depth = new int[states];
            for (int state : order) {
                for (int child : children.get(state).values()) {
                    depth[child] = depth[state] + 1;
                }
            }
            return freeze(fail, dictionaryLink, depth);
        }

        private int transition(int[] fail, int state, char c) {
            while (true) {
                Integer next = children.get(state).get(c);
                if (next != null) {
                    return next;
                }
                if (state == ROOT) {
                    return ROOT;
                }
                state = fail[state];
            }
        }

        private int[] breadthFirstOrder() {
            int[] order = new int[children.size()];
            int count = 0;
            Deque<Integer> queue = new ArrayDeque<>();
            queue.add(ROOT);
            while (!queue.isEmpty()) {
                int state = queue.poll();
                order[count++] = state;
                queue.addAll(children.get(state).values());
            }
            return order;
        }

        private LiteralMatcher freeze(int[] fail, int[] dictionaryLink, int[] depth) {
            int states = children.size();
            int[] rootNext = new int[Character.MAX_VALUE + 1];
            for (Map.Entry<Character, Integer> edge : children.get(ROOT).entrySet()) {
                rootNext[edge.getKey()] = edge.getValue();
            }
            int[] childStart = new int[states + 1];
            int[] outputStart = new int[states + 1];
            int edges = 0;
            int outputCount = 0;
            for (int s = 0; s < states; s++) {
                childStart[s] = edges;
                outputStart[s] = outputCount;
                edges += s == ROOT ? 0 : children.get(s).size();
                outputCount += ends.get(s).size();
            }
            childStart[states] = edges;
            outputStart[states] = outputCount;
            char[] childChars = new char[edges];
            int[] childTargets = new int[edges];
            int[] outputs = new int[outputCount];
            for (int s = 0; s < states; s++) {
                if (s != ROOT) {
                    int e = childStart[s];
                    for (Map.Entry<Character, Integer> edge : children.get(s).entrySet()) {
                        childChars[e] = edge.getKey();
                        childTargets[e++] = edge.getValue();
                    }
                }
                int o = outputStart[s];
                for (int id : ends.get(s)) {
                    outputs[o++] = id;
                }
            }
            return new LiteralMatcher(literalCount, lengths, rootNext, childStart, childChars, childTargets, fail, outputStart,
                outputs, dictionaryLink, depth);
        }
    }
}
