package org.cleanmail.core.fingerprint;

/** Who taught the store a fingerprint. */
public enum FingerprintSource {
    /** Learnt automatically from mail that the rules scored as spam. */
    RULES,
    /** A user reported the message as spam (or as ham, for a veto). */
    USER_REPORT,
    /** An administrator added it. */
    ADMIN
}
