package org.cleanmail.core.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.cleanmail.core.prefilter.CaseFold;
import org.cleanmail.core.prefilter.RegexAnchors;
import org.cleanmail.core.prefilter.RegexAnchors.Anchor;

/**
 * Where a rule's match can start in a text, found from its {@link Anchor}: one of the
 * anchor's literals occurs between {@code minOffset} and {@code maxOffset} characters after
 * every match start (or after the end of the run of a class every match opens with), so
 * only the positions just before an occurrence (and the run before it) need the regular
 * expression. A scan over the text checks each character against a 256-bit set of the
 * literals' first characters (any case), then the few literals starting with it.
 * Texts are in byte form (one character per UTF-8 byte, {@link ByteText}); the character scan
 * counts a character at or above 256 as an occurrence all the same, to stay safe.
 * Immutable and thread-safe.
 */
final class AnchorSearch {
    /** Beyond this many expected match attempts per character, the anchor filters too little. */
    static final double MAX_EXPECTED_TRIES = 0.25;
    /** A confirming anchor's widest offset window: one look for it reads at most about this many characters. */
    static final int MAX_CONFIRMING_WINDOW = 512;
    /** Up to this many first characters, each is looked for with the vectorised {@link String#indexOf(int, int)}. */
    private static final int MAX_INDEXED_CHARS = 4;
    /**
     * From this many positions before an occurrence (or with an opening run), the attempts
     * are made only at the positions holding one of the pattern's start characters
     * ({@link StartChars}): {@code <a\s[^>]{0,200}WORD} is tried at the few {@code <} of the
     * 200 positions before each occurrence of the word, not at all of them.
     */
    static final int MIN_WINDOW_FOR_START_CHARS = 3;
    /**
     * How common (their share of mail text's characters) the start characters of a wide
     * window's pattern may be: a bit test skips a position where an attempt of the regular
     * expression costs tens of them.
     */
    static final double MAX_WINDOW_START_SHARE = 0.5;

    /** {@link CaseFold#fold(char)} of the characters below 256, looked up. */
    private static final char[] FOLDED = new char[256];

    static {
        for (int c = 0; c < 256; c++) {
            FOLDED[c] = CaseFold.fold((char) c);
        }
    }

    private final long[] firstChars = new long[4];
    /** Folded literals by raw first character below 256 (null when that character starts none). */
    private final char[][][] byFirstChar = new char[256][][];
    private final boolean singleChars;
    /** The first characters (any case) when they are few enough to look for with {@link String#indexOf(int, int)}, or null. */
    private final char[] rareFirstChars;
    private final int minOffset;
    private final int maxOffset;
    private final double expectedTries;
    private final Set<String> literals;
    /** The characters below 256 of the opening run ({@link Anchor#prefixClass()}), any case, or null. */
    private final long[] prefixChars;
    private final Set<String> prefixClass;
    private final int prefixMin;
    /** A second anchor of the pattern that confirms an attempt at this one ({@link #confirming()}), or null. */
    private final AnchorSearch confirming;
    /** The characters a match can start with ({@link StartChars}) where the window is wide; null: every position is tried. */
    private final long[] startChars;

    private AnchorSearch(Anchor anchor, AnchorSearch confirming, long[] startChars) {
        this.confirming = confirming;
        this.startChars = startChars;
        this.literals = anchor.literals();
        this.prefixClass = anchor.prefixClass();
        this.prefixMin = anchor.prefixMin();
        if (prefixClass == null) {
            this.prefixChars = null;
        } else {
            this.prefixChars = new long[4];
            for (int c = 0; c < 256; c++) {
                if (prefixClass.contains(String.valueOf(FOLDED[c]))) {
                    prefixChars[c >>> 6] |= 1L << c;
                }
            }
        }
        this.expectedTries = anchor.expectedTries();
        this.minOffset = anchor.minOffset();
        this.maxOffset = anchor.maxOffset();
        boolean single = true;
        for (int c = 0; c < 256; c++) {
            char folded = CaseFold.fold((char) c);
            List<char[]> starting = new ArrayList<>();
            for (String literal : anchor.literals()) {
                if (literal.charAt(0) == folded) {
                    starting.add(literal.toCharArray());
                    single &= literal.length() == 1;
                }
            }
            if (!starting.isEmpty()) {
                firstChars[c >>> 6] |= 1L << c;
                byFirstChar[c] = starting.toArray(new char[0][]);
            }
        }
        this.singleChars = single;
        int count = Long.bitCount(firstChars[0]) + Long.bitCount(firstChars[1]) + Long.bitCount(firstChars[2])
            + Long.bitCount(firstChars[3]);
        if (count <= MAX_INDEXED_CHARS) {
            this.rareFirstChars = new char[count];
            int i = 0;
            for (int c = 0; c < 256; c++) {
                if ((firstChars[c >>> 6] & (1L << c)) != 0) {
                    rareFirstChars[i++] = (char) c;
                }
            }
        } else {
            this.rareFirstChars = null;
        }
    }

    /** The search for a pattern whose anchor is selective enough, or null; without a confirming anchor. */
    static AnchorSearch of(Pattern pattern) {
        return of(pattern, false);
    }

    /**
     * The search for a pattern whose anchor is selective enough, or null; with
     * {@code confirm}, also a {@link #confirming()} anchor when the pattern has one within
     * {@link #MAX_CONFIRMING_WINDOW}.
     */
    static AnchorSearch of(Pattern pattern, boolean confirm) {
        boolean comments = (pattern.flags() & Pattern.COMMENTS) != 0;
        return RegexAnchors.of(pattern.pattern(), comments)
            .filter(anchor -> anchor.expectedTries() <= MAX_EXPECTED_TRIES)
            .map(anchor -> new AnchorSearch(anchor, !confirm ? null
                : RegexAnchors.confirming(pattern.pattern(), comments, MAX_CONFIRMING_WINDOW)
                    .map(second -> new AnchorSearch(second, null, null)).orElse(null),
                wide(anchor) ? StartChars.of(pattern, MAX_WINDOW_START_SHARE) : null))
            .orElse(null);
    }

    /** Whether a match near an occurrence can start at many positions: a wide offset window, or an opening run. */
    private static boolean wide(Anchor anchor) {
        return anchor.maxOffset() - anchor.minOffset() + 1 >= MIN_WINDOW_FOR_START_CHARS || anchor.prefixClass() != null;
    }

    /**
     * A second anchor of the pattern, on other literals, every match also holds (offsets
     * from the match's start): an attempt near an occurrence of this anchor with no
     * occurrence of that one in reach ({@link Confirmation}) cannot match; null when there is none.
     */
    AnchorSearch confirming() {
        return confirming;
    }

    /** The anchor's literals, case-folded ({@link CaseFold}). */
    Set<String> literals() {
        return literals;
    }

    /** How many match attempts per character of mail text the anchor is expected to leave. */
    double expectedTries() {
        return expectedTries;
    }

    /** The positions before one occurrence a match can start at (an opening run aside): at most one attempt each. */
    int window() {
        return maxOffset - minOffset + 1;
    }

    /** The first position at or after {@code from} where an occurrence can be that of a match starting at {@code from} or later. */
    int firstOccurrenceFor(int from) {
        return from + minOffset + prefixMin;
    }

    /** The last position a match using the occurrence at {@code occurrence} can start at. */
    int highestStart(int occurrence) {
        return occurrence - minOffset - prefixMin;
    }

    /**
     * The first position a match using the occurrence at {@code occurrence} can start at:
     * its greatest offset before it, and with an opening run, the run of its class there.
     */
    int lowestStart(String text, int occurrence) {
        int start = Math.max(0, occurrence - maxOffset);
        if (prefixChars != null) {
            while (start > 0 && inPrefixClass(text.charAt(start - 1))) {
                start--;
            }
        }
        return start;
    }

    private boolean inPrefixClass(char c) {
        if (c < 256) {
            return (prefixChars[c >>> 6] & (1L << c)) != 0;
        }
        return prefixClass.contains(String.valueOf(CaseFold.fold(c)));
    }

    /**
     * The first position from {@code from} to {@code highest} a match can start at, as far as
     * the pattern's start characters tell (where the window is wide; the start of the text
     * always can, as {@code ^} may start a match there with another character); {@code highest + 1}
     * when none.
     */
    int nextStart(String text, int from, int highest) {
        if (startChars == null || from == 0 || from > highest) {
            return from;
        }
        return StartChars.next(startChars, text, from, highest + 1);
    }

    /** The first position at or after {@code from} where one of the literals starts; -1 when none. */
    int nextOccurrence(String text, int from) {
        return new Occurrences().on(this, text).atOrAfter(from);
    }

    /**
     * The anchor's occurrences in one text, asked for at ever later positions: with few first
     * characters, each one's next position is found with the vectorised
     * {@link String#indexOf(int, int)} and kept until passed, so that a character the text
     * holds far ahead, or not at all, is not looked for again at every occurrence of another.
     * Not thread-safe; reused by one message's searches, one text after the other.
     */
    static final class Occurrences implements MessageEvaluation.NextOccurrence {
        private AnchorSearch search;
        private String text;
        /** By rare first character: its first position at or after the last search, {@code MAX_VALUE} for none; -1 not known. */
        private final int[] nextOfChar = new int[MAX_INDEXED_CHARS];
        private int lastFrom;

        /** This cursor, set on the anchor's occurrences in the text (it is reused from text to text). */
        Occurrences on(AnchorSearch anchor, String text) {
            this.search = anchor;
            this.text = text;
            this.lastFrom = 0;
            forget();
            return this;
        }

        private void forget() {
            // four stores: this runs for each search of each rule's text
            for (int i = 0; i < MAX_INDEXED_CHARS; i++) {
                nextOfChar[i] = -1;
            }
        }

        /** The first position at or after {@code from} where one of the literals starts; -1 when none. */
        @Override
        public int atOrAfter(int from) {
            return between(from, Integer.MAX_VALUE);
        }

        /**
         * The first position in {@code from..to} where one of the literals starts; -1 when
         * none. A first character found past {@code to} is kept, not checked.
         */
        int between(int from, int to) {
            char[] rare = search.rareFirstChars;
            if (rare == null) {
                return search.scan(text, from, to);
            }
            int at = Math.max(from, 0);
            if (at < lastFrom) {
                forget();
            }
            lastFrom = at;
            while (true) {
                int first = Integer.MAX_VALUE;
                for (int i = 0; i < rare.length; i++) {
                    if (nextOfChar[i] < at) {
                        int found = text.indexOf(rare[i], at);
                        nextOfChar[i] = found < 0 ? Integer.MAX_VALUE : found;
                    }
                    first = Math.min(first, nextOfChar[i]);
                }
                if (first == Integer.MAX_VALUE || first > to) {
                    return -1;
                }
                if (search.singleChars || startsHere(text, first, search.byFirstChar[text.charAt(first)])) {
                    return first;
                }
                at = first + 1;
            }
        }
    }

    /** The first position in {@code from..to} where one of the literals starts, or -1; reads only those positions. */
    private int scan(String text, int from, int to) {
        for (int i = Math.max(from, 0), end = Math.min(to, text.length() - 1); i <= end; i++) {
            char c = text.charAt(i);
            if (c >= 256) {
                return i;
            }
            if ((firstChars[c >>> 6] & (1L << c)) != 0 && (singleChars || startsHere(text, i, byFirstChar[c]))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether a {@link #confirming()} anchor occurs in reach of the attempts of a search in
     * one text: each position where one of its literals may start is checked once, and only
     * within reach of an attempt (few first characters are found ahead with the vectorised
     * {@link String#indexOf(int, int)}, {@link Occurrences}; more are read position by
     * position); the attempts must come at ever later positions. Not thread-safe; reused by
     * one message's searches, one text after the other.
     */
    static final class Confirmation {
        private final Occurrences ahead = new Occurrences();
        private AnchorSearch second;
        /** Every position before this one is checked: none holds an occurrence but {@link #found}. */
        private int checked;
        /** The occurrence found last, or -1. */
        private int found;

        /** This confirmation, set on the second anchor's occurrences in the text (it is reused from text to text). */
        Confirmation on(AnchorSearch second, String text) {
            ahead.on(second, text);
            this.second = second;
            this.checked = 0;
            this.found = -1;
            return this;
        }

        /** Whether a match starting between {@code lowest} and {@code highest} (never lower than before) can hold the second anchor. */
        boolean possible(int lowest, int highest) {
            int from = lowest + second.minOffset;
            int to = highest + second.maxOffset;
            if (found >= from) {
                return found <= to;
            }
            int start = Math.max(from, checked);
            if (start > to) {
                return false;
            }
            found = ahead.between(start, to);
            checked = found >= 0 ? found + 1 : to + 1;
            return found >= 0;
        }
    }

    private static char fold(char c) {
        return c < 256 ? FOLDED[c] : CaseFold.fold(c);
    }

    private static boolean startsHere(String text, int at, char[][] literals) {
        for (char[] literal : literals) {
            if (at + literal.length <= text.length()) {
                int k = 1;
                while (k < literal.length && fold(text.charAt(at + k)) == literal[k]) {
                    k++;
                }
                if (k == literal.length) {
                    return true;
                }
            }
        }
        return false;
    }
}
