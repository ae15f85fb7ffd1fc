package org.cleanmail.core.fingerprint.store.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the {@link EmbeddedFingerprintStore}:
 * <ul>
 * <li>{@code folder}: where the snapshot and the journal live; none keeps the store in memory only;</li>
 * <li>{@code ttl}: an entry expires this long after it was last learnt (default 30 days);</li>
 * <li>{@code syncEachWrite}: force each journal record to disk before the call returns
 *     (default true; false trades the last seconds of changes on power loss for speed);</li>
 * <li>{@code compactAfterJournalBytes}: a snapshot replaces the journal once it grows past
 *     this size (default 64 MiB);</li>
 * <li>{@code signatureLength} and {@code lshBands}: MinHash values per fuzzy signature
 *     (default 32) and the bands they are cut into for lookup (default 16, i.e. 2 values per band);</li>
 * <li>{@code maxFuzzyCandidates}: at most this many band-index candidates are compared per
 *     fuzzy lookup, which bounds its time (default 1000).</li>
 * </ul>
 */
public final class EmbeddedStoreSettings {
    public static final Duration DEFAULT_TTL = Duration.ofDays(30);
    public static final long DEFAULT_COMPACT_AFTER_JOURNAL_BYTES = 64L * 1024 * 1024;
    public static final int DEFAULT_SIGNATURE_LENGTH = 32;
    public static final int DEFAULT_LSH_BANDS = 16;
    public static final int DEFAULT_MAX_FUZZY_CANDIDATES = 1000;

    private final Optional<Path> folder;
    private final Duration ttl;
    private final boolean syncEachWrite;
    private final long compactAfterJournalBytes;
    private final int signatureLength;
    private final int lshBands;
    private final int maxFuzzyCandidates;

    private EmbeddedStoreSettings(Builder builder) {
        this.folder = builder.folder;
        this.ttl = builder.ttl;
        this.syncEachWrite = builder.syncEachWrite;
        this.compactAfterJournalBytes = builder.compactAfterJournalBytes;
        this.signatureLength = builder.signatureLength;
        this.lshBands = builder.lshBands;
        this.maxFuzzyCandidates = builder.maxFuzzyCandidates;
    }

    public static Builder inFolder(Path folder) {
        return new Builder(Optional.of(Objects.requireNonNull(folder, "folder")));
    }

    public static Builder inMemory() {
        return new Builder(Optional.empty());
    }

    public Optional<Path> folder() {
        return folder;
    }

    public Duration ttl() {
        return ttl;
    }

    public boolean syncEachWrite() {
        return syncEachWrite;
    }

    public long compactAfterJournalBytes() {
        return compactAfterJournalBytes;
    }

    public int signatureLength() {
        return signatureLength;
    }

    public int lshBands() {
        return lshBands;
    }

    public int maxFuzzyCandidates() {
        return maxFuzzyCandidates;
    }

    /** Builds validated settings; unset values take the defaults. */
    public static final class Builder {
        private final Optional<Path> folder;
        private Duration ttl = DEFAULT_TTL;
        private boolean syncEachWrite = true;
        private long compactAfterJournalBytes = DEFAULT_COMPACT_AFTER_JOURNAL_BYTES;
        private int signatureLength = DEFAULT_SIGNATURE_LENGTH;
        private int lshBands = DEFAULT_LSH_BANDS;
        private int maxFuzzyCandidates = DEFAULT_MAX_FUZZY_CANDIDATES;

        private Builder(Optional<Path> folder) {
            this.folder = folder;
        }

        public Builder ttl(Duration ttl) {
            this.ttl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        public Builder syncEachWrite(boolean syncEachWrite) {
            this.syncEachWrite = syncEachWrite;
            return this;
        }

        public Builder compactAfterJournalBytes(long compactAfterJournalBytes) {
            this.compactAfterJournalBytes = compactAfterJournalBytes;
            return this;
        }

        public Builder signatureLength(int signatureLength) {
            this.signatureLength = signatureLength;
            return this;
        }

        public Builder lshBands(int lshBands) {
            this.lshBands = lshBands;
            return this;
        }

        public Builder maxFuzzyCandidates(int maxFuzzyCandidates) {
            this.maxFuzzyCandidates = maxFuzzyCandidates;
            return this;
        }

        public EmbeddedStoreSettings build() {
            check(!ttl.isNegative() && !ttl.isZero(), "ttl must be positive, e.g. PT720H; got " + ttl);
            check(compactAfterJournalBytes > 0, "compactAfterJournalBytes must be positive, got "
                + compactAfterJournalBytes);
            check(signatureLength >= 1 && signatureLength <= EntryCodec.MAX_SIGNATURE_LENGTH,
                "signatureLength must be between 1 and " + EntryCodec.MAX_SIGNATURE_LENGTH + ", got " + signatureLength);
            check(lshBands >= 1 && signatureLength % lshBands == 0, "lshBands must divide signatureLength ("
                + signatureLength + "), e.g. 16; got " + lshBands);
            check(maxFuzzyCandidates >= 1, "maxFuzzyCandidates must be positive, got " + maxFuzzyCandidates);
            return new EmbeddedStoreSettings(this);
        }

        private static void check(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
