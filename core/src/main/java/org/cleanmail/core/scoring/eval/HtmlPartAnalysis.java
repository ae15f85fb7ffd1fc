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

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Works out the {@link HtmlPartFacts} of one HTML source: tags and comments by a linear
 * scan of the source (so that tags jsoup would add to repair the document do not count),
 * everything else from the jsoup document.
 */
final class HtmlPartAnalysis {
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]{0,30})");
    private static final Pattern DIMENSION = Pattern.compile("^(\\d{1,7})(%)?$");
    private static final Pattern FONT_SIZE = Pattern.compile("^\\s*([+-]?)(\\d{1,3})");
    private static final int DEFAULT_FONT_SIZE = 3;
    private static final int GUESSED_IMAGE_SIDE = 200;
    private static final int MAXIMUM_COMMENTS = 1000;
    /** A font face list as honest mailers write it; anything else is SpamAssassin's font_face_bad. */
    private static final Pattern FONT_FACE = Pattern.compile("^\\s*[\"'.]?[a-z ][a-z -]*[a-z]\\d?[\"']?"
        + "(?:,\\s*[\"']?[a-z][a-z -]*[a-z]\\d?[\"']?)*;?$", Pattern.CASE_INSENSITIVE);

    private HtmlPartAnalysis() {
    }

    static HtmlPartFacts of(String source) {
        Set<String> tags = new HashSet<>();
        Map<String, Integer> balance = new HashMap<>();
        List<String> comments = new ArrayList<>();
        String markup = withoutComments(source, comments);
        Matcher tag = TAG.matcher(markup);
        while (tag.find()) {
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            boolean end = !tag.group(1).isEmpty();
            if (!end) {
                tags.add(name);
            }
            balance.merge(name, end ? -1 : 1, Integer::sum);
        }
        balance.keySet().retainAll(tags);

        Document document = Jsoup.parse(source);
        List<String> titles = new ArrayList<>();
        for (Element title : document.select("title")) {
            titles.add(title.text());
        }
        List<String> anchors = new ArrayList<>();
        for (Element anchor : document.select("a")) {
            anchors.add(anchor.text() + "<img>\n".repeat(anchor.select("img").size()));
        }
        long imageArea = 0;
        for (Element image : document.select("img[width][height]")) {
            imageArea += (long) side(image.attr("width"), 8) * side(image.attr("height"), 6);
        }
        double maxFontSize = DEFAULT_FONT_SIZE;
        for (Element font : document.select("font[size]")) {
            Matcher size = FONT_SIZE.matcher(font.attr("size"));
            if (size.find()) {
                int value = Integer.parseInt(size.group(2));
                int absolute = size.group(1).isEmpty() ? value
                    : DEFAULT_FONT_SIZE + (size.group(1).equals("-") ? -value : value);
                maxFontSize = Math.max(maxFontSize, absolute);
            }
        }
        Set<String> flags = new HashSet<>();
        if (!document.select("object, embed").isEmpty()) {
            flags.add("embeds");
        }
        if (document.select("form[action]").stream()
            .anyMatch(form -> form.attr("action").toLowerCase(Locale.ROOT).contains("mailto:"))) {
            flags.add("form_action_mailto");
        }
        if (document.select("font[face]").stream().anyMatch(font -> !FONT_FACE.matcher(font.attr("face")).find())) {
            flags.add("font_face_bad");
        }
        return new HtmlPartFacts(tags, balance, source.length(), nonSpace(document.text()), imageArea, titles,
            comments, anchors, maxFontSize, flags);
    }

    /** The source with comments and bogus declarations cut out; they go to {@code comments}. */
    private static String withoutComments(String source, List<String> comments) {
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
            if ((realComment || !comment.regionMatches(true, 0, "<!doctype", 0, 9))
                && comments.size() < MAXIMUM_COMMENTS) {
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
}
