package org.cleanmail.core.quarantine;

import java.util.Objects;

import org.cleanmail.core.blacklist.MailNames;

/**
 * Names one quarantine entry: the key of the mail in James's quarantine repository and
 * one recipient (canonical address). A mail quarantined for several recipients has one
 * entry per recipient, all with the same mail key. Immutable.
 */
public final class QuarantineEntryId implements Comparable<QuarantineEntryId> {
    private final String mailKey;
    private final String recipient;

    private QuarantineEntryId(String mailKey, String recipient) {
        this.mailKey = mailKey;
        this.recipient = recipient;
    }

    /**
     * The id of {@code recipient}'s entry for the mail stored under {@code mailKey}.
     *
     * @throws IllegalArgumentException when the key is blank or the recipient is no mail address
     */
    public static QuarantineEntryId of(String mailKey, String recipient) {
        if (mailKey == null || mailKey.isBlank()) {
            throw new IllegalArgumentException("'mailKey' must be the key of a mail in the quarantine repository,"
                + " e.g. Mail1795611887000-2b50ebdb; got '" + mailKey + "'");
        }
        String canonical = MailNames.address(recipient).orElseThrow(() -> new IllegalArgumentException(
            "'recipient' must be a mail address, e.g. alice@example.com; got '" + recipient + "'"));
        return new QuarantineEntryId(mailKey, canonical);
    }

    public String mailKey() {
        return mailKey;
    }

    /** The recipient, canonical (lower-cased). */
    public String recipient() {
        return recipient;
    }

    @Override
    public int compareTo(QuarantineEntryId other) {
        int byKey = mailKey.compareTo(other.mailKey);
        return byKey != 0 ? byKey : recipient.compareTo(other.recipient);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof QuarantineEntryId)) {
            return false;
        }
        QuarantineEntryId other = (QuarantineEntryId) o;
        return mailKey.equals(other.mailKey) && recipient.equals(other.recipient);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mailKey, recipient);
    }

    @Override
    public String toString() {
        return mailKey + "/" + recipient;
    }
}
