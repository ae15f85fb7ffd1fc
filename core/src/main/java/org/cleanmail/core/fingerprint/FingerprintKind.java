package org.cleanmail.core.fingerprint;

/** What a fingerprint was computed from. */
public enum FingerprintKind {
    /** SHA-256 of the normalised body text. */
    TEXT_EXACT,
    /** MinHash signature of the normalised body text's word shingles; matches near copies. */
    TEXT_FUZZY,
    /** SHA-256 of one attachment's decoded bytes. */
    ATTACHMENT,
    /** SHA-256 of the sorted set of hosts the message links to. */
    URL_SET
}
