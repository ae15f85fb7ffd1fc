package org.cleanmail.core.quarantine;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.cleanmail.core.policy.DispositionAction;
import org.cleanmail.core.policy.DispositionReason;

/**
 * One deleted mail, for answering "where did my mail go": its Message-ID (empty when it
 * had none), envelope sender (empty for the null sender), the recipients it was deleted
 * for, why, when, and how: {@code DELETE} (accepted, then dropped) or {@code REJECT}
 * (refused at the end of DATA: the sending server keeps it and tells its sender). Immutable.
 */
public final class DeletionRecord {
    private final String messageId;
    private final String sender;
    private final List<String> recipients;
    private final DispositionReason reason;
    private final Instant time;
    private final DispositionAction action;

    /** A deletion ({@code DELETE}). */
    public DeletionRecord(String messageId, String sender, List<String> recipients, DispositionReason reason, Instant time) {
        this(messageId, sender, recipients, reason, time, DispositionAction.DELETE);
    }

    /** A deletion or an SMTP rejection ({@code DELETE} or {@code REJECT}). */
    public DeletionRecord(String messageId, String sender, List<String> recipients, DispositionReason reason, Instant time,
                          DispositionAction action) {
        if (action != DispositionAction.DELETE && action != DispositionAction.REJECT) {
            throw new IllegalArgumentException("a deletion record is for DELETE or REJECT, not " + action);
        }
        this.action = action;
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

    /** {@code DELETE} or {@code REJECT}. */
    public DispositionAction action() {
        return action;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DeletionRecord)) {
            return false;
        }
        DeletionRecord other = (DeletionRecord) o;
        return messageId.equals(other.messageId) && sender.equals(other.sender) && recipients.equals(other.recipients)
            && reason == other.reason && time.equals(other.time) && action == other.action;
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageId, sender, recipients, reason, time, action);
    }

    @Override
    public String toString() {
        return "DeletionRecord{" + action + " " + messageId + " from " + sender + " to " + recipients + ", " + reason + ", "
            + time + "}";
    }
}
