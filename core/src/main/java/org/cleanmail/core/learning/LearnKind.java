package org.cleanmail.core.learning;

import java.util.Locale;

/** What the messages of a bulk learning run are. */
public enum LearnKind {
    /** Spam: each message's fingerprints are added to the database. */
    SPAM,
    /** Ham: each message's fingerprints are removed from the database and vetoed. */
    HAM;

    /** {@code spam} or {@code ham}, as the webadmin route and the command line say it. */
    public String asText() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code spam} or {@code ham}, whatever the case. */
    public static LearnKind parse(String text) {
        String value = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (LearnKind kind : values()) {
            if (kind.name().equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("must be spam or ham; got '" + text + "'");
    }
}
