package org.cleanmail.core.scoring.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Works out the {@link HtmlPartFacts} of one HTML source: tags, comments and tag counts by
 * a linear scan of the source (so that tags jsoup would add to repair the document do not
 * count), text, titles, anchors, images and fonts from the jsoup document.
 */
final class HtmlPartAnalysis {
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9:_-]{0,40})");
    private static final Pattern NAMESPACE_TAG = Pattern.compile("^(?:o|st\\d):[\\w-]+$");
    /** The elements SpamAssassin knows (strict, loose and common non-standard HTML). */
    private static final Set<String> ELEMENTS = Set.of("a", "abbr", "acronym", "address", "area", "b", "base",
        "bdo", "big", "blockquote", "body", "br", "button", "caption", "cite", "code", "col", "colgroup", "dd",
        "del", "dfn", "div", "dl", "dt", "em", "fieldset", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head",
        "hr", "html", "i", "img", "input", "ins", "kbd", "label", "legend", "li", "link", "map", "meta",
        "noscript", "object", "ol", "optgroup", "option", "p", "param", "pre", "q", "samp", "script", "select",
        "small", "span", "strong", "style", "sub", "sup", "table", "tbody", "td", "textarea", "tfoot", "th",
        "thead", "title", "tr", "tt", "ul", "var", "applet", "basefont", "center", "dir", "font", "frame",
        "frameset", "iframe", "isindex", "menu", "noframes", "s", "strike", "u", "nobr", "x-sigsep", "x-tab");
    private static final Pattern DIMENSION = Pattern.compile("^(\\d{1,7})(%)?$");
    private static final Pattern FONT_SIZE = Pattern.compile("^\\s*([+-]?)(\\d{1,3})");
    /** A font face list as honest mailers write it; anything else is SpamAssassin's font_face_bad. */
    private static final Pattern FONT_FACE = Pattern.compile("^\\s*[\"'.]?[a-z ][a-z -]*[a-z]\\d?[\"']?"
        + "(?:,\\s*[\"']?[a-z][a-z -]*[a-z]\\d?[\"']?)*;?$", Pattern.CASE_INSENSITIVE);
    private static final int DEFAULT_FONT_SIZE = 3;
    private static final int GUESSED_IMAGE_SIDE = 200;
    private static final int MAXIMUM_COMMENTS = 1000;

    private HtmlPartAnalysis() {
    }

    /** The facts of one text/html part, from its source and the document parsed from it. */
    static HtmlPartFacts of(String source, Document document) {
        List<String> comments = new ArrayList<>();
        Map<String, Double> values = new HashMap<>();
        Map<String, Integer> inside = new HashMap<>();
        TagCounts counts = new TagCounts();
        String markup = withoutComments(source, comments, counts);
        Matcher tag = TAG.matcher(markup);
        while (tag.find()) {
            counts.add(tag.group(2).toLowerCase(Locale.ROOT), tag.group(1).isEmpty(), inside);
        }
        counts.putRatios(values);

        List<String> titles = new ArrayList<>();
        List<String> anchors = new ArrayList<>();
        long imageArea = 0;
        double maxFontSize = DEFAULT_FONT_SIZE;
        Set<String> flags = new HashSet<>();
        // one walk over the elements, in document order, for what eight selections read before
        for (Element element : document.getAllElements()) {
            switch (element.normalName()) {
                case "title":
                    titles.add(element.text());
                    break;
                case "a":
                    anchors.add(element.text() + "<img>\n".repeat(element.getElementsByTag("img").size()));
                    break;
                case "img":
                    if (element.hasAttr("width") && element.hasAttr("height")) {
                        imageArea += (long) side(element.attr("width"), 8) * side(element.attr("height"), 6);
                    }
                    break;
                case "font":
                    maxFontSize = Math.max(maxFontSize, fontSize(element));
                    if (element.hasAttr("face") && !FONT_FACE.matcher(element.attr("face")).find()) {
                        flags.add("font_face_bad");
                    }
                    break;
                case "object":
                case "embed":
                    flags.add("embeds");
                    break;
                case "form":
                    if (element.hasAttr("action") && element.attr("action").toLowerCase(Locale.ROOT).contains("mailto:")) {
                        flags.add("form_action_mailto");
                    }
                    break;
                default:
                    break;
            }
        }
        flags.addAll(HtmlContrast.flags(document));
        values.put(HtmlPartFacts.LENGTH, (double) source.length());
        values.put(HtmlPartFacts.NON_SPACE_LENGTH, (double) nonSpace(document.text()));
        values.put(HtmlPartFacts.IMAGE_AREA, (double) imageArea);
        values.put("max_size", maxFontSize);
        return new HtmlPartFacts(inside, values,
            Map.of("title", titles, "comment", comments, "anchor", anchors), flags);
    }

    /** The size a {@code font} element sets ({@code size="+2"} is relative to 3), or the default. */
    private static double fontSize(Element font) {
        if (!font.hasAttr("size")) {
            return DEFAULT_FONT_SIZE;
        }
        Matcher size = FONT_SIZE.matcher(font.attr("size"));
        if (!size.find()) {
            return DEFAULT_FONT_SIZE;
        }
        int value = Integer.parseInt(size.group(2));
        return size.group(1).isEmpty() ? value : DEFAULT_FONT_SIZE + (size.group(1).equals("-") ? -value : value);
    }

    /** The source with comments and declarations cut out; comments go to {@code comments}. */
    private static String withoutComments(String source, List<String> comments, TagCounts counts) {
        StringBuilder markup = new StringBuilder(source.length());
        int position = 0;
        while (position < source.length()) {
            int open = source.indexOf("<!", position);
            if (open < 0) {
                break;
            }
            boolean realComment = source.startsWith("<!--", open);
            int close = realComment ? source.indexOf("-->", open + 4) : source.indexOf('>', open + 2);
            if (close < 0) {
                break;
            }
            int end = close + (realComment ? 3 : 1);
            markup.append(source, position, open);
            String comment = source.substring(open, end);
            if (!realComment && comment.regionMatches(true, 0, "<!doctype", 0, 9)) {
                counts.declaration();
            } else if (comments.size() < MAXIMUM_COMMENTS) {
                comments.add(comment);
            }
            position = end;
        }
        markup.append(source, position, source.length());
        return markup.toString();
    }

    /** An image side in pixels as SpamAssassin guesses it: percentages of an 800x600 screen, 200 if unknown. */
    private static int side(String value, int pixelsPerPercent) {
        Matcher matcher = DIMENSION.matcher(value.trim());
        if (!matcher.matches()) {
            return GUESSED_IMAGE_SIDE;
        }
        int side = Integer.parseInt(matcher.group(1)) * (matcher.group(2) == null ? 1 : pixelsPerPercent);
        return side <= 0 ? GUESSED_IMAGE_SIDE : side;
    }

    private static long nonSpace(String text) {
        return text.codePoints().filter(c -> !Character.isWhitespace(c) && c != 0xa0).count();
    }

    /** SpamAssassin's counts of tags, known elements and end tags closing nothing. */
    private static final class TagCounts {
        private long tags;
        private long tagsSeen;
        private long elements;
        private long elementsSeen;
        private long closedExtra;

        void add(String name, boolean start, Map<String, Integer> inside) {
            boolean seen = inside.containsKey(name);
            if (ELEMENTS.contains(name) || NAMESPACE_TAG.matcher(name).matches()) {
                elements++;
                elementsSeen += seen ? 0 : 1;
            }
            tags++;
            tagsSeen += seen ? 0 : 1;
            int open = inside.getOrDefault(name, 0) + (start ? 1 : -1);
            if (open < 0) {
                open = 0;
                closedExtra++;
            }
            inside.put(name, open);
        }

        void declaration() {
            elements++;
            tags++;
        }

        void putRatios(Map<String, Double> values) {
            if (tags > 0) {
                values.put("closed_extra_ratio", (double) closedExtra / tags);
                values.put("bad_tag_ratio", (double) (tags - elements) / tags);
            }
            if (tagsSeen > 0) {
                values.put("non_element_ratio", (double) (tagsSeen - elementsSeen) / tagsSeen);
            }
        }
    }
}
