package org.cleanmail.core.message;

/**
 * Something malformed the parser met and worked around. Spam often carries such defects,
 * so rules may look at them; none of them stops the parse.
 */
public enum MimeDefect {
    /** A charset name that Java does not know; the text was decoded with a fallback. */
    UNKNOWN_CHARSET,
    /** A multipart without a usable boundary; its body was read as one opaque part. */
    MISSING_BOUNDARY,
    /** A multipart body ended without its closing boundary. */
    UNTERMINATED_MULTIPART,
    /** A header line that is not a field ({@code name: value}); it was skipped. */
    MALFORMED_HEADER,
    /** The MIME structure could not be followed; parsing stopped there. */
    BROKEN_STRUCTURE,
    /** A base64 or quoted-printable body held invalid data, skipped while decoding. */
    INVALID_TRANSFER_ENCODING
}
