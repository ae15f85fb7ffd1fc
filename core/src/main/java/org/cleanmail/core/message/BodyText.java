package org.cleanmail.core.message;

import java.util.List;

/**
 * Text that body rules match, as SpamAssassin presents it: a list of chunks (paragraphs
 * for rendered body text, lines for raw body text) and the same text joined with newlines.
 */
public final class BodyText {
    private static final BodyText EMPTY = new BodyText(List.of());

    private final List<String> chunks;
    private final String text;

    public BodyText(List<String> chunks) {
        this.chunks = List.copyOf(chunks);
        this.text = String.join("\n", this.chunks);
    }

    public static BodyText empty() {
        return EMPTY;
    }

    /** The chunks a per-paragraph or per-line rule is matched against, in order. */
    public List<String> chunks() {
        return chunks;
    }

    /** All chunks joined with a newline. */
    public String text() {
        return text;
    }

    public boolean isEmpty() {
        return chunks.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BodyText && chunks.equals(((BodyText) o).chunks);
    }

    @Override
    public int hashCode() {
        return chunks.hashCode();
    }

    @Override
    public String toString() {
        return "BodyText{" + chunks.size() + " chunks, " + text.length() + " chars}";
    }
}
