package org.cleanmail.archive.search;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.cleanmail.archive.index.ArchiveFields;
import org.cleanmail.archive.model.ArchiveId;
import org.cleanmail.archive.model.Direction;

/**
 * One message of a result list: what the index stores for it, and snippets. Snippets are
 * HTML-safe: the text is escaped and the matched words are wrapped in
 * {@code <em>...</em>}. Immutable.
 */
public final class ArchiveHit {
    private final ArchiveId archiveId;
    private final String messageId;
    private final Instant date;
    private final String from;
    private final String to;
    private final String cc;
    private final String subject;
    private final int size;
    private final String verdict;
    private final Double score;
    private final Direction direction;
    private final List<String> attachments;
    private final List<String> ruleHits;
    private final String subjectSnippet;
    private final String bodySnippet;

    private ArchiveHit(Document doc, String subjectSnippet, String bodySnippet) {
        this.archiveId = ArchiveId.of(doc.get(ArchiveFields.ARCHIVE_ID));
        this.messageId = doc.get(ArchiveFields.MESSAGE_ID);
        this.date = Instant.ofEpochMilli(number(doc, ArchiveFields.DATE).longValue());
        this.from = orEmpty(doc.get(ArchiveFields.FROM_HEADER));
        this.to = orEmpty(doc.get(ArchiveFields.TO_HEADER));
        this.cc = orEmpty(doc.get(ArchiveFields.CC_HEADER));
        this.subject = orEmpty(doc.get(ArchiveFields.SUBJECT));
        Number sizeValue = number(doc, ArchiveFields.SIZE);
        this.size = sizeValue == null ? 0 : sizeValue.intValue();
        this.verdict = doc.get(ArchiveFields.VERDICT);
        Number scoreValue = number(doc, ArchiveFields.SCORE);
        this.score = scoreValue == null ? null : scoreValue.doubleValue();
        String directionValue = doc.get(ArchiveFields.DIRECTION);
        this.direction = directionValue == null ? Direction.INBOUND : Direction.parse(directionValue);
        this.attachments = Arrays.stream(doc.getValues(ArchiveFields.ATTACHMENT)).collect(Collectors.toUnmodifiableList());
        this.ruleHits = Arrays.stream(doc.getValues(ArchiveFields.HITS)).collect(Collectors.toUnmodifiableList());
        this.subjectSnippet = Objects.requireNonNull(subjectSnippet, "subject snippet");
        this.bodySnippet = bodySnippet;
    }

    /** A hit from the stored fields of its document and its snippets (the body's may be null). */
    static ArchiveHit of(Document doc, String subjectSnippet, String bodySnippet) {
        return new ArchiveHit(doc, subjectSnippet, bodySnippet);
    }

    public ArchiveId archiveId() {
        return archiveId;
    }

    /** The Message-Id, without angle brackets. */
    public Optional<String> messageId() {
        return Optional.ofNullable(messageId);
    }

    /** When the message was archived (its arrival). */
    public Instant date() {
        return date;
    }

    /** The decoded From header; empty when there was none. */
    public String from() {
        return from;
    }

    /** The decoded To header. */
    public String to() {
        return to;
    }

    /** The decoded Cc header. */
    public String cc() {
        return cc;
    }

    public String subject() {
        return subject;
    }

    public int size() {
        return size;
    }

    public Optional<String> verdict() {
        return Optional.ofNullable(verdict);
    }

    public Optional<Double> score() {
        return Optional.ofNullable(score);
    }

    public Direction direction() {
        return direction;
    }

    /** Attachment file names. */
    public List<String> attachments() {
        return attachments;
    }

    /** Names of the rules that fired, when the message was archived after filtering. */
    public List<String> ruleHits() {
        return ruleHits;
    }

    /** The subject, escaped, with matched words highlighted. */
    public String subjectSnippet() {
        return subjectSnippet;
    }

    /**
     * A passage of the body, escaped, with matched words highlighted (the beginning of the
     * body when no word of the query is in it); empty when snippets were not asked for or the
     * content could not be read.
     */
    public Optional<String> bodySnippet() {
        return Optional.ofNullable(bodySnippet);
    }

    private static Number number(Document doc, String field) {
        IndexableField value = doc.getField(field);
        return value == null ? null : value.numericValue();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ArchiveHit)) {
            return false;
        }
        ArchiveHit other = (ArchiveHit) o;
        return archiveId.equals(other.archiveId) && date.equals(other.date) && subjectSnippet.equals(other.subjectSnippet)
            && Objects.equals(bodySnippet, other.bodySnippet) && subject.equals(other.subject) && from.equals(other.from);
    }

    @Override
    public int hashCode() {
        return Objects.hash(archiveId, date, subject);
    }

    @Override
    public String toString() {
        return "ArchiveHit{" + archiveId + ", " + date + ", verdict " + verdict + ", " + size + " bytes}";
    }
}
