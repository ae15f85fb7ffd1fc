package org.cleanmail.core.prefilter;

/**
 * The one case folding that literals and scanned text share, so that a literal of a
 * case-insensitive pattern is found whatever the case of the text: a character is
 * folded to the lower case of its upper case (the long s and the Kelvin sign fold to
 * {@code s} and {@code k}, as case-insensitive regular expressions match them).
 */
public final class CaseFold {
    /** The folding of the characters below 256 (all of a text in byte form), looked up. */
    private static final char[] LATIN = new char[256];

    static {
        for (char c = 0; c < 256; c++) {
            LATIN[c] = c < 128 ? Character.toLowerCase(c) : Character.toLowerCase(Character.toUpperCase(c));
        }
    }

    private CaseFold() {
    }

    public static char fold(char c) {
        if (c < 256) {
            return LATIN[c];
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    public static String fold(CharSequence text) {
        char[] folded = new char[text.length()];
        for (int i = 0; i < folded.length; i++) {
            folded[i] = fold(text.charAt(i));
        }
        return new String(folded);
    }
}
