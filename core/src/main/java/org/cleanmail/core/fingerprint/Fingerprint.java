package org.cleanmail.core.fingerprint;

import java.util.Objects;
import java.util.Optional;

/**
 * One fingerprint of a message: its kind and id, and for {@link FingerprintKind#TEXT_FUZZY}
 * the MinHash signature that fuzzy lookups compare (the id is then the signature's hash).
 */
public final class Fingerprint {
    private final FingerprintKind kind;
    private final FingerprintId id;
    private final Optional<MinHashSignature> signature;

    private Fingerprint(FingerprintKind kind, FingerprintId id, Optional<MinHashSignature> signature) {
        this.kind = kind;
        this.id = id;
        this.signature = signature;
    }

    /** An exact fingerprint: any kind but {@link FingerprintKind#TEXT_FUZZY}. */
    public static Fingerprint exact(FingerprintKind kind, FingerprintId id) {
        Objects.requireNonNull(kind, "fingerprint kind");
        if (kind == FingerprintKind.TEXT_FUZZY) {
            throw new IllegalArgumentException("a TEXT_FUZZY fingerprint needs its signature: use Fingerprint.fuzzy");
        }
        return new Fingerprint(kind, Objects.requireNonNull(id, "fingerprint id"), Optional.empty());
    }

    public static Fingerprint fuzzy(MinHashSignature signature) {
        Objects.requireNonNull(signature, "MinHash signature");
        return new Fingerprint(FingerprintKind.TEXT_FUZZY, signature.id(), Optional.of(signature));
    }

    public FingerprintKind kind() {
        return kind;
    }

    public FingerprintId id() {
        return id;
    }

    /** Present exactly for {@link FingerprintKind#TEXT_FUZZY}. */
    public Optional<MinHashSignature> signature() {
        return signature;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Fingerprint)) {
            return false;
        }
        Fingerprint other = (Fingerprint) o;
        return kind == other.kind && id.equals(other.id) && signature.equals(other.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, id);
    }

    @Override
    public String toString() {
        return kind + ":" + id;
    }
}
