package org.cleanmail.core.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;

/**
 * Renders an HTML part to text with jsoup, roughly as a mail reader shows it: text of the
 * body only (no scripts, styles or title), whitespace collapsed outside {@code pre}, a line
 * break for {@code br} and after block elements, a blank line around paragraphs (which
 * SpamAssassin's body rules see as separate chunks). Collects the resource links and
 * counts tags and images.
 */
final class HtmlRendering {
    /** Attributes that hold a URI, as SpamAssassin's HTML parser reads them. */
    private static final List<String> URI_ATTRIBUTES = List.of(
        "href", "src", "action", "background", "lowsrc", "data", "code");
    /** The elements with a URI attribute; the queries are parsed once (jsoup would parse them at each select). */
    private static final Evaluator WITH_URIS =
        QueryParser.parse("[href],[src],[action],[background],[lowsrc],object[data],applet[code]");
    private static final Evaluator REFRESHES = QueryParser.parse("meta[http-equiv~=(?i)refresh][content]");
    private static final Evaluator IMAGES = QueryParser.parse("img");
    private static final Set<String> PARAGRAPH_TAGS = Set.of(
        "p", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol", "dl", "pre");
    private static final Set<String> LINE_TAGS = Set.of(
        "div", "li", "tr", "dd", "dt", "form", "center", "section", "article", "header",
        "footer", "address", "caption", "option", "title");
    private static final Set<String> CELL_TAGS = Set.of("td", "th");
    private static final Set<String> HIDDEN_TAGS = Set.of("script", "style", "head", "title", "noscript", "template");

    private HtmlRendering() {
    }

    static RenderedHtml render(String source, int maxChars) {
        boolean truncated = source.length() > maxChars;
        String html = truncated ? source.substring(0, maxChars) : source;
        Document document = Jsoup.parse(html);
        TextCollector collector = new TextCollector();
        NodeTraversor.traverse(collector, document);
        String text = collector.text();

        List<String> links = new ArrayList<>();
        for (Element element : document.select(WITH_URIS)) {
            for (String attribute : URI_ATTRIBUTES) {
                String value = element.attr(attribute);
                if (!value.isBlank()) {
                    links.add(value);
                }
            }
        }
        for (Element refresh : document.select(REFRESHES)) {
            String content = refresh.attr("content");
            int url = content.toLowerCase(Locale.ROOT).indexOf("url=");
            if (url >= 0) {
                links.add(content.substring(url + 4));
            }
        }
        int images = document.select(IMAGES).size();
        HtmlStats stats = new HtmlStats(countStartTags(html), images, visibleLength(text), html.length());
        return new RenderedHtml(text, links, stats, truncated, html, document);
    }

    private static int countStartTags(String html) {
        int count = 0;
        for (int i = 0; i + 1 < html.length(); i++) {
            if (html.charAt(i) == '<' && Character.isLetter(html.charAt(i + 1))) {
                count++;
            }
        }
        return count;
    }

    private static long visibleLength(String text) {
        long length = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                pendingSpace = length > 0;
            } else {
                length += pendingSpace ? 2 : 1;
                pendingSpace = false;
            }
        }
        return length;
    }

    private static final class TextCollector implements NodeVisitor {
        private final StringBuilder text = new StringBuilder();
        private int hiddenDepth;
        private int preDepth;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode) {
                if (hiddenDepth == 0) {
                    TextNode textNode = (TextNode) node;
                    // Outside <pre>, line breaks in the source are spaces, as a browser shows them.
                    text.append(preDepth > 0 ? textNode.getWholeText() : textNode.text());
                }
                return;
            }
            if (node instanceof Element) {
                String tag = ((Element) node).normalName().toLowerCase(Locale.ROOT);
                if (tag.equals("pre")) {
                    preDepth++;
                }
                if (HIDDEN_TAGS.contains(tag)) {
                    hiddenDepth++;
                } else if (tag.equals("br")) {
                    text.append('\n');
                } else if (PARAGRAPH_TAGS.contains(tag)) {
                    text.append("\n\n");
                } else if (tag.equals("img") && hiddenDepth == 0) {
                    text.append(' ');
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element)) {
                return;
            }
            String tag = ((Element) node).normalName().toLowerCase(Locale.ROOT);
            if (tag.equals("pre")) {
                preDepth--;
            }
            if (HIDDEN_TAGS.contains(tag)) {
                hiddenDepth--;
            } else if (PARAGRAPH_TAGS.contains(tag)) {
                text.append("\n\n");
            } else if (LINE_TAGS.contains(tag)) {
                text.append('\n');
            } else if (CELL_TAGS.contains(tag)) {
                text.append(' ');
            }
        }

        String text() {
            return text.toString();
        }
    }
}
