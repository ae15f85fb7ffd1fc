package org.cleanmail.core.message.relay;

import java.util.regex.Pattern;

/**
 * A Received field's text as SpamAssassin's {@code parse_received_line} first rewrites it:
 * {@code s/\s+/ /gs}, one leading and one trailing space removed, then {@code s/\s?;$//}
 * until nothing changes; by hand, as each field is rewritten so and the patterns cost more
 * than the rest of the parse of most fields (the result is the patterns', see
 * {@code ReceivedFieldTextTest}).
 */
final class ReceivedFieldText {
    private static final Pattern TRAILING_SEMICOLON = Pattern.compile("\\s?;$");

    private ReceivedFieldText() {
    }

    static String normalized(String received) {
        String text = spacesCollapsed(received);
        text = text.startsWith(" ") ? text.substring(1) : text;
        text = text.endsWith(" ") ? text.substring(0, text.length() - 1) : text;
        return trailingSemicolonsRemoved(text);
    }

    /** s/\s+/ /g: each run of whitespace ({@code \s}: space, tab, line ends, vertical tab, form feed) as one space. */
    private static String spacesCollapsed(String text) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (isSpace(c) && (c != ' ' || i + 1 < n && isSpace(text.charAt(i + 1)))) {
                break;
            }
            i++;
        }
        if (i == n) {
            return text;
        }
        StringBuilder collapsed = new StringBuilder(n).append(text, 0, i);
        while (i < n) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                collapsed.append(' ');
                while (i < n && isSpace(text.charAt(i))) {
                    i++;
                }
            } else {
                collapsed.append(c);
                i++;
            }
        }
        return collapsed.toString();
    }

    /**
     * s/\s?;$//g until nothing changes, on a text whose whitespace is single spaces; by the
     * pattern itself once the text ends in another line terminator, which $ may precede.
     */
    private static String trailingSemicolonsRemoved(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ';') {
            end -= end > 1 && text.charAt(end - 2) == ' ' ? 2 : 1;
        }
        String removed = text.substring(0, end);
        if (end == 0 || !isOtherLineTerminator(removed.charAt(end - 1))) {
            return removed;
        }
        String previous;
        do {
            previous = removed;
            removed = TRAILING_SEMICOLON.matcher(removed).replaceFirst("");
        } while (!removed.equals(previous));
        return removed;
    }

    private static boolean isOtherLineTerminator(char c) {
        return c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
