package org.cleanmail.core.scoring;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The characters a match of a pattern can start with, among the 256 a text in byte form
 * holds, found by asking the pattern itself: a character is ruled out when matching it
 * alone fails without reaching the end of the input ({@link Matcher#hitEnd()}), after each
 * kind of preceding character that {@code ^} and {@code \b} look at (none, a word
 * character, a space, a line end). Patterns with look-behind or {@code \B}, whose start
 * depends on more of what precedes, get no set. For rules without a usable literal, the
 * matcher then tries only the positions holding such a character: Java tries every
 * alternative of a large alternation at every position, where Perl skips by start class.
 */
final class StartChars {
    private static final String[] CONTEXTS = {"", "a", " ", "\n"};
    private static final String[] NO_CONTEXT = {""};
    /** Beyond this many possible start characters, the position-by-position search does not pay. */
    private static final int MAX_CHARS = 96;

    private StartChars() {
    }

    /** A 256-bit set (4 longs), or null when every character may start a match or the pattern cannot be analysed. */
    static long[] of(Pattern pattern) {
        String source = pattern.pattern();
        if (source.contains("(?<") || source.contains("\\B") || source.contains("\\G")) {
            return null;
        }
        // only ^ and \b look at what precedes (look-behind is excluded above)
        String[] contexts = source.contains("^") || source.contains("\\b") ? CONTEXTS : NO_CONTEXT;
        long[] set = new long[4];
        int count = 0;
        Matcher matcher = pattern.matcher("");
        matcher.useTransparentBounds(true);
        matcher.useAnchoringBounds(false);
        try {
            for (String context : contexts) {
                for (int c = 0; c < 256; c++) {
                    if (contains(set, (char) c)) {
                        continue;
                    }
                    String input = context + (char) c;
                    matcher.reset(input);
                    matcher.region(context.length(), input.length());
                    if (matcher.lookingAt() || matcher.hitEnd()) {
                        set[c >>> 6] |= 1L << c;
                        count++;
                    }
                }
            }
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
        return count > MAX_CHARS ? null : set;
    }

    static boolean contains(long[] set, char c) {
        return c < 256 && (set[c >>> 6] & (1L << c)) != 0;
    }

    /** The first position at or after {@code from} holding a start character; the text length when none. */
    static int next(long[] set, String text, int from) {
        for (int i = from, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 256 || (set[c >>> 6] & (1L << c)) != 0) {
                return i;
            }
        }
        return text.length();
    }
}
