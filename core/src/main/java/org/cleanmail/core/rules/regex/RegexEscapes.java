package org.cleanmail.core.rules.regex;

/**
 * The numbers in java.util.regex escapes, read as {@link java.util.regex.Pattern} reads them:
 * {@code \xhh}, {@code \x{h...h}}, <code>&#92;uhhhh</code> and {@code \0ooo}, for the readers of
 * translated patterns ({@link AsciiPruning}, the scoring package's literal rules). Stateless.
 */
public final class RegexEscapes {
    private RegexEscapes() {
    }

    /** A number read from a pattern: its value, and the position after it. */
    public static final class Number {
        private final int value;
        private final int end;

        private Number(int value, int end) {
            this.value = value;
            this.end = end;
        }

        public int value() {
            return value;
        }

        /** The position in the pattern just after the number. */
        public int end() {
            return end;
        }
    }

    /** What follows {@code \x} at {@code at}: two hex digits, or hex digits in braces; null when malformed. */
    public static Number hex(String source, int at) {
        if (at < source.length() && source.charAt(at) == '{') {
            int close = source.indexOf('}', at);
            return close < 0 ? null : parse(source.substring(at + 1, close), 16, close + 1);
        }
        return digits(source, at, 2, 16);
    }

    /** What follows backslash-u at {@code at}: four hex digits; null when malformed. */
    public static Number unicode(String source, int at) {
        return digits(source, at, 4, 16);
    }

    /**
     * What follows {@code \0} at {@code at}: one to three octal digits, a third only when
     * the first is 0 to 3 ({@code \0377} at most); null when no octal digit follows.
     */
    public static Number octal(String source, int at) {
        int end = at;
        while (end < source.length() && end - at < 3 && source.charAt(end) >= '0' && source.charAt(end) <= '7') {
            end++;
        }
        if (end - at == 3 && source.charAt(at) > '3') {
            end--;
        }
        return end == at ? null : parse(source.substring(at, end), 8, end);
    }

    private static Number digits(String source, int at, int count, int radix) {
        return at + count > source.length() ? null : parse(source.substring(at, at + count), radix, at + count);
    }

    private static Number parse(String digits, int radix, int end) {
        try {
            return new Number(Integer.parseInt(digits, radix), end);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
