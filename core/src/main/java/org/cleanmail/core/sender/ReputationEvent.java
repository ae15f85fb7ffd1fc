package org.cleanmail.core.sender;

/** Something a client IP did that counts for its reputation. */
public enum ReputationEvent {
    /** A message was accepted from it. */
    MESSAGE_ACCEPTED,
    /** One of its messages scored as spam. */
    SCORED_SPAM,
    /** One of its messages scored as ham. */
    SCORED_HAM,
    /** It asked for an unknown recipient. */
    RECIPIENT_REFUSED,
    /** It was flagged (harvesting, or blocked by an administrator). */
    FLAGGED
}
