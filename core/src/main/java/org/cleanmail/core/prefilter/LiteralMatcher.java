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
 * with the failure links already followed. A row's entry for a move to another row
 * with nothing to report is that row's offset, so that the scan over most characters of a
 * text is two lookups each, the class and the move (FULL's 322 states: about 3 ns per
 * character; the body's 44,586 states of mostly whole words of the synthetic rules, dense
 * to two characters, 20 ns, to four, 13 ns). Any other move leads to the target's node, one
 * run of ints holding what a scan reads there: the literals that end in it, its row if it has
 * one, else its children by character class and its failure state's row or node (the
 * bench's body pass goes through a state without a row at one character in three; per-state
 * child lists and failure links took a read each, the nodes cut rule evaluation by 3%).
 * Immutable and thread-safe.
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
     * By state: where its node starts in {@link #nodes}, for the states a scan enters by
     * their node (those that report, and those without a dense row); 0 for the others.
     */
    private final int[] nodeAt;
    /**
     * What a scan entering a state by its node reads, in one place: the node's state, then
     * (at the node's offset) the state's dense row offset or -1, the number of literals that
     * end there (its own and those its dictionary links lead to), each literal's id and
     * length; then, for a state without a dense row, the move on a mismatch (its failure
     * state's row offset, or {@code ~} its node when it has no row) and its children by character class,
     * each with its target as a dense row's entry. Finding the same by per-state arrays
     * (outputs, dictionary links, child lists, failure links) took a read in each; the body's
     * automaton reports at one character in four of the bench's mail (its rules are the
     * mail's own words), and goes through a state without a row at one in three.
     */
    private final int[] nodes;
    /** Per state: its row in {@link #dense}, or -1. */
    private final int[] denseRow;
    /** Per dense row: its state. */
    private final int[] rowState;
    /** Per character below 256: its class, the same for the characters that fold alike; 0 for those no literal holds. */
    private final int[] classOf;
    /** Per character class but 0: the folded character it stands for. */
    private final char[] charOfClass;
    /** Character classes, and cells per dense row. */
    private final int classes;
    /**
     * The full transitions (failure links followed) of the shallow states, a row of
     * {@link #classes} cells each, by character class: to a state with a row of its own and
     * nothing to report, that row's offset (row times classes, not negative); to another state,
     * {@code ~} its node's offset in {@link #nodes} (negative). The scan mostly goes from row to
     * row, one lookup per character.
     */
    private final int[] dense;

    private LiteralMatcher(int literalCount, int[] lengths, int[] rootNext, int[] childStart, char[] childChars, int[] childTargets,
                           int[] fail, int[] outputStart, int[] outputs, int[] dictionaryLink, int[] depth, int maxDenseCells) {
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
        this.charOfClass = new char[classes];
        classByFolded.forEach((folded, c) -> charOfClass[c] = folded);
        this.denseRow = new int[depth.length];
        Arrays.fill(denseRow, NONE);
        int rows = 0;
        int deepest = Arrays.stream(depth).max().orElse(0);
        for (int maxDepth = 0; maxDepth <= deepest; maxDepth++) {
            int atDepth = 0;
            for (int d : depth) {
                atDepth += d == maxDepth ? 1 : 0;
            }
            if (maxDepth > 0 && (long) (rows + atDepth) * classes > maxDenseCells) {
                break;
            }
            for (int state = 0; state < depth.length; state++) {
                if (depth[state] == maxDepth) {
                    denseRow[state] = rows++;
                }
            }
        }
        this.nodeAt = new int[depth.length];
        int[] ending = new int[depth.length];
        int size = 0;
        for (int state = 0; state < depth.length; state++) {
            for (int s = firstReporting(state, outputStart, dictionaryLink); s > ROOT; s = dictionaryLink[s]) {
                ending[state] += outputStart[s + 1] - outputStart[s];
            }
            if (ending[state] > 0 || denseRow[state] == NONE) {
                nodeAt[state] = size + 1;
                size += 3 + 2 * ending[state] + (denseRow[state] == NONE ? 2 + 2 * classedChildren(state) : 0);
            }
        }
        this.nodes = new int[size];
        for (int state = 0; state < depth.length; state++) {
            int at = nodeAt[state];
            if (at == 0) {
                continue;
            }
            nodes[at - 1] = state;
            nodes[at] = denseRow[state] == NONE ? NONE : denseRow[state] * classes;
            nodes[at + 1] = ending[state];
            int o = at + 2;
            for (int s = firstReporting(state, outputStart, dictionaryLink); s > ROOT; s = dictionaryLink[s]) {
                for (int out = outputStart[s]; out < outputStart[s + 1]; out++) {
                    nodes[o++] = outputs[out];
                    nodes[o++] = lengths[outputs[out]];
                }
            }
            if (denseRow[state] == NONE) {
                // the failure state's moves: by its row when it has one (whether it reports does not matter here)
                nodes[o++] = denseRow[fail[state]] != NONE ? denseRow[fail[state]] * classes : ~nodeAt[fail[state]];
                int count = o++;
                for (int c = 1; c < classes; c++) {
                    int target = child(state, charOfClass[c]);
                    if (target != NONE) {
                        nodes[o++] = c;
                        nodes[o++] = entry(target);
                    }
                }
                nodes[count] = (o - count - 1) / 2;
            }
        }
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
        return of(literals, MAX_DENSE_CELLS);
    }

    /** As {@link #of(List)}, with dense rows of at most that many cells in all (tests: automata of mostly sparse states). */
    static LiteralMatcher of(List<String> literals, int maxDenseCells) {
        return new Builder(literals).build(maxDenseCells);
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
        int[] classOfChar = classOf;
        int[] flat = nodes;
        // the dense row offset of the state the scan is in, or -1: then the state's node
        int row = denseRow[ROOT] * classes;
        int node = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            int to;
            if (c >= 256) {
                to = move(row >= 0 ? rowState[row / classes] : flat[node - 1], CaseFold.fold(c));
            } else if (row >= 0) {
                to = rows[row + classOfChar[c]];
            } else {
                to = sparseMove(node, classOfChar[c]);
            }
            if (to >= 0) {
                row = to;
                continue;
            }
            node = ~to;
            int ending = flat[node + 1];
            for (int o = node + 2, end = o + 2 * ending; o < end; o += 2) {
                occurrences.found(flat[o], i + 1 - flat[o + 1]);
            }
            row = flat[node];
        }
    }

    /**
     * The move from a state without a dense row, by its node, on a character of a class, as
     * a dense row's entry is: its child's, else its failure state's move.
     */
    private int sparseMove(int node, int charClass) {
        int[] flat = nodes;
        int at = node;
        while (true) {
            int mismatch = at + 2 + 2 * flat[at + 1];
            for (int e = mismatch + 2, end = e + 2 * flat[mismatch + 1]; e < end; e += 2) {
                int c = flat[e];
                if (c == charClass) {
                    return flat[e + 1];
                }
                if (c > charClass) {
                    break;
                }
            }
            int failure = flat[mismatch];
            if (failure >= 0) {
                return dense[failure + charClass];
            }
            at = ~failure;
        }
    }

    /**
     * The move from a state on a folded character, as a dense row's entry is: the target's row
     * offset where it has a row and nothing to report, else {@code ~} its node.
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

    /** A move to the state as a dense row's entry ({@link #dense}): by its row when it has one and no literal ends there, else by its node. */
    private int entry(int target) {
        return nodeAt[target] == 0 ? denseRow[target] * classes : ~nodeAt[target];
    }

    /** The children of a state whose characters have a class (those a character below 256 folds to). */
    private int classedChildren(int state) {
        int count = 0;
        for (int c = 1; c < classes; c++) {
            count += child(state, charOfClass[c]) != NONE ? 1 : 0;
        }
        return count;
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

        LiteralMatcher build(int maxDenseCells) {
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
            return freeze(fail, dictionaryLink, depth, maxDenseCells);
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

        private LiteralMatcher freeze(int[] fail, int[] dictionaryLink, int[] depth, int maxDenseCells) {
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
                outputs, dictionaryLink, depth, maxDenseCells);
        }
    }
}
