package org.cleanmail.core.scoring.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * SpamAssassin's {@code font_low_contrast} test: whether some visible text is drawn in a
 * colour (almost) equal to its background, the way spam hides words from readers but not
 * from filters; and {@code font_invalid_color}: whether some other visible text has a
 * colour that is not one (SpamAssassin's {@code html_font_invisible}). Colours follow SpamAssassin's text-style stack: {@code body text},
 * {@code font color}, and CSS {@code color}, {@code background-color} and
 * {@code background} in the style attributes of the tags SpamAssassin reads; like
 * SpamAssassin's, it ignores {@code bgcolor} attributes.
 */
final class HtmlContrast {
    private static final String DEFAULT_FOREGROUND = "#000000";
    private static final String DEFAULT_BACKGROUND = "#ffffff";
    private static final String TRANSPARENT = "transparent";
    /** Below this weighted distance between text and background colours, text is hard to see. */
    private static final double MINIMUM_DISTANCE = 12;
    private static final Pattern HEX_COLOR = Pattern.compile("^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$");
    private static final Pattern STYLE_COLOR = Pattern.compile("^\\s*(background-)?color:\\s*(.+?)\\s*$",
        Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE_BACKGROUND = Pattern.compile("^\\s*background:\\s*(.+?)\\s*$");
    private static final Pattern NOT_DIGIT_OR_COMMA = Pattern.compile("[^0-9,]");
    private static final Pattern IMPORTANT = Pattern.compile("\\s*!\\s*important$");
    private static final Map<String, Set<String>> READ_ATTRIBUTES = Map.ofEntries(
        Map.entry("body", Set.of("text")), Map.entry("font", Set.of("color")),
        Map.entry("table", Set.of("style")), Map.entry("td", Set.of("style")), Map.entry("tr", Set.of("style")),
        Map.entry("span", Set.of("style")), Map.entry("p", Set.of("style")), Map.entry("div", Set.of("style")),
        Map.entry("a", Set.of("style")));
    private static final Set<String> STYLE_TAGS = Set.of("body", "font", "table", "tr", "td", "big", "small",
        "marquee", "span", "p", "div", "a");
    private static final Set<String> HIDDEN_TAGS = Set.of("script", "style");

    private HtmlContrast() {
    }

    static boolean hasLowContrastText(Document document) {
        return flags(document).contains("font_low_contrast");
    }

    /** {@code font_low_contrast} and {@code font_invalid_color}, for the texts that show them. */
    static Set<String> flags(Document document) {
        Visitor visitor = new Visitor();
        NodeTraversor.traverse(visitor, document);
        Set<String> flags = new HashSet<>();
        if (visitor.lowContrast) {
            flags.add("font_low_contrast");
        }
        if (visitor.invalidColor) {
            flags.add("font_invalid_color");
        }
        return flags;
    }

    static boolean isLowContrast(String foreground, String background) {
        if (suffix(foreground).equals(suffix(background))) {
            return true;
        }
        Matcher fg = HEX_COLOR.matcher(foreground);
        Matcher bg = HEX_COLOR.matcher(background);
        if (!fg.matches() || !bg.matches()) {
            return false;
        }
        double red = 0.2126 * (hex(fg, 1) - hex(bg, 1));
        double green = 0.7152 * (hex(fg, 2) - hex(bg, 2));
        double blue = 0.0722 * (hex(fg, 3) - hex(bg, 3));
        return Math.sqrt(red * red + green * green + blue * blue) < MINIMUM_DISTANCE;
    }

    private static String suffix(String color) {
        return color.length() > 6 ? color.substring(color.length() - 6) : color;
    }

    private static int hex(Matcher color, int group) {
        return Integer.parseInt(color.group(group), 16);
    }

    /** One entry of the text-style stack: the tag that pushed it and its colours. */
    private static final class Style {
        private final String tag;
        private final String foreground;
        private final String background;

        Style(String tag, String foreground, String background) {
            this.tag = tag;
            this.foreground = foreground;
            this.background = background;
        }
    }

    /** Whether the text holds a character other than space, tab, line ends, form feed, vertical tab and no-break space. */
    private static boolean hasVisibleCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\u000b' && c != '\u00a0') {
                return true;
            }
        }
        return false;
    }

    private static final class Visitor implements NodeVisitor {
        private final List<Style> stack = new ArrayList<>(List.of(
            new Style("default", DEFAULT_FOREGROUND, DEFAULT_BACKGROUND)));
        private int hiddenDepth;
        private boolean lowContrast;
        private boolean invalidColor;

        @Override
        public void head(Node node, int depth) {
            if (lowContrast && invalidColor) {
                return;
            }
            if (node instanceof TextNode) {
                String text = ((TextNode) node).getWholeText();
                if (hiddenDepth == 0 && hasVisibleCharacter(text)) {
                    Style top = stack.get(stack.size() - 1);
                    if (isLowContrast(top.foreground, top.background)) {
                        lowContrast = true;
                    } else if (top.foreground.equals(HtmlColors.INVALID) || top.background.equals(HtmlColors.INVALID)) {
                        invalidColor = true;
                    }
                }
                return;
            }
            if (node instanceof Element) {
                String tag = tag((Element) node);
                if (HIDDEN_TAGS.contains(tag)) {
                    hiddenDepth++;
                } else if (STYLE_TAGS.contains(tag)) {
                    open(tag, (Element) node);
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element)) {
                return;
            }
            String tag = tag((Element) node);
            if (HIDDEN_TAGS.contains(tag)) {
                hiddenDepth--;
            } else if (STYLE_TAGS.contains(tag) && !tag.equals("body")) {
                close(tag);
            }
        }

        private static String tag(Element element) {
            String tag = element.normalName().toLowerCase(Locale.ROOT);
            return tag.equals("th") ? "td" : tag;
        }

        private void open(String tag, Element element) {
            if (tag.equals("td") || tag.equals("tr")) {
                closeTableCells(tag);
            }
            Style top = stack.get(stack.size() - 1);
            String foreground = top.foreground;
            String background = top.background;
            Set<String> read = READ_ATTRIBUTES.getOrDefault(tag, Set.of());
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                if (!read.contains(name)) {
                    continue;
                }
                if (name.equals("text") || name.equals("color")) {
                    foreground = HtmlColors.toRgb(attribute.getValue());
                } else if (name.equals("style")) {
                    String[] colors = styleColors(attribute.getValue(), foreground, background);
                    foreground = colors[0];
                    background = colors[1];
                    if (background.equals(TRANSPARENT)) {
                        background = top.background;
                    }
                    if (foreground.equals(TRANSPARENT)) {
                        foreground = background;
                    }
                }
            }
            stack.add(new Style(tag, foreground, background));
        }

        /** The foreground and background a style attribute sets, starting from the given ones. */
        private static String[] styleColors(String style, String foreground, String background) {
            String[] colors = {foreground, background};
            for (String declaration : style.split(";")) {
                Matcher color = STYLE_COLOR.matcher(declaration);
                Matcher shorthand = STYLE_BACKGROUND.matcher(declaration);
                if (color.matches()) {
                    int which = color.group(1) == null ? 0 : 1;
                    String value = IMPORTANT.matcher(color.group(2).toLowerCase(Locale.ROOT)).replaceAll("");
                    if (value.contains("rgb")) {
                        String[] components = NOT_DIGIT_OR_COMMA.matcher(value).replaceAll("").split(",", -1);
                        colors[which] = String.format("#%02x%02x%02x", component(components, 0),
                            component(components, 1), component(components, 2));
                    } else if (value.equals(TRANSPARENT)) {
                        colors[which] = TRANSPARENT;
                    } else if (!value.equals("inherit")) {
                        colors[which] = HtmlColors.toRgb(value);
                    }
                } else if (shorthand.matches()) {
                    for (String token : shorthand.group(1).toLowerCase(Locale.ROOT).split("\\s+")) {
                        String candidate = HtmlColors.toRgb(token);
                        if (!candidate.equals(HtmlColors.INVALID)) {
                            colors[1] = candidate;
                            break;
                        }
                    }
                }
            }
            return colors;
        }

        private static int component(String[] components, int index) {
            if (index >= components.length || components[index].isEmpty() || components[index].length() > 9) {
                return 0;
            }
            return Math.min(255, Integer.parseInt(components[index]));
        }

        private void closeTableCells(String tag) {
            if (stack.stream().noneMatch(style -> style.tag.equals(tag))) {
                return;
            }
            while (stack.size() > 1) {
                String top = stack.get(stack.size() - 1).tag;
                boolean cellContent = top.equals("font") || top.equals("td");
                if (tag.equals("td") && cellContent || tag.equals("tr") && (cellContent || top.equals("tr"))) {
                    stack.remove(stack.size() - 1);
                } else {
                    return;
                }
            }
        }

        private void close(String tag) {
            if (stack.stream().noneMatch(style -> style.tag.equals(tag))) {
                return;
            }
            while (stack.size() > 1) {
                if (stack.remove(stack.size() - 1).tag.equals(tag)) {
                    return;
                }
            }
        }
    }
}
