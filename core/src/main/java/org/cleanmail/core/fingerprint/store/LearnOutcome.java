package org.cleanmail.core.fingerprint.store;

/** What {@link FingerprintStore#learn} did. */
public enum LearnOutcome {
    /** A new entry. */
    ADDED,
    /** One more hit on an existing entry. */
    MERGED,
    /** Nothing: the fingerprint is vetoed. */
    VETOED
}
