package org.cleanmail.core.message;

import java.util.Objects;

/**
 * Counts over the HTML parts of a message, for eval rules: tags, images, visible text and
 * how much of the HTML is markup rather than text.
 */
public final class HtmlStats {
    private static final HtmlStats NONE = new HtmlStats(0, 0, 0, 0);

    private final int tagCount;
    private final int imageCount;
    private final long textLength;
    private final long sourceLength;

    public HtmlStats(int tagCount, int imageCount, long textLength, long sourceLength) {
        this.tagCount = tagCount;
        this.imageCount = imageCount;
        this.textLength = textLength;
        this.sourceLength = sourceLength;
    }

    public static HtmlStats none() {
        return NONE;
    }

    public HtmlStats plus(HtmlStats other) {
        return new HtmlStats(tagCount + other.tagCount, imageCount + other.imageCount,
            textLength + other.textLength, sourceLength + other.sourceLength);
    }

    /** Elements written in the HTML source (those jsoup adds to repair it are not counted). */
    public int tagCount() {
        return tagCount;
    }

    /** {@code img} elements. */
    public int imageCount() {
        return imageCount;
    }

    /** Characters of rendered text, whitespace collapsed. */
    public long textLength() {
        return textLength;
    }

    /** Characters of HTML source parsed. */
    public long sourceLength() {
        return sourceLength;
    }

    /** The share of the HTML source that is not rendered text, from 0 to 1; 0 without HTML. */
    public double markupRatio() {
        if (sourceLength == 0) {
            return 0.0;
        }
        return Math.max(0.0, Math.min(1.0, (sourceLength - textLength) / (double) sourceLength));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof HtmlStats)) {
            return false;
        }
        HtmlStats other = (HtmlStats) o;
        return tagCount == other.tagCount && imageCount == other.imageCount
            && textLength == other.textLength && sourceLength == other.sourceLength;
    }

    @Override
    public int hashCode() {
        return Objects.hash(tagCount, imageCount, textLength, sourceLength);
    }

    @Override
    public String toString() {
        return "HtmlStats{tags=" + tagCount + ", images=" + imageCount + ", text=" + textLength
            + ", source=" + sourceLength + "}";
    }
}
