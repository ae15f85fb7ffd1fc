package org.cleanmail.smtp;

import org.apache.james.core.MailAddress;

/** Whether a recipient is one the server would refuse as unknown. */
public interface RecipientDirectory {
    /**
     * True when the recipient's domain is local and no user or alias answers to it; false
     * for known local recipients and for other domains (relaying is another check's job).
     */
    boolean isUnknownLocalRecipient(MailAddress recipient);
}
