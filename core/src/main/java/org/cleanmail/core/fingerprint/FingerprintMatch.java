package org.cleanmail.core.fingerprint;

import java.util.Objects;

import org.cleanmail.core.fingerprint.store.FingerprintEntry;

/** A fingerprint of a message found in the store: 1.0 similarity for exact kinds. */
public final class FingerprintMatch {
    private final FingerprintEntry entry;
    private final double similarity;

    public FingerprintMatch(FingerprintEntry entry, double similarity) {
        this.entry = Objects.requireNonNull(entry, "entry");
        this.similarity = similarity;
    }

    public FingerprintKind kind() {
        return entry.kind();
    }

    public FingerprintId id() {
        return entry.id();
    }

    /** 1.0 for exact kinds; for TEXT_FUZZY, the fraction of MinHash values that agree. */
    public double similarity() {
        return similarity;
    }

    public FingerprintEntry entry() {
        return entry;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FingerprintMatch)) {
            return false;
        }
        FingerprintMatch other = (FingerprintMatch) o;
        return entry.equals(other.entry) && Double.compare(similarity, other.similarity) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(entry, similarity);
    }

    @Override
    public String toString() {
        return kind() + ":" + id() + " similarity=" + similarity + " hits=" + entry.hitCount();
    }
}
