package org.cleanmail.core.fingerprint.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.cleanmail.core.fingerprint.FingerprintId;
import org.cleanmail.core.fingerprint.FingerprintKind;
import org.cleanmail.core.fingerprint.FingerprintSource;
import org.cleanmail.core.fingerprint.MinHashSignature;

/**
 * One stored fingerprint and what is known of it. Times are kept to the millisecond.
 * A vetoed entry has no hits and never expires ({@link Instant#MAX}).
 */
public final class FingerprintEntry {
    private final FingerprintKind kind;
    private final FingerprintId id;
    private final Optional<MinHashSignature> signature;
    private final FingerprintSource source;
    private final Instant firstSeen;
    private final Instant lastSeen;
    private final long hitCount;
    private final double weight;
    private final Instant expiresAt;
    private final boolean vetoed;

    private FingerprintEntry(Builder builder) {
        this.kind = Objects.requireNonNull(builder.kind, "kind");
        this.id = Objects.requireNonNull(builder.id, "id");
        this.signature = Objects.requireNonNull(builder.signature, "signature");
        this.source = Objects.requireNonNull(builder.source, "source");
        this.firstSeen = Objects.requireNonNull(builder.firstSeen, "firstSeen");
        this.lastSeen = Objects.requireNonNull(builder.lastSeen, "lastSeen");
        this.hitCount = builder.hitCount;
        this.weight = builder.weight;
        this.expiresAt = Objects.requireNonNull(builder.expiresAt, "expiresAt");
        this.vetoed = builder.vetoed;
        if (kind == FingerprintKind.TEXT_FUZZY && signature.isEmpty()) {
            throw new IllegalArgumentException("a TEXT_FUZZY entry needs its signature");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public FingerprintKind kind() {
        return kind;
    }

    public FingerprintId id() {
        return id;
    }

    /** Present for TEXT_FUZZY entries. */
    public Optional<MinHashSignature> signature() {
        return signature;
    }

    public FingerprintSource source() {
        return source;
    }

    public Instant firstSeen() {
        return firstSeen;
    }

    public Instant lastSeen() {
        return lastSeen;
    }

    /** How many times it was learnt. */
    public long hitCount() {
        return hitCount;
    }

    public double weight() {
        return weight;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public boolean vetoed() {
        return vetoed;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FingerprintEntry)) {
            return false;
        }
        FingerprintEntry other = (FingerprintEntry) o;
        return kind == other.kind && id.equals(other.id) && signature.equals(other.signature)
            && source == other.source && firstSeen.equals(other.firstSeen) && lastSeen.equals(other.lastSeen)
            && hitCount == other.hitCount && Double.compare(weight, other.weight) == 0
            && expiresAt.equals(other.expiresAt) && vetoed == other.vetoed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, id, source, firstSeen, lastSeen, hitCount, weight, expiresAt, vetoed);
    }

    @Override
    public String toString() {
        return "FingerprintEntry{" + kind + ":" + id + ", source=" + source + ", hits=" + hitCount
            + ", weight=" + weight + ", firstSeen=" + firstSeen + ", lastSeen=" + lastSeen
            + ", expiresAt=" + expiresAt + (vetoed ? ", vetoed" : "") + "}";
    }

    /** Builds an entry; every field but the signature (for non-fuzzy kinds) is required. */
    public static final class Builder {
        private FingerprintKind kind;
        private FingerprintId id;
        private Optional<MinHashSignature> signature = Optional.empty();
        private FingerprintSource source;
        private Instant firstSeen;
        private Instant lastSeen;
        private long hitCount;
        private double weight;
        private Instant expiresAt;
        private boolean vetoed;

        private Builder() {
        }

        public Builder kind(FingerprintKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder id(FingerprintId id) {
            this.id = id;
            return this;
        }

        public Builder signature(Optional<MinHashSignature> signature) {
            this.signature = signature;
            return this;
        }

        public Builder source(FingerprintSource source) {
            this.source = source;
            return this;
        }

        public Builder firstSeen(Instant firstSeen) {
            this.firstSeen = firstSeen;
            return this;
        }

        public Builder lastSeen(Instant lastSeen) {
            this.lastSeen = lastSeen;
            return this;
        }

        public Builder hitCount(long hitCount) {
            this.hitCount = hitCount;
            return this;
        }

        public Builder weight(double weight) {
            this.weight = weight;
            return this;
        }

        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        public Builder vetoed(boolean vetoed) {
            this.vetoed = vetoed;
            return this;
        }

        public FingerprintEntry build() {
            return new FingerprintEntry(this);
        }
    }
}
