package org.cleanmail.core.sender;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * What a client IP has done, as counts that decay exponentially: each count is worth half
 * as much after one half-life, so old behaviour fades and a reformed sender recovers.
 * Counts are exact as of {@link #asOf()}; {@link #decayedTo(Instant, Duration)} brings
 * them to a later instant. Immutable.
 */
public final class ReputationRecord {
    private final double accepted;
    private final double spam;
    private final double ham;
    private final double refusedRecipients;
    private final double flags;
    private final Instant asOf;

    public ReputationRecord(double accepted, double spam, double ham, double refusedRecipients, double flags,
                            Instant asOf) {
        this.accepted = accepted;
        this.spam = spam;
        this.ham = ham;
        this.refusedRecipients = refusedRecipients;
        this.flags = flags;
        this.asOf = Objects.requireNonNull(asOf, "asOf");
    }

    /** No history, as of {@code instant}. */
    public static ReputationRecord empty(Instant instant) {
        return new ReputationRecord(0, 0, 0, 0, 0, instant);
    }

    public double accepted() {
        return accepted;
    }

    public double spam() {
        return spam;
    }

    public double ham() {
        return ham;
    }

    public double refusedRecipients() {
        return refusedRecipients;
    }

    public double flags() {
        return flags;
    }

    public Instant asOf() {
        return asOf;
    }

    /**
     * The counts at {@code instant}: each multiplied by {@code 2^(-elapsed/halfLife)}. An
     * instant before {@link #asOf()} leaves the counts as they are.
     */
    public ReputationRecord decayedTo(Instant instant, Duration halfLife) {
        if (!instant.isAfter(asOf)) {
            return this;
        }
        double elapsed = Duration.between(asOf, instant).toMillis();
        double factor = Math.pow(0.5, elapsed / halfLife.toMillis());
        return new ReputationRecord(accepted * factor, spam * factor, ham * factor, refusedRecipients * factor,
            flags * factor, instant);
    }

    /** The record decayed to {@code instant}, then with one more {@code event}. */
    public ReputationRecord plus(ReputationEvent event, Instant instant, Duration halfLife) {
        ReputationRecord now = decayedTo(instant, halfLife);
        switch (event) {
            case MESSAGE_ACCEPTED:
                return new ReputationRecord(now.accepted + 1, now.spam, now.ham, now.refusedRecipients, now.flags, now.asOf);
            case SCORED_SPAM:
                return new ReputationRecord(now.accepted, now.spam + 1, now.ham, now.refusedRecipients, now.flags, now.asOf);
            case SCORED_HAM:
                return new ReputationRecord(now.accepted, now.spam, now.ham + 1, now.refusedRecipients, now.flags, now.asOf);
            case RECIPIENT_REFUSED:
                return new ReputationRecord(now.accepted, now.spam, now.ham, now.refusedRecipients + 1, now.flags, now.asOf);
            case FLAGGED:
                return new ReputationRecord(now.accepted, now.spam, now.ham, now.refusedRecipients, now.flags + 1, now.asOf);
            default:
                throw new IllegalStateException("unknown event " + event);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ReputationRecord)) {
            return false;
        }
        ReputationRecord other = (ReputationRecord) o;
        return Double.compare(accepted, other.accepted) == 0 && Double.compare(spam, other.spam) == 0
            && Double.compare(ham, other.ham) == 0 && Double.compare(refusedRecipients, other.refusedRecipients) == 0
            && Double.compare(flags, other.flags) == 0 && asOf.equals(other.asOf);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accepted, spam, ham, refusedRecipients, flags, asOf);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
            "ReputationRecord{accepted=%.2f, spam=%.2f, ham=%.2f, refusedRecipients=%.2f, flags=%.2f, asOf=%s}",
            accepted, spam, ham, refusedRecipients, flags, asOf);
    }
}
