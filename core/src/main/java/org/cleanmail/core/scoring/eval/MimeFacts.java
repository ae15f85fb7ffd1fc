package org.cleanmail.core.scoring.eval;

import java.util.List;

/**
 * What SpamAssassin's MIMEEval plugin learns from the MIME parts of a message (its
 * {@code _check_attachments} pass), plus the message parse flags and the decoded HTML
 * sources. Immutable; built by {@link MimeScan}.
 */
final class MimeFacts {
    static final MimeFacts NONE = new Builder().build();

    final int htmlBodyCount;
    final int textBodyCount;
    final int base64Count;
    final int quotedPrintableCount;
    final int attachmentCount;
    final boolean base64EncodedText;
    final boolean badIsoCharset;
    final boolean quotedPrintableLongLine;
    final boolean multipartAlternative;
    final int asciiTextIllegalLines;
    final double textUnicodeRatio;
    final double multipartRatio;
    final int longestBase64Line;
    final boolean epilogueExists;
    final boolean missingMimeHeaders;
    final boolean partLimitExceeded;
    /** Every charset declared on a part, lower-case. */
    final List<String> charsets;
    /** Decoded source of every text/html part, in order. */
    final List<String> htmlSources;
    /** The text parts of every multipart/alternative, innermost first. */
    final List<AlternativeTexts> alternatives;

    private MimeFacts(Builder builder) {
        this.htmlBodyCount = builder.htmlBodyCount;
        this.textBodyCount = builder.textBodyCount;
        this.base64Count = builder.base64Count;
        this.quotedPrintableCount = builder.quotedPrintableCount;
        this.attachmentCount = builder.attachmentCount;
        this.base64EncodedText = builder.base64EncodedText;
        this.badIsoCharset = builder.badIsoCharset;
        this.quotedPrintableLongLine = builder.quotedPrintableLongLine;
        this.multipartAlternative = builder.multipartAlternative;
        this.asciiTextIllegalLines = builder.asciiTextIllegalLines;
        this.textUnicodeRatio = builder.textUnicodeRatio;
        this.multipartRatio = builder.multipartRatio;
        this.longestBase64Line = builder.longestBase64Line;
        this.epilogueExists = builder.epilogueExists;
        this.missingMimeHeaders = builder.missingMimeHeaders;
        this.partLimitExceeded = builder.partLimitExceeded;
        this.charsets = List.copyOf(builder.charsets);
        this.htmlSources = List.copyOf(builder.htmlSources);
        this.alternatives = List.copyOf(builder.alternatives);
    }

    /** Accumulates the facts during one scan. */
    static final class Builder {
        int htmlBodyCount;
        int textBodyCount;
        int base64Count;
        int quotedPrintableCount;
        int attachmentCount;
        boolean base64EncodedText;
        boolean badIsoCharset;
        boolean quotedPrintableLongLine;
        boolean multipartAlternative;
        int asciiTextIllegalLines;
        double textUnicodeRatio;
        double multipartRatio = 1.0;
        int longestBase64Line;
        boolean epilogueExists;
        boolean missingMimeHeaders;
        boolean partLimitExceeded;
        List<String> charsets = List.of();
        List<String> htmlSources = List.of();
        List<AlternativeTexts> alternatives = List.of();

        MimeFacts build() {
            return new MimeFacts(this);
        }
    }
}
