package org.cleanmail.core.message;

/** Basic facts about the top-level header that eval rules test, such as a missing Date. */
public enum HeaderFact {
    MISSING_FROM,
    MISSING_TO,
    MISSING_DATE,
    MISSING_MESSAGE_ID,
    MISSING_SUBJECT,
    MISSING_MIME_VERSION,
    EMPTY_SUBJECT,
    /** Neither To nor Cc holds an address (Bcc-only or undisclosed recipients). */
    NO_VISIBLE_RECIPIENT
}
