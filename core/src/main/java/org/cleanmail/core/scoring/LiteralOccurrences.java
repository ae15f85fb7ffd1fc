package org.cleanmail.core.scoring;

import java.util.Arrays;
import java.util.List;

import org.cleanmail.core.prefilter.LiteralMatcher;

/**
 * Where the literals of one target's rules occur in a message's texts of that target:
 * filled by one pass of the target's {@link LiteralMatcher} over each text, then read by
 * every rule that needs one of them, which so never searches the text itself. Occurrences
 * are kept per literal as linked lists in flat arrays. For the literals of rules that are
 * literal strings, the word boundaries around their occurrences are summed up once per
 * literal ({@link #kinds}): the many such rules sharing a word then decide without reading
 * its occurrences again. One per message and target; not thread-safe.
 */
final class LiteralOccurrences implements LiteralMatcher.Occurrences {
    private static final int INITIAL_CAPACITY = 256;
    /** Boundary kind: an occurrence. */
    static final int ANY = 1;
    /** Boundary kind: an occurrence with a word boundary ({@link LiteralPattern#boundaryAt}) before it. */
    static final int BOUNDARY_BEFORE = 2;
    /** Boundary kind: an occurrence with a word boundary after it. */
    static final int BOUNDARY_AFTER = 4;
    /** Boundary kind: an occurrence with a word boundary on each side. */
    static final int BOUNDARIES_AROUND = 8;
    private static final int KIND_BITS = 4;
    private static final int KIND_MASK = (1 << KIND_BITS) - 1;

    private final LiteralMatcher matcher;
    /** Per literal: whether its boundary kinds may be asked for; null for none. */
    private final boolean[] kindsWanted;
    /**
     * Per literal: the boundary kinds of its occurrences, those in the first text in the low
     * four bits, those in the later texts in the high four; 0 until first asked for.
     */
    private byte[] kinds;
    private final List<String> texts;

    /**
     * Per literal, side by side (one place to read and write for an occurrence, as the
     * literal pass reports one at every fourth character of some texts): at {@code 2 * literal},
     * 1 + the index of its latest occurrence, 0 when it has none ({@link #latest}); at
     * {@code 2 * literal + 1}, the texts it occurs in, text {@code i} as bit {@code i}, the
     * 64th and later texts all as the last bit, 0 for a literal that does not occur. Null
     * once handed on to the next occurrences of the same matcher
     * ({@link #find(LiteralMatcher, List, boolean[], LiteralOccurrences)}).
     */
    private long[] perLiteral;
    /** The bit of the text being scanned in {@link #perLiteral}. */
    private long textBit;
    /**
     * The literals that occur, one bit each: what {@link #occurs} reads, a few kilobytes
     * where {@link #perLiteral} is 16 bytes a literal (half a megabyte for the body).
     */
    private long[] occurringBits;
    /** The literals that occur, each once. */
    private int[] occurring;
    private int occurringCount;
    private int[] chunks;
    private int[] starts;
    /** Per occurrence: 1 + the index of the previous occurrence of the same literal, 0 for none. */
    private int[] previous;
    private int count;
    private int chunk;

    private LiteralOccurrences(LiteralMatcher matcher, boolean[] kindsWanted, List<String> texts, long[] perLiteral) {
        this.matcher = matcher;
        this.perLiteral = perLiteral;
        this.kindsWanted = kindsWanted;
        this.texts = texts;
    }

    /** The occurrences of the matcher's literals in each text, texts numbered from 0. */
    static LiteralOccurrences find(LiteralMatcher matcher, List<String> texts) {
        return find(matcher, texts, null);
    }

    /**
     * As {@link #find(LiteralMatcher, List)}; the boundary kinds of the literals
     * {@code kindsWanted} marks (null: none) may be asked for.
     */
    static LiteralOccurrences find(LiteralMatcher matcher, List<String> texts, boolean[] kindsWanted) {
        return find(matcher, texts, kindsWanted, null);
    }

    /**
     * As {@link #find(LiteralMatcher, List, boolean[])}, reusing the arrays of {@code done},
     * earlier occurrences of the same matcher no longer read (null: none): its per-literal
     * arrays with only the entries of the literals that occurred cleared (a large target's,
     * one int per literal: 128 KB for the body with the bench's rules), and its occurrence
     * lists. A message's targets and header selections are so neither allocated nor zeroed
     * again for each message. {@code done} is unusable afterwards.
     */
    static LiteralOccurrences find(LiteralMatcher matcher, List<String> texts, boolean[] kindsWanted,
                                   LiteralOccurrences done) {
        LiteralOccurrences occurrences;
        if (done != null && done.matcher == matcher && done.perLiteral != null) {
            occurrences = new LiteralOccurrences(matcher, kindsWanted, texts, done.perLiteral);
            for (int i = 0; i < done.occurringCount; i++) {
                int literal = done.occurring[i];
                done.perLiteral[2 * literal] = 0;
                done.perLiteral[2 * literal + 1] = 0;
                done.occurringBits[literal >>> 6] = 0;
                if (done.kinds != null) {
                    done.kinds[literal] = 0;
                }
            }
            occurrences.kinds = done.kinds;
            occurrences.occurring = done.occurring;
            occurrences.occurringBits = done.occurringBits;
            occurrences.chunks = done.chunks;
            occurrences.starts = done.starts;
            occurrences.previous = done.previous;
            done.perLiteral = null;
            done.kinds = null;
        } else {
            occurrences = new LiteralOccurrences(matcher, kindsWanted, texts, new long[2 * matcher.literalCount()]);
            occurrences.occurring = new int[64];
            occurrences.occurringBits = new long[(matcher.literalCount() + Long.SIZE - 1) / Long.SIZE];
            occurrences.chunks = new int[INITIAL_CAPACITY];
            occurrences.starts = new int[INITIAL_CAPACITY];
            occurrences.previous = new int[INITIAL_CAPACITY];
        }
        for (int i = 0; i < texts.size(); i++) {
            occurrences.chunk = i;
            occurrences.textBit = textBit(i);
            matcher.scan(texts.get(i), occurrences);
        }
        return occurrences;
    }

    /** The kind a string needs, with a word boundary before it or not, after it or not. */
    static int kindNeeding(boolean boundaryBefore, boolean boundaryAfter) {
        if (boundaryBefore) {
            return boundaryAfter ? BOUNDARIES_AROUND : BOUNDARY_BEFORE;
        }
        return boundaryAfter ? BOUNDARY_AFTER : ANY;
    }

    @Override
    public void found(int literal, int start) {
        if (count == chunks.length) {
            int capacity = count * 2;
            chunks = Arrays.copyOf(chunks, capacity);
            starts = Arrays.copyOf(starts, capacity);
            previous = Arrays.copyOf(previous, capacity);
        }
        long[] slots = perLiteral;
        int slot = 2 * literal;
        int last = (int) slots[slot];
        if (last == 0) {
            if (occurringCount == occurring.length) {
                occurring = Arrays.copyOf(occurring, occurringCount * 2);
            }
            occurring[occurringCount++] = literal;
            occurringBits[literal >>> 6] |= 1L << literal;
        }
        slots[slot + 1] |= textBit;
        chunks[count] = chunk;
        starts[count] = start;
        previous[count] = last;
        slots[slot] = ++count;
    }

    private static int kindAt(String text, int start, int end) {
        boolean before = LiteralPattern.boundaryAt(text, start);
        boolean after = LiteralPattern.boundaryAt(text, end);
        return ANY | (before ? BOUNDARY_BEFORE : 0) | (after ? BOUNDARY_AFTER : 0) | (before && after ? BOUNDARIES_AROUND : 0);
    }

    /**
     * The boundary kinds ({@link #ANY}, {@link #BOUNDARY_BEFORE}, ...) of the literal's
     * occurrences in the texts from {@code firstChunk} (0 or 1) on, one bit each, summed up
     * on the first call for the literal; only for a literal {@link #hasKinds}.
     */
    int kinds(int literal, int firstChunk) {
        if (latest(literal) == 0) {
            return 0;
        }
        if (kinds == null) {
            kinds = new byte[perLiteral.length / 2];
        }
        int both = kinds[literal] & 0xFF;
        if (both == 0) {
            // summed up on first use: an occurring literal has the kind ANY in one of the halves
            int length = matcher.length(literal);
            for (int at = latest(literal); at != 0; at = previous[at - 1]) {
                int kind = kindAt(texts.get(chunks[at - 1]), starts[at - 1], starts[at - 1] + length);
                both |= chunks[at - 1] == 0 ? kind : kind << KIND_BITS;
            }
            kinds[literal] = (byte) both;
        }
        if (firstChunk == 0) {
            return (both | both >>> KIND_BITS) & KIND_MASK;
        }
        if (firstChunk == 1) {
            return (both >>> KIND_BITS) & KIND_MASK;
        }
        throw new IllegalArgumentException("boundary kinds are summed up for the first text and the others; asked from text "
            + firstChunk);
    }

    /** Whether the boundary kinds of the literal may be asked for. */
    boolean hasKinds(int literal) {
        return kindsWanted != null && kindsWanted[literal];
    }

    /** Whether the literal occurs in any of the texts. */
    boolean occurs(int literal) {
        return (occurringBits[literal >>> 6] & 1L << literal) != 0;
    }

    /** 1 + the index of the literal's latest occurrence, 0 when it has none. */
    private int latest(int literal) {
        return (int) perLiteral[2 * literal];
    }

    /**
     * Whether the literal occurs in the {@code chunk}-th text (for the 64th text and later:
     * in one of them).
     */
    boolean occursIn(int literal, int chunk) {
        return (perLiteral[2 * literal + 1] & textBit(chunk)) != 0;
    }

    /** The bit of the {@code chunk}-th text in {@link #perLiteral}: the 64th and later texts share the last. */
    private static long textBit(int chunk) {
        return 1L << Math.min(chunk, Long.SIZE - 1);
    }

    /** How many literals occur. */
    int occurringCount() {
        return occurringCount;
    }

    /** The {@code i}-th literal that occurs. */
    int occurring(int i) {
        return occurring[i];
    }

    /**
     * The occurrences of any of these literals in texts from {@code firstChunk} on, sorted by
     * text then start, each encoded as {@code text << 32 | start} (see {@link #chunk},
     * {@link #start}), into {@code buffer} (grown when needed).
     *
     * @return the buffer holding them, and their number in {@code count[0]}
     */
    long[] gather(int[] literals, int firstChunk, long[] buffer, int[] count) {
        if (literals.length == 1) {
            return gatherOne(literals[0], firstChunk, buffer, count);
        }
        long[] into = buffer;
        int n = 0;
        for (int literal : literals) {
            for (int at = latest(literal); at != 0; at = previous[at - 1]) {
                int occurrence = at - 1;
                if (chunks[occurrence] < firstChunk) {
                    continue;
                }
                if (n == into.length) {
                    into = Arrays.copyOf(into, n * 2);
                }
                into[n++] = (long) chunks[occurrence] << 32 | starts[occurrence];
            }
        }
        Arrays.sort(into, 0, n);
        count[0] = n;
        return into;
    }

    /** Where a literal occurs: text number, start, and which of the literals asked for it is. */
    interface OccurrenceTest {
        boolean test(int chunk, int start, int literal);
    }

    /**
     * Whether the test holds at an occurrence of any of these literals in a text from
     * {@code firstChunk} on; the test is told the literal's place in {@code literals}.
     */
    boolean any(int[] literals, int firstChunk, OccurrenceTest test) {
        for (int i = 0; i < literals.length; i++) {
            for (int at = latest(literals[i]); at != 0; at = previous[at - 1]) {
                int occurrence = at - 1;
                if (chunks[occurrence] >= firstChunk && test.test(chunks[occurrence], starts[occurrence], i)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@link #gather} of one literal, whose occurrences are recorded in order already (read back to front). */
    private long[] gatherOne(int literal, int firstChunk, long[] buffer, int[] count) {
        int n = 0;
        for (int at = latest(literal); at != 0; at = previous[at - 1]) {
            n += chunks[at - 1] >= firstChunk ? 1 : 0;
        }
        long[] into = buffer.length >= n ? buffer : new long[Math.max(n, buffer.length * 2)];
        int next = n;
        for (int at = latest(literal); at != 0; at = previous[at - 1]) {
            int occurrence = at - 1;
            if (chunks[occurrence] >= firstChunk) {
                into[--next] = (long) chunks[occurrence] << 32 | starts[occurrence];
            }
        }
        count[0] = n;
        return into;
    }

    static int chunk(long encoded) {
        return (int) (encoded >>> 32);
    }

    static int start(long encoded) {
        return (int) encoded;
    }
}
