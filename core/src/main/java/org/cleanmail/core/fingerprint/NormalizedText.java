package org.cleanmail.core.fingerprint;

import java.util.List;

/** The words of a body text after {@link TextNormalizer}, and their canonical one-line form. */
public final class NormalizedText {
    private final List<String> words;
    private final String text;
    private final int contentWordCount;

    NormalizedText(List<String> words) {
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
