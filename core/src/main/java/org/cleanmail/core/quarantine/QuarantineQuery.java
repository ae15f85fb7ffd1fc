package org.cleanmail.core.quarantine;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.cleanmail.core.blacklist.MailNames;
import org.cleanmail.core.policy.DispositionReason;

/**
 * A quarantine listing request: filters (all optional, combined with AND), an order and
 * a page. Addresses are compared in canonical form. Immutable; {@link Builder#build()}
 * checks the values and names the bad one.
 */
public final class QuarantineQuery {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    private final String recipient;
    private final String sender;
    private final Instant arrivedFrom;
    private final Instant arrivedBefore;
    private final DispositionReason reason;
    private final Double minScore;
    private final Double maxScore;
    private final QuarantineSort sort;
    private final int offset;
    private final int limit;

    private QuarantineQuery(Builder builder) {
        this.recipient = builder.recipient;
        this.sender = builder.sender;
        this.arrivedFrom = builder.arrivedFrom;
        this.arrivedBefore = builder.arrivedBefore;
        this.reason = builder.reason;
        this.minScore = builder.minScore;
        this.maxScore = builder.maxScore;
        this.sort = builder.sort;
        this.offset = builder.offset;
        this.limit = builder.limit;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Everything, newest first, first page. */
    public static QuarantineQuery all() {
        return builder().build();
    }

    public Optional<String> recipient() {
        return Optional.ofNullable(recipient);
    }

    public Optional<String> sender() {
        return Optional.ofNullable(sender);
    }

    /** Arrival at or after this instant. */
    public Optional<Instant> arrivedFrom() {
        return Optional.ofNullable(arrivedFrom);
    }

    /** Arrival strictly before this instant. */
    public Optional<Instant> arrivedBefore() {
        return Optional.ofNullable(arrivedBefore);
    }

    public Optional<DispositionReason> reason() {
        return Optional.ofNullable(reason);
    }

    public Optional<Double> minScore() {
        return Optional.ofNullable(minScore);
    }

    public Optional<Double> maxScore() {
        return Optional.ofNullable(maxScore);
    }

    public QuarantineSort sort() {
        return sort;
    }

    public int offset() {
        return offset;
    }

    public int limit() {
        return limit;
    }

    /** This query restricted to {@code canonicalRecipient}, whatever recipient it named. */
    public QuarantineQuery forRecipient(String canonicalRecipient) {
        Builder builder = toBuilder();
        builder.recipient = canonicalRecipient;
        return builder.build();
    }

    /** Whether an entry passes every filter (the page is not considered). */
    public boolean matches(QuarantineEntry entry) {
        return (recipient == null || recipient.equals(entry.recipient()))
            && (sender == null || sender.equals(MailNames.address(entry.sender()).orElse(entry.sender())))
            && (arrivedFrom == null || !entry.arrival().isBefore(arrivedFrom))
            && (arrivedBefore == null || entry.arrival().isBefore(arrivedBefore))
            && (reason == null || reason == entry.reason())
            && (minScore == null || entry.score() >= minScore)
            && (maxScore == null || entry.score() <= maxScore);
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.recipient = recipient;
        builder.sender = sender;
        builder.arrivedFrom = arrivedFrom;
        builder.arrivedBefore = arrivedBefore;
        builder.reason = reason;
        builder.minScore = minScore;
        builder.maxScore = maxScore;
        builder.sort = sort;
        builder.offset = offset;
        builder.limit = limit;
        return builder;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof QuarantineQuery)) {
            return false;
        }
        QuarantineQuery other = (QuarantineQuery) o;
        return Objects.equals(recipient, other.recipient) && Objects.equals(sender, other.sender)
            && Objects.equals(arrivedFrom, other.arrivedFrom) && Objects.equals(arrivedBefore, other.arrivedBefore)
            && reason == other.reason && Objects.equals(minScore, other.minScore) && Objects.equals(maxScore, other.maxScore)
            && sort == other.sort && offset == other.offset && limit == other.limit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(recipient, sender, arrivedFrom, arrivedBefore, reason, minScore, maxScore, sort, offset, limit);
    }

    @Override
    public String toString() {
        return "QuarantineQuery{recipient=" + recipient + ", sender=" + sender + ", from=" + arrivedFrom
            + ", before=" + arrivedBefore + ", reason=" + reason + ", score=[" + minScore + ", " + maxScore + "], "
            + sort + ", offset=" + offset + ", limit=" + limit + "}";
    }

    /** Collects a query; {@link #build()} checks it. Not thread-safe. */
    public static final class Builder {
        private String recipient;
        private String sender;
        private Instant arrivedFrom;
        private Instant arrivedBefore;
        private DispositionReason reason;
        private Double minScore;
        private Double maxScore;
        private QuarantineSort sort = QuarantineSort.ARRIVAL_DESCENDING;
        private int offset;
        private int limit = DEFAULT_LIMIT;

        private Builder() {
        }

        public Builder recipient(String recipient) {
            this.recipient = MailNames.address(recipient).orElseThrow(() -> new IllegalArgumentException(
                "'recipient' must be a mail address, e.g. recipient=alice@example.com; got '" + recipient + "'"));
            return this;
        }

        /** A sender address; the empty string selects bounces (null sender). */
        public Builder sender(String sender) {
            if (sender != null && sender.isEmpty()) {
                this.sender = "";
                return this;
            }
            this.sender = MailNames.address(sender).orElseThrow(() -> new IllegalArgumentException(
                "'sender' must be a mail address, e.g. sender=bob@example.net; got '" + sender + "'"));
            return this;
        }

        public Builder arrivedFrom(Instant from) {
            this.arrivedFrom = from;
            return this;
        }

        public Builder arrivedBefore(Instant before) {
            this.arrivedBefore = before;
            return this;
        }

        public Builder reason(DispositionReason reason) {
            this.reason = reason;
            return this;
        }

        public Builder minScore(double minScore) {
            this.minScore = minScore;
            return this;
        }

        public Builder maxScore(double maxScore) {
            this.maxScore = maxScore;
            return this;
        }

        public Builder sort(QuarantineSort sort) {
            this.sort = Objects.requireNonNull(sort, "sort");
            return this;
        }

        public Builder offset(int offset) {
            this.offset = offset;
            return this;
        }

        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /**
         * The query.
         *
         * @throws IllegalArgumentException naming the bad parameter and a valid value
         */
        public QuarantineQuery build() {
            if (offset < 0) {
                throw new IllegalArgumentException("'offset' must be 0 or more, e.g. offset=0; got " + offset);
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("'limit' must be between 1 and " + MAX_LIMIT + ", e.g. limit="
                    + DEFAULT_LIMIT + "; got " + limit);
            }
            if (minScore != null && maxScore != null && minScore > maxScore) {
                throw new IllegalArgumentException("'minScore' (" + minScore + ") must not be above 'maxScore' ("
                    + maxScore + "), e.g. minScore=5.0&maxScore=20.0");
            }
            if (minScore != null && Double.isNaN(minScore) || maxScore != null && Double.isNaN(maxScore)) {
                throw new IllegalArgumentException("'minScore' and 'maxScore' must be numbers, e.g. minScore=5.0");
            }
            if (arrivedFrom != null && arrivedBefore != null && arrivedBefore.isBefore(arrivedFrom)) {
                throw new IllegalArgumentException("'arrivedBefore' (" + arrivedBefore + ") must not be before 'arrivedFrom' ("
                    + arrivedFrom + "), e.g. arrivedFrom=2026-01-01T00:00:00Z&arrivedBefore=2026-01-02T00:00:00Z");
            }
            return new QuarantineQuery(this);
        }
    }
}
