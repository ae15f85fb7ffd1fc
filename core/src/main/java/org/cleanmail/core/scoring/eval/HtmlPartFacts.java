package org.cleanmail.core.scoring.eval;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What SpamAssassin's HTML parser reports about one HTML part, for HTMLEval rules: the
 * tags met (and how many stay open), numeric results ({@code length}, {@code max_size},
 * {@code image_area}, {@code non_space_len}, {@code bad_tag_ratio},
 * {@code non_element_ratio}, {@code closed_extra_ratio}), titles, comments, anchor texts
 * and boolean tests ({@code html}, {@code embeds}, {@code form_action_mailto},
 * {@code font_face_bad}, {@code font_low_contrast}). Immutable; built by {@link HtmlPartAnalysis}.
 */
final class HtmlPartFacts {
    static final String LENGTH = "length";
    static final String NON_SPACE_LENGTH = "non_space_len";
    static final String IMAGE_AREA = "image_area";

    private final Map<String, Integer> inside;
    private final Map<String, Double> values;
    private final Map<String, List<String>> texts;
    private final Set<String> flags;

    /**
     * @param inside for every tag met, start or end, how many stay open (never below 0)
     * @param values numeric results by SpamAssassin name
     * @param texts {@code title}, {@code comment} and {@code anchor} texts
     * @param flags the boolean tests that passed
     */
    HtmlPartFacts(Map<String, Integer> inside, Map<String, Double> values, Map<String, List<String>> texts,
                  Set<String> flags) {
        this.inside = Map.copyOf(inside);
        this.values = Map.copyOf(values);
        this.texts = Map.copyOf(texts);
        this.flags = Set.copyOf(flags);
    }

    /** Whether a tag of that lower-case name was met, as a start or an end tag. */
    boolean hasTag(String tag) {
        return inside.containsKey(tag);
    }

    /** How many tags of that name stay open at the end, when the tag was met. */
    Optional<Integer> balance(String tag) {
        return Optional.ofNullable(inside.get(tag));
    }

    /** A numeric result by SpamAssassin name, when known for this part. */
    Optional<Double> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** Characters of HTML source. */
    double length() {
        return values.getOrDefault(LENGTH, 0.0);
    }

    /** Rendered characters that are not whitespace. */
    double nonSpaceLength() {
        return values.getOrDefault(NON_SPACE_LENGTH, 0.0);
    }

    /** Sum of width times height of images that give both. */
    double imageArea() {
        return values.getOrDefault(IMAGE_AREA, 0.0);
    }

    /** A boolean test by SpamAssassin name; {@code html} always holds, unknown names never. */
    boolean test(String name) {
        return name.equals("html") || flags.contains(name);
    }

    /** The texts of a kind ({@code title}, {@code comment}, {@code anchor}); empty for others. */
    List<String> texts(String kind) {
        return texts.getOrDefault(kind, List.of());
    }
}
