package org.cleanmail.core.blacklist;

/** What a recipient's personal lists say about a sender. */
public enum PersonalVerdict {
    /** The recipient trusts this sender: skip spam filtering for this recipient. */
    WHITELISTED,
    /** The recipient refuses this sender. */
    BLACKLISTED,
    /** The recipient's lists do not mention this sender. */
    NONE
}
