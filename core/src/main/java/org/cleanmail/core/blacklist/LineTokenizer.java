package org.cleanmail.core.blacklist;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a list-file line into words at blanks. A double-quoted part may hold blanks and
 * the escapes {@code \"}, {@code \\}, {@code \n} and {@code \r}; quotes are removed, so
 * {@code reason="open relay"} gives the word {@code reason=open relay}.
 */
final class LineTokenizer {
    private LineTokenizer() {
    }

    static List<String> tokenize(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    quoted = false;
                } else if (c == '\\') {
                    if (i + 1 == line.length()) {
                        throw new IllegalArgumentException("a backslash ends the line; write \\\\ for a backslash");
                    }
                    word.append(unescape(line.charAt(++i)));
                } else {
                    word.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                inWord = true;
            } else if (c == ' ' || c == '\t') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quote is not closed, e.g. reason=\"open relay\"");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** The text as one word: as is when it holds no blank, quote or backslash, else quoted. */
    static String word(String text) {
        if (!text.isEmpty() && text.chars().noneMatch(c -> c == '"' || c == '\\' || Character.isWhitespace(c))) {
            return text;
        }
        return quote(text);
    }

    /** The text as a quoted word that {@link #tokenize(String)} reads back unchanged. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c == '\n') {
                quoted.append("\\n");
            } else if (c == '\r') {
                quoted.append("\\r");
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    private static char unescape(char c) {
        if (c == 'n') {
            return '\n';
        }
        if (c == 'r') {
            return '\r';
        }
        if (c == '"' || c == '\\') {
            return c;
        }
        throw new IllegalArgumentException("unknown escape \\" + c + "; use \\\", \\\\, \\n or \\r");
    }
}
