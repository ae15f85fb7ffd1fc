package org.cleanmail.core.scoring.eval;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What SpamAssassin's HTML parser reports about one HTML part, for HTMLEval rules: the
 * tags opened (and how many stay open), source length, visible non-space characters,
 * image area, titles, comments, anchor texts, the largest font size and a few flags.
 * Immutable; built by {@link HtmlPartAnalysis}.
 */
final class HtmlPartFacts {
    private final Set<String> tags;
    private final Map<String, Integer> openBalance;
    private final long length;
    private final long nonSpaceLength;
    private final long imageArea;
    private final List<String> titles;
    private final List<String> comments;
    private final List<String> anchors;
    private final double maxFontSize;
    private final boolean embeds;
    private final boolean formActionMailto;
    private final boolean fontFaceBad;

    HtmlPartFacts(Set<String> tags, Map<String, Integer> openBalance, long length, long nonSpaceLength,
                  long imageArea, List<String> titles, List<String> comments, List<String> anchors,
                  double maxFontSize, Set<String> flags) {
        this.tags = Set.copyOf(tags);
        this.openBalance = Map.copyOf(openBalance);
        this.length = length;
        this.nonSpaceLength = nonSpaceLength;
        this.imageArea = imageArea;
        this.titles = List.copyOf(titles);
        this.comments = List.copyOf(comments);
        this.anchors = List.copyOf(anchors);
        this.maxFontSize = maxFontSize;
        this.embeds = flags.contains("embeds");
        this.formActionMailto = flags.contains("form_action_mailto");
        this.fontFaceBad = flags.contains("font_face_bad");
    }

    /** Whether a start tag of that lower-case name occurs. */
    boolean hasTag(String tag) {
        return tags.contains(tag);
    }

    /** Start tags minus end tags of that name, when the tag occurs. */
    Optional<Integer> balance(String tag) {
        return Optional.ofNullable(openBalance.get(tag));
    }

    /** Characters of HTML source. */
    long length() {
        return length;
    }

    /** Rendered characters that are not whitespace. */
    long nonSpaceLength() {
        return nonSpaceLength;
    }

    /** Sum of width times height of images that give both (200 for a missing or odd one). */
    long imageArea() {
        return imageArea;
    }

    /**
     * The value of a numeric HTML test as SpamAssassin names it ({@code length},
     * {@code max_size}, {@code image_area}, {@code non_space_len}), when known.
     */
    Optional<Double> value(String test) {
        switch (test) {
            case "length":
                return Optional.of((double) length);
            case "max_size":
                return Optional.of(maxFontSize);
            case "image_area":
                return Optional.of((double) imageArea);
            case "non_space_len":
                return Optional.of((double) nonSpaceLength);
            default:
                return Optional.empty();
        }
    }

    /**
     * A boolean HTML test as SpamAssassin names it: {@code html}, {@code embeds},
     * {@code form_action_mailto}, {@code font_face_bad}; false for others.
     */
    boolean test(String name) {
        switch (name) {
            case "html":
                return true;
            case "embeds":
                return embeds;
            case "form_action_mailto":
                return formActionMailto;
            case "font_face_bad":
                return fontFaceBad;
            default:
                return false;
        }
    }

    /** The texts of a kind SpamAssassin names ({@code title}, {@code comment}, {@code anchor}). */
    List<String> texts(String kind) {
        switch (kind) {
            case "title":
                return titles;
            case "comment":
                return comments;
            case "anchor":
                return anchors;
            default:
                return List.of();
        }
    }
}
