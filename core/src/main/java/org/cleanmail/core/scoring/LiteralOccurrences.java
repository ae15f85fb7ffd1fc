package org.cleanmail.core.scoring;

import java.util.Arrays;
import java.util.List;

import org.cleanmail.core.prefilter.LiteralMatcher;

/**
 * Where the literals of one target's rules occur in a message's texts of that target:
 * filled by one pass of the target's {@link LiteralMatcher} over each text, then read by
 * every rule that needs one of them, which so never searches the text itself. Occurrences
 * are kept per literal as linked lists in flat arrays. One per message and target; not
 * thread-safe.
 */
final class LiteralOccurrences implements LiteralMatcher.Occurrences {
    private static final int INITIAL_CAPACITY = 256;

    /** Per literal: 1 + the index of its latest occurrence, 0 when it has none. */
    private final int[] latest;
    /** The literals that occur, each once. */
    private int[] occurring = new int[64];
    private int occurringCount;
    private int[] chunks = new int[INITIAL_CAPACITY];
    private int[] starts = new int[INITIAL_CAPACITY];
    /** Per occurrence: 1 + the index of the previous occurrence of the same literal, 0 for none. */
    private int[] previous = new int[INITIAL_CAPACITY];
    private int count;
    private int chunk;

    private LiteralOccurrences(int literalCount) {
        this.latest = new int[literalCount];
    }

    /** The occurrences of the matcher's literals in each text, texts numbered from 0. */
    static LiteralOccurrences find(LiteralMatcher matcher, List<String> texts) {
        LiteralOccurrences occurrences = new LiteralOccurrences(matcher.literalCount());
        for (int i = 0; i < texts.size(); i++) {
            occurrences.chunk = i;
            matcher.scan(texts.get(i), occurrences);
        }
        return occurrences;
    }

    @Override
    public void found(int literal, int start) {
        if (count == chunks.length) {
            int capacity = count * 2;
            chunks = Arrays.copyOf(chunks, capacity);
            starts = Arrays.copyOf(starts, capacity);
            previous = Arrays.copyOf(previous, capacity);
        }
        if (latest[literal] == 0) {
            if (occurringCount == occurring.length) {
                occurring = Arrays.copyOf(occurring, occurringCount * 2);
            }
            occurring[occurringCount++] = literal;
        }
        chunks[count] = chunk;
        starts[count] = start;
        previous[count] = latest[literal];
        latest[literal] = ++count;
    }

    /** Whether the literal occurs in any of the texts. */
    boolean occurs(int literal) {
        return latest[literal] != 0;
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
            for (int at = latest[literal]; at != 0; at = previous[at - 1]) {
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
            for (int at = latest[literals[i]]; at != 0; at = previous[at - 1]) {
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
        for (int at = latest[literal]; at != 0; at = previous[at - 1]) {
            n += chunks[at - 1] >= firstChunk ? 1 : 0;
        }
        long[] into = buffer.length >= n ? buffer : new long[Math.max(n, buffer.length * 2)];
        int next = n;
        for (int at = latest[literal]; at != 0; at = previous[at - 1]) {
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
