package org.cleanmail.core.policy;

/** Why a recipient's copy of a message gets its action; kept in quarantine entries and the deletion log. */
public enum DispositionReason {
    /** Below the recipient's spam threshold. */
    CLEAN,
    /** The sender is on the recipient's personal white list. */
    WHITELISTED,
    /** At or above the spam threshold. */
    SPAM,
    /** At or above both the spam and the certain-spam thresholds. */
    CERTAIN_SPAM,
    /** The sender is on the recipient's personal black list: treated as certain spam. */
    BLACKLISTED,
    /** A virus or other malware was found. */
    VIRUS,
    /** Content the administrator bans (e.g. an attachment type) was found. */
    BANNED_CONTENT
}
