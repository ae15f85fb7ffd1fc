package org.cleanmail.archive.index;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import org.cleanmail.archive.model.ArchiveId;
import org.cleanmail.archive.model.ArchiveMetadata;
import org.cleanmail.archive.model.ArchivedMessage;
import org.cleanmail.core.message.MailAddress;
import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.message.MessageParser;

/**
 * Turns an archived message into its index document. Stored fields are what a result list
 * shows; the body is indexed only (it is in the encrypted content, and storing it would
 * put plaintext in the index). Keyword values are capped so that a hostile header cannot
 * exceed Lucene's term limit. Thread-safe.
 */
public final class ArchiveDocumentFactory {
    /** Longest keyword value indexed (Lucene refuses terms over 32,766 bytes). */
    static final int MAX_KEYWORD_CHARS = 1000;
    /** Longest subject stored and indexed. */
    static final int MAX_SUBJECT_CHARS = 2000;
    /** Longest header text stored for display (From, To, Cc). */
    static final int MAX_DISPLAY_CHARS = 4000;

    private final MessageParser parser;

    public ArchiveDocumentFactory(MessageParser parser) {
        this.parser = Objects.requireNonNull(parser, "message parser");
    }

    /** Parses the message (bounded by the parser's limits) and builds its document. */
    public Document document(ArchiveId id, String keyId, ArchivedMessage message) {
        return document(id, keyId, message, parser.parse(message.raw()));
    }

    /** The text the body field indexes and snippets are cut from: the rendered body without the subject line. */
    public String bodyText(ArchivedMessage message) {
        return bodyText(parser.parse(message.raw()));
    }

    static String bodyText(MessageFeatures features) {
        List<String> chunks = features.body().chunks();
        boolean subjectFirst = features.headers().first("Subject").filter(subject -> !subject.isBlank()).isPresent();
        int from = subjectFirst && !chunks.isEmpty() ? 1 : 0;
        return String.join("\n", chunks.subList(from, chunks.size()));
    }

    Document document(ArchiveId id, String keyId, ArchivedMessage message, MessageFeatures features) {
        ArchiveMetadata metadata = message.metadata();
        Document doc = new Document();
        // Exact, not tokenized: the term of updateDocument/deleteDocuments; stored: the hit's handle.
        doc.add(new StringField(ArchiveFields.ARCHIVE_ID, id.value(), Field.Store.YES));
        // Doc values: a stable tie-break when sorting by date, so that pages never overlap.
        doc.add(new SortedDocValuesField(ArchiveFields.ARCHIVE_ID, new BytesRef(id.value())));
        // Opaque identifier: one lower-cased token, stored to show; angle brackets dropped.
        firstHeader(features, "Message-Id").map(ArchiveDocumentFactory::stripBrackets)
            .filter(value -> !value.isEmpty())
            .ifPresent(value -> keyword(doc, ArchiveFields.MESSAGE_ID, value, true));
        long millis = metadata.arrival().toEpochMilli();
        // Point: date ranges; stored: shown; doc values: sort by date.
        doc.add(new LongPoint(ArchiveFields.DATE, millis));
        doc.add(new StoredField(ArchiveFields.DATE, millis));
        doc.add(new NumericDocValuesField(ArchiveFields.DATE, millis));

        Set<String> participants = new LinkedHashSet<>();
        // Header addresses: each one exact lower-cased token (not stored); the decoded header stored for display
        // under its own name (Lucene wants one schema per field name, and a header may hold no parsable address).
        addresses(doc, features, "From", ArchiveFields.FROM, ArchiveFields.FROM_HEADER, participants);
        addresses(doc, features, "To", ArchiveFields.TO, ArchiveFields.TO_HEADER, participants);
        addresses(doc, features, "Cc", ArchiveFields.CC, ArchiveFields.CC_HEADER, participants);
        // Envelope: exact lower-cased tokens, stored as given (a list shows who really received it).
        metadata.envelopeSender().ifPresent(sender -> {
            keyword(doc, ArchiveFields.SENDER, sender, true);
            participants.add(lower(sender));
        });
        for (String recipient : metadata.envelopeRecipients()) {
            keyword(doc, ArchiveFields.RECIPIENTS, recipient, true);
            participants.add(lower(recipient));
        }
        // Every address once, not stored: the FILTER clause of personal searches.
        for (String participant : participants) {
            keyword(doc, ArchiveFields.PARTICIPANTS, participant, false);
        }

        String subject = cap(firstHeader(features, "Subject").orElse(""), MAX_SUBJECT_CHARS);
        // Tokenized: word and phrase search; stored: the result list and its highlighted snippet.
        doc.add(new TextField(ArchiveFields.SUBJECT, subject, Field.Store.YES));
        // Tokenized, NOT stored: searchable, but the text stays only in the encrypted content.
        doc.add(new TextField(ArchiveFields.BODY, bodyText(features), Field.Store.NO));
        // Names tokenized (a word of a file name finds it) and stored (shown); types exact and stored.
        for (String name : features.mime().attachmentNames()) {
            doc.add(new TextField(ArchiveFields.ATTACHMENT, cap(name, MAX_KEYWORD_CHARS), Field.Store.YES));
        }
        for (String type : new LinkedHashSet<>(features.mime().attachmentTypes())) {
            keyword(doc, ArchiveFields.ATTACHMENT_TYPE, type, true);
        }
        // Point: size ranges; stored: shown.
        doc.add(new IntPoint(ArchiveFields.SIZE, message.size()));
        doc.add(new StoredField(ArchiveFields.SIZE, message.size()));
        // Verdict, hits, direction, remote IP, key id: exact lower-cased tokens, stored to show.
        metadata.verdict().ifPresent(verdict -> keyword(doc, ArchiveFields.VERDICT, verdict, true));
        metadata.score().ifPresent(score -> {
            // Point: score ranges; stored: shown.
            doc.add(new DoublePoint(ArchiveFields.SCORE, score));
            doc.add(new StoredField(ArchiveFields.SCORE, score));
        });
        for (String hit : metadata.hits()) {
            keyword(doc, ArchiveFields.HITS, hit, true);
        }
        keyword(doc, ArchiveFields.DIRECTION, metadata.direction().indexValue(), true);
        metadata.remoteIp().ifPresent(ip -> keyword(doc, ArchiveFields.REMOTE_IP, ip, true));
        // Which key encrypts the entry: finds what an old key still protects before it is retired.
        keyword(doc, ArchiveFields.KEY_ID, keyId, true);
        return doc;
    }

    private static void addresses(Document doc, MessageFeatures features, String header, String field,
                                  String displayField, Set<String> participants) {
        List<String> values = features.headers().values(header);
        if (!values.isEmpty()) {
            doc.add(new StoredField(displayField, cap(String.join(", ", values), MAX_DISPLAY_CHARS)));
        }
        for (MailAddress address : features.headers().addresses(header)) {
            keyword(doc, field, address.address(), false);
            participants.add(lower(address.address()));
        }
    }

    /** One exact lower-cased token; when stored, the value as given. */
    private static void keyword(Document doc, String field, String value, boolean stored) {
        String capped = cap(value.trim(), MAX_KEYWORD_CHARS);
        doc.add(new StringField(field, lower(capped), Field.Store.NO));
        if (stored) {
            doc.add(new StoredField(field, capped));
        }
    }

    private static Optional<String> firstHeader(MessageFeatures features, String name) {
        return features.headers().first(name).map(String::trim);
    }

    private static String stripBrackets(String messageId) {
        String id = messageId.trim();
        int space = id.indexOf(' ');
        if (space > 0) {
            id = id.substring(0, space);
        }
        if (id.startsWith("<")) {
            id = id.substring(1);
        }
        if (id.endsWith(">")) {
            id = id.substring(0, id.length() - 1);
        }
        return id;
    }

    private static String lower(String value) {
        return cap(value.trim(), MAX_KEYWORD_CHARS).toLowerCase(Locale.ROOT);
    }

    private static String cap(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
