package org.cleanmail.core.message;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jsoup.nodes.Document;

/**
 * Everything rules look at in one message, as SpamAssassin's rule types see it: the
 * {@link #headers() header}, the rendered {@link #body() body}, the {@link #rawBody()
 * rawbody}, the {@link #full() full} message text, the {@link #uris() URIs}, and the facts
 * that eval rules test (MIME structure, missing headers). Also says which parser limits
 * the message reached and which defects it had. Immutable; built by {@link MessageParser}.
 */
public final class MessageFeatures {
    private final MessageHeaders headers;
    private final BodyText body;
    private final BodyText rawBody;
    private final String full;
    private final MessageUris uris;
    private final MimeStructure mime;
    private final List<MessageHeaders> partHeaders;
    private final Set<HeaderFact> headerFacts;
    private final Set<LimitHit> limitsHit;
    private final Set<MimeDefect> defects;
    /** The documents the parser made of the text/html parts, by the source it parsed. */
    private final Map<String, Document> parsedHtml;
    /** {@link #hashCode}, or 0 until worked out (a race only works it out twice). */
    private int hash;

    MessageFeatures(MessageHeaders headers, BodyText body, BodyText rawBody, String full, MessageUris uris,
                    MimeStructure mime, List<MessageHeaders> partHeaders, Set<HeaderFact> headerFacts, Set<LimitHit> limitsHit,
                    Set<MimeDefect> defects, Map<String, Document> parsedHtml) {
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = Objects.requireNonNull(body, "body");
        this.rawBody = Objects.requireNonNull(rawBody, "raw body");
        this.full = Objects.requireNonNull(full, "full");
        this.uris = Objects.requireNonNull(uris, "uris");
        this.mime = Objects.requireNonNull(mime, "mime structure");
        this.partHeaders = List.copyOf(partHeaders);
        this.headerFacts = immutableCopy(headerFacts, HeaderFact.class);
        this.limitsHit = immutableCopy(limitsHit, LimitHit.class);
        this.defects = immutableCopy(defects, MimeDefect.class);
        this.parsedHtml = Map.copyOf(parsedHtml);
    }

    /**
     * The document the parser made of a text/html part whose decoded source is exactly this
     * (not cut at the HTML size limit), for tests that read the HTML again; empty when it
     * parsed no such source. Nothing changes the document: read it, do not modify it.
     */
    public Optional<Document> parsedHtml(String source) {
        return Optional.ofNullable(parsedHtml.get(source));
    }

    /** The top-level header fields. */
    public MessageHeaders headers() {
        return headers;
    }

    /**
     * SpamAssassin's {@code body}: the Subject as first paragraph, then the decoded text of
     * every text part, HTML rendered, as paragraphs with whitespace collapsed.
     */
    public BodyText body() {
        return body;
    }

    /** SpamAssassin's {@code rawbody}: text parts decoded but HTML not rendered, as lines. */
    public BodyText rawBody() {
        return rawBody;
    }

    /** SpamAssassin's {@code full}: the message as received (after any mbox From line), undecoded. */
    public String full() {
        return full;
    }

    public MessageUris uris() {
        return uris;
    }

    public MimeStructure mime() {
        return mime;
    }

    /**
     * The header of every MIME entity, as SpamAssassin's {@code find_parts(qr/./)} lists
     * them for {@code mimeheader} rules: the top-level header first, then every part in
     * depth-first order, multipart containers and attached messages included. Fields past
     * {@link ParserLimits#maxPartHeaderBytes()} are dropped; parts past
     * {@link ParserLimits#maxParts()} are not listed.
     */
    public List<MessageHeaders> partHeaders() {
        return partHeaders;
    }

    public Set<HeaderFact> headerFacts() {
        return headerFacts;
    }

    public boolean has(HeaderFact fact) {
        return headerFacts.contains(fact);
    }

    /** The parser limits this message reached; empty when it was parsed whole. */
    public Set<LimitHit> limitsHit() {
        return limitsHit;
    }

    public boolean truncated() {
        return !limitsHit.isEmpty();
    }

    /** Malformations met while parsing. */
    public Set<MimeDefect> defects() {
        return defects;
    }

    private static <E extends Enum<E>> Set<E> immutableCopy(Set<E> values, Class<E> type) {
        EnumSet<E> copy = EnumSet.noneOf(type);
        copy.addAll(values);
        return Collections.unmodifiableSet(copy);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MessageFeatures)) {
            return false;
        }
        MessageFeatures other = (MessageFeatures) o;
        return headers.equals(other.headers) && body.equals(other.body) && rawBody.equals(other.rawBody)
            && full.equals(other.full) && uris.equals(other.uris) && mime.equals(other.mime)
            && headerFacts.equals(other.headerFacts) && limitsHit.equals(other.limitsHit)
            && defects.equals(other.defects);
    }

    /**
     * Worked out once, as a string's: the per-message caches of the eval functions hash their
     * key on each insertion and eviction, and this one reads every header and text.
     */
    @Override
    public int hashCode() {
        int hash = this.hash;
        if (hash == 0) {
            hash = Objects.hash(headers, body, rawBody, full, uris, mime, headerFacts, limitsHit, defects);
            this.hash = hash;
        }
        return hash;
    }

    @Override
    public String toString() {
        return "MessageFeatures{" + headers + ", body=" + body + ", rawBody=" + rawBody + ", uris=" + uris.size()
            + ", " + mime + ", facts=" + headerFacts + ", limits=" + limitsHit + ", defects=" + defects + "}";
    }
}
