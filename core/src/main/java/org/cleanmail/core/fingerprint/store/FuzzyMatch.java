package org.cleanmail.core.fingerprint.store;

import java.util.Objects;

/** A stored TEXT_FUZZY entry that resembles a looked-up signature, and how much (0 to 1). */
public final class FuzzyMatch {
    private final FingerprintEntry entry;
    private final double similarity;

    public FuzzyMatch(FingerprintEntry entry, double similarity) {
        this.entry = Objects.requireNonNull(entry, "entry");
        this.similarity = similarity;
    }

    public FingerprintEntry entry() {
        return entry;
    }

    /** The fraction of signature values that agree. */
    public double similarity() {
        return similarity;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FuzzyMatch)) {
            return false;
        }
        FuzzyMatch other = (FuzzyMatch) o;
        return entry.equals(other.entry) && Double.compare(similarity, other.similarity) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(entry, similarity);
    }

    @Override
    public String toString() {
        return "FuzzyMatch{" + entry.id() + ", similarity=" + similarity + "}";
    }
}
