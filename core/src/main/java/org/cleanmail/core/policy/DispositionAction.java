package org.cleanmail.core.policy;

/**
 * What happens to a message for one recipient. {@link #DELIVER} is what clean mail gets;
 * a policy chooses among the others for spam, certain spam, viruses and banned content.
 */
public enum DispositionAction {
    /** Delivered unchanged to the recipient's inbox. Never a policy's choice: clean mail only. */
    DELIVER,
    /** Delivered to the inbox, marked as the policy's tag style says (subject prefix, headers, report). */
    DELIVER_TAGGED,
    /** Delivered, tagged, into the recipient's Spam folder. */
    DELIVER_TO_SPAM_FOLDER,
    /** Kept in the quarantine for the policy's retention; the recipient or an administrator may release it. */
    QUARANTINE,
    /** Dropped, and recorded in the deletion log. */
    DELETE,
    /**
     * Refused with an SMTP error. Only possible while the SMTP session is still open,
     * that is when the decision is made before the end of DATA, and only when every
     * recipient's action is {@code REJECT} (SMTP answers DATA once for all recipients); in
     * any other case {@link DispositionPlanner} turns it into {@link #QUARANTINE} (a bounce
     * would be backscatter to a probably forged sender). A spam action only: viruses and
     * banned content are not looked for during the SMTP session.
     */
    REJECT;

    /** Whether the message reaches the recipient's mailbox. */
    public boolean delivers() {
        return this == DELIVER || this == DELIVER_TAGGED || this == DELIVER_TO_SPAM_FOLDER;
    }

    /** Whether the message is marked with the recipient's tag style. */
    public boolean tags() {
        return this == DELIVER_TAGGED || this == DELIVER_TO_SPAM_FOLDER;
    }
}
