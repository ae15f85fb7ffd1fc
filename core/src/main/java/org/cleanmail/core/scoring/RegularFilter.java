package org.cleanmail.core.scoring;

import java.util.Optional;
import java.util.regex.Pattern;

import org.cleanmail.core.rules.regex.RegularSuperset;
import org.cleanmail.core.rules.regex.SupersetNfa;

/**
 * Whether a text can hold a match of a rule's pattern, in one pass of a deterministic
 * automaton over its characters (a table lookup each): the automaton of every text that
 * holds a substring {@link RegularSuperset} accepts. A text it rejects holds no match, and
 * the regular expression is not run on it; a text it accepts is matched as before. It
 * spares the costliest rules, those with no selective literal, which a backtracking search
 * tries at every position of every text. Texts in byte form (characters below 256); a text
 * with another character always passes.
 *
 * <p>The automaton is built whole at compile time when that is small ({@link #MAX_STATES}
 * states) and shared; otherwise (the ReplaceTags giants, whose whole automata run to tens of
 * thousands of states) each thread builds the states its texts reach as they reach them, as
 * RE2 does, in a table of at most {@link #LAZY_CELLS} cells that starts afresh when full.
 * Thread-safe.
 */
final class RegularFilter {
    /**
     * Rules searched at their start characters whose start characters leave this many match
     * attempts per character or more get a filter, which runs on each text they run on: a
     * pass of the automaton costs less than a tenth of the text's attempts.
     */
    static final double MIN_EXPECTED_TRIES = 0.02;
    /**
     * Anchored rules whose anchor is expected to leave this many match attempts per character
     * or more get a filter: it runs on a text only when the anchor occurs often enough in
     * that text ({@link #ATTEMPT_IN_CHARACTERS}), so a rule whose anchor is rare in most
     * mail but common in some (a tag's {@code <} in HTML, {@code m} in {@code __FUZZY_MONERO})
     * is filtered where it would be tried everywhere. With 0.02, as for start characters,
     * {@code __FONT_INVIS}, {@code __LOTSA_MONEY_*} and the {@code __FUZZY_*} sub-rules had
     * none and were among the costliest rules of the bench.
     */
    static final double MIN_ANCHOR_TRIES = 0.0005;
    /**
     * What one attempt of a pattern at a position costs (resetting the matcher, the first
     * nodes tried), in characters of a filter's pass (a table lookup each): a text with
     * fewer attempts than its length over this is searched without its filter. 500, not the
     * 50 a warm pattern costs: within a scan the pattern's nodes are out of the cache (a
     * {@code __LOTSA_MONEY_*} rule's attempts near a few anchor occurrences took 10 to 50 µs
     * a message, a filter's pass over a 500-character paragraph about 1.5), and with 50 those
     * rules and {@code __URL_SHORTENER} ran on most messages where their filters let through
     * 1% of texts.
     */
    static final int ATTEMPT_IN_CHARACTERS = 500;
    /** Beyond this many states of the nondeterministic automaton, the pattern gets no filter. */
    static final int MAX_NONDETERMINISTIC_STATES = 200_000;
    /** At most this many states in a table built whole. */
    static final int MAX_STATES = 4096;
    /** Building a whole table gives up after visiting this many states of the nondeterministic automaton. */
    static final long MAX_WORK = 400_000;
    /**
     * Cells (states times character classes) of a table a thread builds as it goes (1 MB),
     * and half the numbers its states' sets may hold (2 MB). After the bench's 300 messages a
     * thread holds about 5 MB for the 58 such filters of the stock and synthetic rules
     * ({@code __FILL_THIS_FORM_LONG2}, the largest, 1,484 states, none started afresh);
     * tighter (512 KB each) made the largest start afresh four times and the bench slower.
     */
    static final int LAZY_CELLS = 1 << 18;

    private final WholeTable whole;
    private final ThreadLocal<SubsetTable> perThread;
    /** Whether the superset holds matches to where the text or a line starts ({@link SupersetNfa#guarded}). */
    private final boolean startAnchored;

    private RegularFilter(WholeTable whole, ThreadLocal<SubsetTable> perThread, boolean startAnchored) {
        this.whole = whole;
        this.perThread = perThread;
        this.startAnchored = startAnchored;
    }

    /** The filter of a pattern, or empty when its superset cannot be read (or is too large). */
    static Optional<RegularFilter> of(Pattern pattern, RegularSuperset reader) {
        return reader.of(pattern).map(RegularFilter::of);
    }

    private static RegularFilter of(SupersetNfa nfa) {
        SubsetStates states = new SubsetStates(nfa);
        WholeTable whole = SubsetTable.complete(states, MAX_STATES, MAX_WORK);
        if (whole != null) {
            return new RegularFilter(whole, null, nfa.guarded());
        }
        return new RegularFilter(null, ThreadLocal.withInitial(() -> new SubsetTable(states, LAZY_CELLS)), nfa.guarded());
    }

    /** Whether the text may hold a match: false only when no substring of it is in the superset. */
    boolean mayMatch(String text) {
        return whole != null ? whole.mayMatch(text) : perThread.get().mayMatch(text);
    }

    /** Whether the table is built whole and shared (or by each thread as its texts need). */
    boolean whole() {
        return whole != null;
    }

    /** Whether the filter holds matches to where the text or a line starts ({@code ^}, {@code \A}). */
    boolean startAnchored() {
        return startAnchored;
    }
}
