package org.cleanmail.core.prefilter;

/**
 * A rough share of each case-folded character in mail text (English letter frequencies,
 * spaces, digits, punctuation, bytes of encoded non-ASCII text), to compare how selective
 * literals are: {@link #of(String)} estimates the chance that a literal starts at a given
 * position. Only the order of the estimates matters.
 */
public final class CharFrequency {
    private static final double[] SHARE = new double[256];
    private static final double OTHER = 0.002;
    /** English letter frequencies (a to z), in percent of letters. */
    private static final double[] LETTERS = {8.2, 1.5, 2.8, 4.3, 12.7, 2.2, 2.0, 6.1, 7.0, 0.15, 0.8, 4.0, 2.4, 6.7,
        7.5, 1.9, 0.1, 6.0, 6.3, 9.1, 2.8, 1.0, 2.4, 0.15, 2.0, 0.07};

    static {
        for (int c = 0; c < 256; c++) {
            SHARE[c] = c < 32 ? 0.0005 : OTHER;
        }
        for (int i = 0; i < 26; i++) {
            SHARE['a' + i] = 0.75 * LETTERS[i] / 100;
        }
        for (char d = '0'; d <= '9'; d++) {
            SHARE[d] = 0.005;
        }
        SHARE[' '] = 0.15;
        SHARE['\n'] = 0.02;
        SHARE['\t'] = 0.002;
        for (char p : ".,'\"-:;()/=<>".toCharArray()) {
            SHARE[p] = 0.008;
        }
    }

    private CharFrequency() {
    }

    /** The estimated share of positions holding this character, as written: upper case letters a tenth of their lower case. */
    public static double ofRaw(char c) {
        if (c >= 'A' && c <= 'Z') {
            return SHARE[c - 'A' + 'a'] / 10;
        }
        return c < 256 ? SHARE[c] : OTHER;
    }

    /** The estimated share of positions where this folded literal starts. */
    static double of(String literal) {
        double chance = 1;
        for (int i = 0; i < literal.length() && chance > 1e-12; i++) {
            char c = literal.charAt(i);
            chance *= c < 256 ? SHARE[c] : OTHER;
        }
        return chance;
    }
}
