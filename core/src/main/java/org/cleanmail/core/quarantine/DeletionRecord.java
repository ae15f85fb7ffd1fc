package org.cleanmail.core.quarantine;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.cleanmail.core.policy.DispositionReason;

/**
 * One deleted mail, for answering "where did my mail go": its Message-ID (empty when it
 * had none), envelope sender (empty for the null sender), the recipients it was deleted
 * for, why, and when. Immutable.
 */
public final class DeletionRecord {
    private final String messageId;
    private final String sender;
    private final List<String> recipients;
    private final DispositionReason reason;
    private final Instant time;

    public DeletionRecord(String messageId, String sender, List<String> recipients, DispositionReason reason, Instant time) {
        this.messageId = messageId == null ? "" : messageId;
        this.sender = sender == null ? "" : sender;
        this.recipients = List.copyOf(recipients);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.time = Objects.requireNonNull(time, "time");
    }

    public String messageId() {
        return messageId;
    }

    public String sender() {
        return sender;
    }

    public List<String> recipients() {
        return recipients;
    }

    public DispositionReason reason() {
        return reason;
    }

    public Instant time() {
        return time;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DeletionRecord)) {
            return false;
        }
        DeletionRecord other = (DeletionRecord) o;
        return messageId.equals(other.messageId) && sender.equals(other.sender) && recipients.equals(other.recipients)
            && reason == other.reason && time.equals(other.time);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageId, sender, recipients, reason, time);
    }

    @Override
    public String toString() {
        return "DeletionRecord{" + messageId + " from " + sender + " to " + recipients + ", " + reason + ", " + time + "}";
    }
}
