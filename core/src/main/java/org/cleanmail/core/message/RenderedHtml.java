package org.cleanmail.core.message;

import java.util.List;

import org.jsoup.nodes.Document;

/** What {@link HtmlRendering} made of one HTML part: its text, its link targets, its counts. */
final class RenderedHtml {
    private final String text;
    private final List<String> links;
    private final HtmlStats stats;
    private final boolean truncated;
    private final String parsedSource;
    private final Document document;

    RenderedHtml(String text, List<String> links, HtmlStats stats, boolean truncated, String parsedSource, Document document) {
        this.parsedSource = parsedSource;
        this.document = document;
        this.text = text;
        this.links = List.copyOf(links);
        this.stats = stats;
        this.truncated = truncated;
    }

    /** Visible text, one line per block, blank lines between paragraphs. */
    String text() {
        return text;
    }

    /** Attribute values that name a resource (href, src, action, background...), as written. */
    List<String> links() {
        return links;
    }

    HtmlStats stats() {
        return stats;
    }

    /** The source as parsed: the whole source, or its start when {@link #truncated()}. */
    String parsedSource() {
        return parsedSource;
    }

    /** The parsed document, which nothing changes: eval tests read it again rather than parse the source again. */
    Document document() {
        return document;
    }

    /** Whether the source was cut at the HTML size limit before parsing. */
    boolean truncated() {
        return truncated;
    }
}
