package org.cleanmail.core.message;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The shape of a message for MIME eval rules: its leaf parts in order, the multipart
 * containers met, and counts over its HTML.
 */
public final class MimeStructure {
    private final List<MimePart> parts;
    private final List<String> multipartTypes;
    private final HtmlStats htmlStats;

    public MimeStructure(List<MimePart> parts, List<String> multipartTypes, HtmlStats htmlStats) {
        this.parts = List.copyOf(parts);
        this.multipartTypes = List.copyOf(multipartTypes);
        this.htmlStats = Objects.requireNonNull(htmlStats, "html stats");
    }

    /**
     * Leaf parts in message order. Multipart containers and attached messages are not parts
     * themselves (the parts inside them are), unless they were read as one opaque body
     * because of the depth limit or a missing boundary.
     */
    public List<MimePart> parts() {
        return parts;
    }

    /** Content types of the multipart containers, in order, e.g. {@code multipart/alternative}. */
    public List<String> multipartTypes() {
        return multipartTypes;
    }

    public HtmlStats htmlStats() {
        return htmlStats;
    }

    public long textPlainCount() {
        return parts.stream().filter(MimePart::isPlainText).count();
    }

    public long textHtmlCount() {
        return parts.stream().filter(MimePart::isHtml).count();
    }

    /** Whether there is a text/html part but no text/plain one (SpamAssassin's MIME_HTML_ONLY). */
    public boolean htmlWithoutTextAlternative() {
        return textHtmlCount() > 0 && textPlainCount() == 0;
    }

    public int maxDepth() {
        return parts.stream().mapToInt(MimePart::depth).max().orElse(0);
    }

    public List<MimePart> attachments() {
        return parts.stream().filter(MimePart::attachment).collect(Collectors.toUnmodifiableList());
    }

    public List<String> attachmentNames() {
        return parts.stream().filter(MimePart::attachment)
            .flatMap(part -> part.filename().stream())
            .collect(Collectors.toUnmodifiableList());
    }

    public List<String> attachmentTypes() {
        return parts.stream().filter(MimePart::attachment).map(MimePart::contentType)
            .collect(Collectors.toUnmodifiableList());
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MimeStructure)) {
            return false;
        }
        MimeStructure other = (MimeStructure) o;
        return parts.equals(other.parts) && multipartTypes.equals(other.multipartTypes)
            && htmlStats.equals(other.htmlStats);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parts, multipartTypes, htmlStats);
    }

    @Override
    public String toString() {
        return "MimeStructure{parts=" + parts + ", multiparts=" + multipartTypes + ", " + htmlStats + "}";
    }
}
