package org.cleanmail.core.scoring;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cleanmail.core.prefilter.CharFrequency;
import org.cleanmail.core.rules.regex.PerlRegex;

/**
 * The characters a match of a pattern can start with, among the 256 a text in byte form
 * holds, found by asking the pattern itself: a character is ruled out when matching it
 * alone fails without reaching the end of the input ({@link Matcher#hitEnd()}), after each
 * kind of preceding character that {@code ^} and {@code \b} look at (none, a word
 * character, a space, a line end). Patterns with other look-behinds or {@code \B}, whose
 * start depends on more of what precedes, get no set (the translation's word boundaries,
 * {@link PerlRegex#WORD_BOUNDARY}, read one character back, as {@code \b} does). For rules
 * without a usable literal, the matcher then tries only the start of the text and the
 * positions holding such a character, when they are rare enough (the start of the text is
 * left out of the set: {@code (?:^|\s)(?:malware|virus)} starts at a space, or anywhere at the
 * start) (the characters' share of mail text, upper case
 * letters counted a tenth as often as lower case ones): Java tries every alternative of a
 * large alternation at every position, where Perl skips by start class.
 */
final class StartChars {
    /** What may precede a position, for patterns that look: a word character, a space, a line end (the text start aside). */
    private static final String[] CONTEXTS = {"a", " ", "\n"};
    private static final String[] NO_CONTEXT = {""};
    /** What may precede a position that is not a line start, as {@code ^} and {@code \b} tell them apart. */
    private static final String[] NOT_LINE_ENDS = {"a", " "};
    /** Beyond this share of positions holding a start character, the position-by-position search does not pay. */
    static final double MAX_SHARE = 0.25;

    private StartChars() {
    }

    /**
     * A 256-bit set (4 longs), or null when every character may start a match, the set's
     * characters are too common ({@link #MAX_SHARE}) or the pattern cannot be analysed.
     */
    static long[] of(Pattern pattern) {
        return of(pattern, MAX_SHARE);
    }

    /** As {@link #of(Pattern)}, with a set's characters allowed up to {@code maxShare} of mail text's. */
    static long[] of(Pattern pattern, double maxShare) {
        String source = pattern.pattern();
        String withoutBoundaries = source.replace(PerlRegex.WORD_BOUNDARY, "").replace(PerlRegex.NOT_WORD_BOUNDARY, "");
        if (!readsOneBack(source)) {
            return null;
        }
        // only ^ and word boundaries look at what precedes (other look-behinds are excluded above)
        String[] contexts = source.contains("^") || source.contains("\\b") || !withoutBoundaries.equals(source)
            ? CONTEXTS : NO_CONTEXT;
        long[] set = new long[4];
        double share = 0;
        Matcher matcher = lookingBack(pattern);
        try {
            for (String context : contexts) {
                for (int c = 0; c < 256; c++) {
                    if (!contains(set, (char) c) && mayStart(matcher, context, (char) c)) {
                        set[c >>> 6] |= 1L << c;
                        share += CharFrequency.ofRaw((char) c);
                    }
                }
            }
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
        return share > maxShare ? null : set;
    }

    /**
     * Whether a match of the pattern can start only at the start of a text or after a line
     * feed ({@code ^} with {@code /m}, the patterns being compiled with
     * {@link Pattern#UNIX_LINES}): asked of the pattern itself, as {@link #of} does, after a
     * word character and after a space (what {@code \b} and {@code ^} tell apart among
     * other preceding characters), for every character a text in byte form holds. Such a
     * pattern is tried at line starts only; Java's search tries {@code ^} at every position
     * of the text.
     */
    static boolean lineStartsOnly(Pattern pattern) {
        String source = pattern.pattern();
        if (source.indexOf('^') < 0 || !readsOneBack(source)) {
            return false;
        }
        Matcher matcher = lookingBack(pattern);
        try {
            for (String context : NOT_LINE_ENDS) {
                for (int c = 0; c < 256; c++) {
                    if (mayStart(matcher, context, (char) c)) {
                        return false;
                    }
                }
            }
        } catch (RuntimeException | StackOverflowError e) {
            return false;
        }
        return true;
    }

    /** A matcher of the pattern that sees what precedes its region. */
    private static Matcher lookingBack(Pattern pattern) {
        Matcher matcher = pattern.matcher("");
        matcher.useTransparentBounds(true);
        matcher.useAnchoringBounds(false);
        return matcher;
    }

    /** Whether a match may start at the character {@code c} after {@code context}: it matches there, or reads past it. */
    private static boolean mayStart(Matcher matcher, String context, char c) {
        String input = context + c;
        matcher.reset(input);
        matcher.region(context.length(), input.length());
        return matcher.lookingAt() || matcher.hitEnd();
    }

    /**
     * Whether what may precede a match's start matters to the pattern through {@code ^} and
     * word boundaries only, which read one character back: no other look-behind, no
     * {@code \B} or {@code \G}.
     */
    private static boolean readsOneBack(String source) {
        String withoutBoundaries = source.replace(PerlRegex.WORD_BOUNDARY, "").replace(PerlRegex.NOT_WORD_BOUNDARY, "");
        return !withoutBoundaries.contains("(?<") && !source.contains("\\B") && !source.contains("\\G");
    }

    /** The expected share of a text's positions holding a character of the set: the attempts per character. */
    static double share(long[] set) {
        double share = 0;
        for (int c = 0; c < 256; c++) {
            share += contains(set, (char) c) ? CharFrequency.ofRaw((char) c) : 0;
        }
        return share;
    }

    static boolean contains(long[] set, char c) {
        return c < 256 && (set[c >>> 6] & (1L << c)) != 0;
    }

    /** The first position at or after {@code from} holding a start character; the text length when none. */
    static int next(long[] set, String text, int from) {
        return next(set, text, from, text.length());
    }

    /** The first position from {@code from} to {@code to} (excluded) holding a start character; {@code to} when none. */
    static int next(long[] set, String text, int from, int to) {
        for (int i = from, end = Math.min(to, text.length()); i < end; i++) {
            char c = text.charAt(i);
            if (c >= 256 || (set[c >>> 6] & (1L << c)) != 0) {
                return i;
            }
        }
        return to;
    }
}
