package org.cleanmail.core.fingerprint;

import java.util.List;

/**
 * The words of a body text after {@link TextNormalizer}, their canonical one-line form, and
 * the two parts of the (NFKC-folded) text: the body that the words come from, and the
 * footer that was dropped.
 */
public final class NormalizedText {
    private final List<String> words;
    private final String text;
    private final int contentWordCount;
    private final String body;
    private final String footer;

    NormalizedText(List<String> words, String body, String footer) {
        this.body = body;
        this.footer = footer;
        this.words = List.copyOf(words);
        this.text = String.join(" ", words);
        this.contentWordCount = (int) words.stream()
            .filter(word -> word.charAt(0) != TextNormalizer.PLACEHOLDER_MARK)
            .count();
    }

    public List<String> words() {
        return words;
    }

    /** The words joined by single spaces: the input of the exact fingerprint. */
    public String text() {
        return text;
    }

    public int wordCount() {
        return words.size();
    }

    /** The text the words come from, before word splitting. */
    public String body() {
        return body;
    }

    /** The signature and list footers dropped from the end of the text; empty when there were none. */
    public String footer() {
        return footer;
    }

    /** Words that are not placeholders: the words that say something. */
    public int contentWordCount() {
        return contentWordCount;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NormalizedText && text.equals(((NormalizedText) o).text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
