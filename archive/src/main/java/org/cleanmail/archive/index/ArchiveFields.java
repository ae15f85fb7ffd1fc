package org.cleanmail.archive.index;

import java.util.List;
import java.util.Set;

/**
 * The names of the archive index's fields, which are also the field names of the query
 * language. How each is indexed, and why, is said where {@link ArchiveDocumentFactory}
 * adds it.
 */
public final class ArchiveFields {
    public static final String ARCHIVE_ID = "archiveId";
    public static final String MESSAGE_ID = "messageId";
    /** Arrival time, epoch milliseconds; the query language reads dates (see {@code ArchiveDates}). */
    public static final String DATE = "date";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String CC = "cc";
    /** The decoded From, To and Cc headers as shown in a list: stored only, not searchable. */
    public static final String FROM_HEADER = "fromHeader";
    public static final String TO_HEADER = "toHeader";
    public static final String CC_HEADER = "ccHeader";
    /** Envelope sender (MAIL FROM). */
    public static final String SENDER = "sender";
    /** Envelope recipients (RCPT TO). */
    public static final String RECIPIENTS = "recipients";
    /** Every address of from, to, cc, sender and recipients, lower-cased: the personal scope. */
    public static final String PARTICIPANTS = "participants";
    public static final String SUBJECT = "subject";
    /** Decoded text parts and HTML rendered as text; indexed, never stored. */
    public static final String BODY = "body";
    public static final String ATTACHMENT = "attachment";
    public static final String ATTACHMENT_TYPE = "attachmentType";
    public static final String SIZE = "size";
    public static final String VERDICT = "verdict";
    public static final String SCORE = "score";
    public static final String HITS = "hits";
    public static final String DIRECTION = "direction";
    public static final String REMOTE_IP = "remoteIp";
    public static final String KEY_ID = "keyId";

    /** Fields matched one whole lower-cased value at a time (not split into words). */
    public static final Set<String> KEYWORD_FIELDS = Set.of(ARCHIVE_ID, MESSAGE_ID, FROM, TO, CC, SENDER, RECIPIENTS,
        PARTICIPANTS, ATTACHMENT_TYPE, VERDICT, HITS, DIRECTION, REMOTE_IP, KEY_ID);
    /** Fields split into words by the standard analyzer. */
    public static final Set<String> TEXT_FIELDS = Set.of(SUBJECT, BODY, ATTACHMENT);
    /** Fields the query language reads as numbers or dates. */
    public static final Set<String> NUMERIC_FIELDS = Set.of(DATE, SIZE, SCORE);
    /** Fields searched by words of a query that name no field. */
    public static final List<String> DEFAULT_FIELDS = List.of(SUBJECT, BODY, ATTACHMENT, PARTICIPANTS);

    private ArchiveFields() {
    }

    /** Whether the query language knows the field. */
    public static boolean isKnown(String field) {
        return KEYWORD_FIELDS.contains(field) || TEXT_FIELDS.contains(field) || NUMERIC_FIELDS.contains(field);
    }
}
