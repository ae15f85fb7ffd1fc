package org.cleanmail.archive.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the mail server knows about a message beyond its bytes: the SMTP envelope, the
 * direction, the client's IP address, CleanMail's verdict, score and rule hits (when the
 * archive sits after filtering) and the arrival time. Stored, encrypted, with the message,
 * so that the index can be rebuilt from the content store alone. Immutable; built with
 * {@link #builder(Instant)}.
 */
public final class ArchiveMetadata {
    /** Longest address kept; longer ones are not addresses (RFC 5321 allows 256 octets). */
    public static final int MAX_ADDRESS_LENGTH = 320;
    /** Most envelope recipients or rule hits kept for one message. */
    public static final int MAX_LIST_SIZE = 1000;
    private static final Pattern VERDICT = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    private final String envelopeSender;
    private final List<String> envelopeRecipients;
    private final Direction direction;
    private final String remoteIp;
    private final String verdict;
    private final Double score;
    private final List<String> hits;
    private final Instant arrival;

    private ArchiveMetadata(Builder builder) {
        this.envelopeSender = builder.envelopeSender;
        this.envelopeRecipients = List.copyOf(builder.envelopeRecipients);
        this.direction = builder.direction;
        this.remoteIp = builder.remoteIp;
        this.verdict = builder.verdict;
        this.score = builder.score;
        this.hits = List.copyOf(builder.hits);
        this.arrival = builder.arrival;
    }

    /** Metadata of a message that arrived at that instant; everything else is optional. */
    public static Builder builder(Instant arrival) {
        return new Builder(arrival);
    }

    /** The SMTP MAIL FROM address; empty for the null sender {@code <>}. */
    public Optional<String> envelopeSender() {
        return Optional.ofNullable(envelopeSender);
    }

    /** The SMTP RCPT TO addresses, in order. */
    public List<String> envelopeRecipients() {
        return envelopeRecipients;
    }

    public Direction direction() {
        return direction;
    }

    /** The IP address of the SMTP client, as text. */
    public Optional<String> remoteIp() {
        return Optional.ofNullable(remoteIp);
    }

    /** CleanMail's verdict, lower-case (e.g. {@code ham}, {@code spam}); empty when archived before filtering. */
    public Optional<String> verdict() {
        return Optional.ofNullable(verdict);
    }

    public Optional<Double> score() {
        return Optional.ofNullable(score);
    }

    /** Names of the rules that fired. */
    public List<String> hits() {
        return hits;
    }

    public Instant arrival() {
        return arrival;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ArchiveMetadata)) {
            return false;
        }
        ArchiveMetadata other = (ArchiveMetadata) o;
        return Objects.equals(envelopeSender, other.envelopeSender) && envelopeRecipients.equals(other.envelopeRecipients)
            && direction == other.direction && Objects.equals(remoteIp, other.remoteIp)
            && Objects.equals(verdict, other.verdict) && Objects.equals(score, other.score)
            && hits.equals(other.hits) && arrival.equals(other.arrival);
    }

    @Override
    public int hashCode() {
        return Objects.hash(envelopeSender, envelopeRecipients, direction, remoteIp, verdict, score, hits, arrival);
    }

    @Override
    public String toString() {
        return "ArchiveMetadata{" + direction.indexValue() + ", from " + (envelopeSender == null ? "<>" : envelopeSender)
            + " to " + envelopeRecipients.size() + " recipient(s), verdict " + verdict + ", score " + score
            + ", arrival " + arrival + "}";
    }

    /** Collects and validates metadata; invalid values are rejected with a message naming them. */
    public static final class Builder {
        private final Instant arrival;
        private String envelopeSender;
        private final List<String> envelopeRecipients = new ArrayList<>();
        private Direction direction = Direction.INBOUND;
        private String remoteIp;
        private String verdict;
        private Double score;
        private final List<String> hits = new ArrayList<>();

        private Builder(Instant arrival) {
            this.arrival = Objects.requireNonNull(arrival, "arrival");
        }

        /** The MAIL FROM address; null or empty for the null sender. */
        public Builder envelopeSender(String sender) {
            this.envelopeSender = sender == null || sender.isBlank() ? null : address("envelope sender", sender);
            return this;
        }

        public Builder envelopeRecipients(Collection<String> recipients) {
            for (String recipient : recipients) {
                if (envelopeRecipients.size() >= MAX_LIST_SIZE) {
                    break;
                }
                envelopeRecipients.add(address("envelope recipient", recipient));
            }
            return this;
        }

        public Builder direction(Direction direction) {
            this.direction = Objects.requireNonNull(direction, "direction");
            return this;
        }

        public Builder remoteIp(String remoteIp) {
            if (remoteIp != null && remoteIp.length() > 64) {
                throw new IllegalArgumentException("remote IP is too long to be an IP address: " + remoteIp.length() + " chars");
            }
            this.remoteIp = remoteIp == null || remoteIp.isBlank() ? null : remoteIp.trim();
            return this;
        }

        /** A word such as {@code ham}, {@code spam} or {@code quarantined}: letters, digits, {@code _.-}, at most 32. */
        public Builder verdict(String verdict) {
            if (verdict != null && !VERDICT.matcher(verdict).matches()) {
                throw new IllegalArgumentException("verdict must be a word of letters, digits, '_', '.' or '-',"
                    + " at most 32 characters, e.g. spam; got '" + verdict + "'");
            }
            this.verdict = verdict == null ? null : verdict.toLowerCase(Locale.ROOT);
            return this;
        }

        public Builder score(double score) {
            if (Double.isNaN(score) || Double.isInfinite(score)) {
                throw new IllegalArgumentException("score must be a finite number; got " + score);
            }
            this.score = score;
            return this;
        }

        public Builder hits(Collection<String> ruleNames) {
            for (String name : ruleNames) {
                if (hits.size() >= MAX_LIST_SIZE) {
                    break;
                }
                if (name != null && !name.isBlank() && name.length() <= 128) {
                    hits.add(name.trim());
                }
            }
            return this;
        }

        public ArchiveMetadata build() {
            return new ArchiveMetadata(this);
        }

        private static String address(String what, String value) {
            Objects.requireNonNull(value, what);
            String trimmed = value.trim();
            if (trimmed.length() > MAX_ADDRESS_LENGTH || trimmed.isEmpty()) {
                throw new IllegalArgumentException(what + " must be an address of 1 to " + MAX_ADDRESS_LENGTH
                    + " characters, e.g. alice@example.com; got " + trimmed.length() + " characters");
            }
            return trimmed;
        }
    }
}
