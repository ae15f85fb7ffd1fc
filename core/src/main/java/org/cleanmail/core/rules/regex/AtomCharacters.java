package org.cleanmail.core.rules.regex;

import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The characters 0-255 (a text in byte form) that one atom of a Java pattern matches: a
 * class, an escape, a literal or {@code .}, under the flags in force there. Asked of
 * {@link Pattern} itself, so classes, escapes and case folding mean exactly what they mean
 * to the pattern; cached, since the same atoms recur across thousands of rules. Shared by the
 * readers of one compilation ({@link RegularSuperset}, {@link AutoPossessive}). Thread-safe.
 */
public final class AtomCharacters {
    /** The characters a text in byte form holds. */
    public static final int ALPHABET = 256;

    private final Map<String, BitSet> sets = new ConcurrentHashMap<>();

    /**
     * The characters 0-255 the atom matches under the flags (MULTILINE aside, which no single
     * character depends on); the set is shared, do not change it.
     *
     * @throws IllegalArgumentException when the atom alone is not a pattern Java reads
     */
    public BitSet of(String atom, int flags) {
        return sets.computeIfAbsent(flags + ":" + atom, key -> {
            Pattern alone = Pattern.compile(atom, flags & ~Pattern.MULTILINE);
            BitSet set = new BitSet(ALPHABET);
            for (char c = 0; c < ALPHABET; c++) {
                if (alone.matcher(String.valueOf(c)).matches()) {
                    set.set(c);
                }
            }
            return set;
        });
    }

    /**
     * The index just past the escape at {@code backslash} that stands for one character or a
     * set of them ({@code \x41}, {@code \x{263A}}, <code>&#92;u00e9</code>, {@code \0101},
     * {@code \cA}, {@code \p{Alpha}}, {@code \s}, {@code \.}); -1 when it is malformed, or one
     * these readers leave alone ({@code \Q}, {@code \R}, {@code \X}, {@code \N}, {@code \k}).
     * Assertions and back-references are the callers' to tell apart first.
     */
    static int escapeEnd(String source, int backslash) {
        if (backslash + 1 >= source.length()) {
            return -1;
        }
        int after = backslash + 2;
        switch (source.charAt(backslash + 1)) {
            case 'x':
                return end(RegexEscapes.hex(source, after));
            case 'u':
                return end(RegexEscapes.unicode(source, after));
            case '0':
                return end(RegexEscapes.octal(source, after));
            case 'c':
                return after < source.length() ? after + 1 : -1;
            case 'p':
            case 'P':
                if (source.startsWith("{", after)) {
                    int close = source.indexOf('}', after);
                    return close < 0 ? -1 : close + 1;
                }
                return after < source.length() ? after + 1 : -1;
            case 'Q':
            case 'R':
            case 'X':
            case 'N':
            case 'k':
                return -1;
            default:
                return after;
        }
    }

    private static int end(RegexEscapes.Number number) {
        return number == null ? -1 : number.end();
    }

    /**
     * The index just past the class opening at {@code open}, nested classes included (a
     * {@code ]} first in a class stands for itself, as Java reads it); -1 when the class does
     * not end, or holds {@code \Q}, which these readers leave alone.
     */
    static int classEnd(String source, int open) {
        int i = open;
        int depth = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '[') {
                depth++;
                i++;
                if (i < source.length() && source.charAt(i) == '^') {
                    i++;
                }
                if (i < source.length() && source.charAt(i) == ']') {
                    i++;
                }
                continue;
            }
            if (c == '\\') {
                if (i + 1 < source.length() && source.charAt(i + 1) == 'Q') {
                    return -1;
                }
                i += 2;
                continue;
            }
            if (c == ']' && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        return -1;
    }

    /**
     * The index just past a zero-width escape at {@code backslash} ({@code \b}, {@code \B},
     * {@code \A}, {@code \z}, {@code \Z}, {@code \G}), or -1 when it is another.
     */
    static int assertionEnd(String source, int backslash) {
        if (backslash + 1 >= source.length() || "bBAzZG".indexOf(source.charAt(backslash + 1)) < 0) {
            return -1;
        }
        return backslash + 2;
    }

    /** The index just past a numbered back-reference at {@code backslash} ({@code \1}, {@code \12}), or -1. */
    static int backReferenceEnd(String source, int backslash) {
        if (backslash + 1 >= source.length() || source.charAt(backslash + 1) < '1' || source.charAt(backslash + 1) > '9') {
            return -1;
        }
        int end = backslash + 2;
        while (end < source.length() && Character.isDigit(source.charAt(end))) {
            end++;
        }
        return end;
    }

    /**
     * Reads the inline flags after the {@code ?} at {@code question}: {@code ?flags)}, which
     * change the flags for the rest of the enclosing group, or {@code ?flags:}, whose group
     * body follows under them. Null when a flag is not among {@code readable} (or is
     * {@code x}, which changes how the rest reads) or nothing closes them.
     */
    static InlineFlags inlineFlags(String source, int question, int flags, int readable) {
        boolean on = true;
        int changed = flags;
        for (int i = question + 1; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '-') {
                on = false;
            } else if (c == ')' || c == ':') {
                return new InlineFlags(i + 1, changed, c == ')');
            } else {
                int flag = flagOf(c);
                if ((flag & readable) == 0) {
                    return null;
                }
                changed = on ? changed | flag : changed & ~flag;
            }
        }
        return null;
    }

    private static int flagOf(char c) {
        switch (c) {
            case 'i':
                return Pattern.CASE_INSENSITIVE;
            case 'm':
                return Pattern.MULTILINE;
            case 's':
                return Pattern.DOTALL;
            case 'u':
                return Pattern.UNICODE_CASE;
            case 'd':
                return Pattern.UNIX_LINES;
            case 'U':
                return Pattern.UNICODE_CHARACTER_CLASS;
            default:
                return 0;
        }
    }

    /** Inline flags as read: where they end, the flags then in force, whether they hold for the rest of the group. */
    static final class InlineFlags {
        final int end;
        final int flags;
        final boolean restOfGroup;

        InlineFlags(int end, int flags, boolean restOfGroup) {
            this.end = end;
            this.flags = flags;
            this.restOfGroup = restOfGroup;
        }
    }
}
