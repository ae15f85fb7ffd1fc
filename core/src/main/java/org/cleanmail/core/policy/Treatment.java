package org.cleanmail.core.policy;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything James needs to process one copy of a message: the action, the reason, and
 * for tagged delivery the tag style and the spam threshold to show in the status header,
 * for quarantine the retention. Recipients with equal treatments share one copy. Immutable.
 */
public final class Treatment {
    private final DispositionAction action;
    private final DispositionReason reason;
    private final TagStyle tagStyle;
    private final Double spamThreshold;
    private final Duration retention;

    private Treatment(DispositionAction action, DispositionReason reason, TagStyle tagStyle, Double spamThreshold,
                      Duration retention) {
        this.action = action;
        this.reason = reason;
        this.tagStyle = tagStyle;
        this.spamThreshold = spamThreshold;
        this.retention = retention;
    }

    /** The treatment of {@code action} under {@code policy}, holding only what that action uses. */
    public static Treatment of(DispositionAction action, DispositionReason reason, EffectivePolicy policy) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
        boolean tags = action.tags();
        return new Treatment(action, reason,
            tags ? policy.tagStyle() : null,
            tags ? policy.spamThreshold() : null,
            action == DispositionAction.QUARANTINE ? policy.quarantineRetention() : null);
    }

    public DispositionAction action() {
        return action;
    }

    public DispositionReason reason() {
        return reason;
    }

    /** How to mark the copy; present for {@code DELIVER_TAGGED} and {@code DELIVER_TO_SPAM_FOLDER}. */
    public Optional<TagStyle> tagStyle() {
        return Optional.ofNullable(tagStyle);
    }

    /** The recipients' spam threshold, for {@code required=} in status headers; present when tagging. */
    public Optional<Double> spamThreshold() {
        return Optional.ofNullable(spamThreshold);
    }

    /** How long the quarantine keeps the copy; present for {@code QUARANTINE}. */
    public Optional<Duration> retention() {
        return Optional.ofNullable(retention);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Treatment)) {
            return false;
        }
        Treatment other = (Treatment) o;
        return action == other.action && reason == other.reason && Objects.equals(tagStyle, other.tagStyle)
            && Objects.equals(spamThreshold, other.spamThreshold) && Objects.equals(retention, other.retention);
    }

    @Override
    public int hashCode() {
        return Objects.hash(action, reason, tagStyle, spamThreshold, retention);
    }

    @Override
    public String toString() {
        return "Treatment{" + action + " (" + reason + ")"
            + (tagStyle == null ? "" : ", " + tagStyle + ", required=" + spamThreshold)
            + (retention == null ? "" : ", retention=" + retention.toDays() + "d") + "}";
    }
}
