package org.cleanmail.core.bayes;

/** What learning one message did to the token database. */
public enum LearnResult {
    /** The message was new to the database and is now counted. */
    LEARNED,
    /** The message was already counted with the same class: nothing changed. */
    ALREADY_LEARNED,
    /** The message was counted with the other class: moved to this one (a correction). */
    RELEARNED,
    /** The message had no token: nothing to learn. */
    EMPTY
}
