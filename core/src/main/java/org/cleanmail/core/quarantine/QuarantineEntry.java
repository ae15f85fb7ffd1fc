package org.cleanmail.core.quarantine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.cleanmail.core.policy.DispositionReason;

/**
 * What the quarantine index knows of one recipient's quarantined copy of a mail: the mail
 * key and recipient ({@link QuarantineEntryId}), sender, subject, score, rule hits, reason,
 * arrival, expiry and whether it was released. The mail itself stays in James's
 * repository. Immutable; built by {@link #builder()}.
 */
public final class QuarantineEntry {
    /** Subjects longer than this are cut, so that a hostile subject cannot bloat the index. */
    public static final int MAX_SUBJECT_LENGTH = 998;

    private final QuarantineEntryId id;
    private final String sender;
    private final String subject;
    private final double score;
    private final List<String> hits;
    private final DispositionReason reason;
    private final Instant arrival;
    private final Instant expiry;
    private final boolean released;

    private QuarantineEntry(Builder builder) {
        this.id = QuarantineEntryId.of(builder.mailKey, builder.recipient);
        this.sender = builder.sender == null ? "" : builder.sender;
        String text = builder.subject == null ? "" : builder.subject;
        this.subject = text.length() > MAX_SUBJECT_LENGTH ? text.substring(0, MAX_SUBJECT_LENGTH) : text;
        this.score = builder.score;
        this.hits = List.copyOf(builder.hits);
        this.reason = Objects.requireNonNull(builder.reason, "reason");
        this.arrival = Objects.requireNonNull(builder.arrival, "arrival");
        this.expiry = Objects.requireNonNull(builder.expiry, "expiry (set retention or expiry)");
        if (expiry.isBefore(arrival)) {
            throw new IllegalArgumentException("'expiry' (" + expiry + ") must not be before 'arrival' (" + arrival + ")");
        }
        this.released = builder.released;
    }

    public static Builder builder() {
        return new Builder();
    }

    public QuarantineEntryId id() {
        return id;
    }

    public String mailKey() {
        return id.mailKey();
    }

    /** The recipient, canonical. */
    public String recipient() {
        return id.recipient();
    }

    /** The envelope sender; empty for the null sender of bounces. */
    public String sender() {
        return sender;
    }

    public String subject() {
        return subject;
    }

    public double score() {
        return score;
    }

    /** Names of the rules that fired. */
    public List<String> hits() {
        return hits;
    }

    public DispositionReason reason() {
        return reason;
    }

    public Instant arrival() {
        return arrival;
    }

    /** When the entry may be purged: arrival plus the recipient's retention. */
    public Instant expiry() {
        return expiry;
    }

    /** Whether the entry's retention has fully elapsed at {@code instant} (expiry included). */
    public boolean isExpiredAt(Instant instant) {
        return !instant.isBefore(expiry);
    }

    public boolean released() {
        return released;
    }

    /** The same entry, marked released. */
    public QuarantineEntry asReleased() {
        return toBuilder().released(true).build();
    }

    public Builder toBuilder() {
        return new Builder().mailKey(mailKey()).recipient(recipient()).sender(sender).subject(subject).score(score)
            .hits(hits).reason(reason).arrival(arrival).expiry(expiry).released(released);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof QuarantineEntry)) {
            return false;
        }
        QuarantineEntry other = (QuarantineEntry) o;
        return id.equals(other.id) && sender.equals(other.sender) && subject.equals(other.subject)
            && Double.compare(score, other.score) == 0 && hits.equals(other.hits) && reason == other.reason
            && arrival.equals(other.arrival) && expiry.equals(other.expiry) && released == other.released;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, sender, subject, score, hits, reason, arrival, expiry, released);
    }

    @Override
    public String toString() {
        return "QuarantineEntry{" + id + ", from=" + sender + ", score=" + score + ", " + reason
            + ", arrival=" + arrival + ", expiry=" + expiry + (released ? ", released" : "") + "}";
    }

    /** Collects an entry's values; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder {
        private String mailKey;
        private String recipient;
        private String sender;
        private String subject;
        private double score;
        private List<String> hits = List.of();
        private DispositionReason reason;
        private Instant arrival;
        private Instant expiry;
        private boolean released;

        private Builder() {
        }

        public Builder mailKey(String mailKey) {
            this.mailKey = mailKey;
            return this;
        }

        public Builder recipient(String recipient) {
            this.recipient = recipient;
            return this;
        }

        public Builder sender(String sender) {
            this.sender = sender;
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder score(double score) {
            this.score = score;
            return this;
        }

        public Builder hits(List<String> hits) {
            this.hits = Objects.requireNonNull(hits, "hits");
            return this;
        }

        public Builder reason(DispositionReason reason) {
            this.reason = reason;
            return this;
        }

        public Builder arrival(Instant arrival) {
            this.arrival = arrival;
            return this;
        }

        public Builder expiry(Instant expiry) {
            this.expiry = expiry;
            return this;
        }

        /** Sets the expiry to the arrival (set it first) plus {@code retention}. */
        public Builder retention(Duration retention) {
            this.expiry = Objects.requireNonNull(arrival, "arrival must be set before retention").plus(retention);
            return this;
        }

        public Builder released(boolean released) {
            this.released = released;
            return this;
        }

        /**
         * The entry.
         *
         * @throws IllegalArgumentException when the key, recipient or dates are not valid
         */
        public QuarantineEntry build() {
            return new QuarantineEntry(this);
        }
    }
}
