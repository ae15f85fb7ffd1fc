package org.cleanmail.core.message;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts text into the chunks SpamAssassin matches body rules against. Rendered text
 * becomes paragraphs: lines between blank lines are joined and every run of whitespace
 * becomes one space. Raw text becomes lines. Chunks longer than {@value #MAX_CHUNK}
 * characters are split at a space after {@value #MIN_CHUNK} characters, so that one huge
 * line cannot make a rule's regular expression run long.
 */
final class BodyChunking {
    static final int MIN_CHUNK = 1024;
    static final int MAX_CHUNK = 2048;

    private BodyChunking() {
    }

    /** Paragraphs with whitespace collapsed; blank paragraphs are dropped. */
    static List<String> paragraphs(String text) {
        List<String> result = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        boolean pendingSpace = false;
        boolean blankLine = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                if (blankLine) {
                    flush(paragraph, result);
                    pendingSpace = false;
                }
                blankLine = true;
                pendingSpace = paragraph.length() > 0;
            } else if (isSpace(c)) {
                pendingSpace = paragraph.length() > 0;
            } else {
                if (pendingSpace) {
                    paragraph.append(' ');
                    pendingSpace = false;
                }
                paragraph.append(c);
                blankLine = false;
            }
        }
        flush(paragraph, result);
        return result;
    }

    /** Lines without their line ends; long lines split into chunks. */
    static List<String> lines(String text) {
        List<String> result = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                int end = i;
                if (end > start && text.charAt(end - 1) == '\r') {
                    end--;
                }
                if (i < text.length() || end > start) {
                    split(text.substring(start, end), result);
                }
                start = i + 1;
            }
        }
        return result;
    }

    private static void flush(StringBuilder paragraph, List<String> result) {
        if (paragraph.length() > 0) {
            split(paragraph.toString(), result);
            paragraph.setLength(0);
        }
    }

    private static void split(String chunk, List<String> result) {
        int start = 0;
        while (chunk.length() - start > MAX_CHUNK) {
            int cut = chunk.lastIndexOf(' ', start + MAX_CHUNK);
            if (cut < start + MIN_CHUNK) {
                cut = start + MAX_CHUNK;
            }
            result.add(chunk.substring(start, cut));
            start = cut;
            if (chunk.charAt(start) == ' ') {
                start++;
            }
        }
        result.add(chunk.substring(start));
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\u000b' || c == '\f' || c == '\u00a0'
            || Character.isWhitespace(c);
    }
}
