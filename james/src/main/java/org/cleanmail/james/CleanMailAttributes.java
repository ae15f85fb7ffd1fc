package org.cleanmail.james;

import org.apache.mailet.AttributeName;

/** Names of the mail attributes CleanMail sets, for matchers and for other mailets. */
public final class CleanMailAttributes {
    /** The message's total score, a {@code Double}. */
    public static final AttributeName SCORE = AttributeName.of("org.cleanmail.score");
    /** The names of the rules that fired, a collection of {@code String}. */
    public static final AttributeName HITS = AttributeName.of("org.cleanmail.hits");
    /**
     * The rules that fired with their points and descriptions: a collection of maps
     * {@code name} (String), {@code score} (Double), {@code description} (String) and, when
     * the rule says more, {@code detail} (String).
     */
    public static final AttributeName HIT_DETAILS = AttributeName.of("org.cleanmail.hit-details");
    /**
     * The SHA-256 (hexadecimal) of the bytes that were scanned, a {@code String}: a later
     * scorer reuses the recorded verdict only when the message still has these bytes.
     */
    public static final AttributeName SCANNED_DIGEST = AttributeName.of("org.cleanmail.scanned-digest");
    /** The {@code X-CleanMail-Status} line, a {@code String}. */
    public static final AttributeName STATUS = AttributeName.of("org.cleanmail.status");
    /** Whether the score reached the scoring mailet's threshold, a {@code Boolean}. */
    public static final AttributeName SPAM = AttributeName.of("org.cleanmail.spam");
    /** Set to {@code true} on a copy released from the quarantine, so that no mailet quarantines it again. */
    public static final AttributeName RELEASED = AttributeName.of("org.cleanmail.released");
    /** The disposition of a copy ({@code DELIVER_TAGGED}, ...), a {@code String}. */
    public static final AttributeName DISPOSITION = AttributeName.of("org.cleanmail.disposition");

    private CleanMailAttributes() {
    }
}
