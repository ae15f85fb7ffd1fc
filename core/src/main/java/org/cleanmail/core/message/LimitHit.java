package org.cleanmail.core.message;

/**
 * A cap of {@link ParserLimits} that a message reached: the parser stopped reading or
 * skipped something there, so the features describe only part of the message.
 */
public enum LimitHit {
    /** The message (or the {@code RawMessage} it came in) was longer than the bytes parsed. */
    MESSAGE_BYTES,
    /** A text part was longer than the decoded bytes read per part. */
    PART_BYTES,
    /** The decoded text of all parts together reached its cap; later parts were not decoded. */
    TEXT_BYTES,
    /** The message had more MIME parts than parsed. */
    PART_COUNT,
    /** Multiparts were nested deeper than parsed; deeper parts were skipped. */
    NESTING_DEPTH,
    /** There were more header fields than kept. */
    HEADER_COUNT,
    /** A header field was longer than kept; its value was cut. */
    HEADER_LENGTH,
    /** The header fields of MIME parts together were longer than kept; later fields were dropped. */
    PART_HEADER_BYTES,
    /** An HTML part was longer than rendered. */
    HTML_SIZE,
    /** There were more URIs than kept. */
    URI_COUNT
}
