package org.cleanmail.core.fingerprint;

/**
 * How fingerprints are computed. Defaults follow rspamd's fuzzy storage (32 MinHash
 * functions, a fuzzy match when more than half of the values agree) except for the
 * shingles: 2 words rather than 3. On the public corpus, copies of spam with 5% of the
 * words replaced, paragraphs reordered, a tracking link and a greeting all at once still
 * matched their original 95% of the time with 2-word shingles against 69% with 3-word
 * ones, and no ham message matched any spam with either (see {@code package-info}). Texts
 * with fewer than {@code minFuzzyWords} content words (placeholders for numbers, URLs and
 * the like do not count) or {@code minFuzzyChars} normalised characters get the exact
 * fingerprint only: short texts share too many shingles by chance. Texts with fewer than
 * {@code minExactWords} content words get no text fingerprint at all ("thanks!", a lone
 * link): such texts are common to spam and ham alike.
 */
public final class FingerprintSettings {
    public static final int DEFAULT_SHINGLE_SIZE = 2;
    public static final int DEFAULT_HASH_COUNT = 32;
    public static final long DEFAULT_SEED = 0x436c65616e4d61L;
    public static final int DEFAULT_MIN_FUZZY_WORDS = 10;
    public static final int DEFAULT_MIN_FUZZY_CHARS = 64;
    public static final int DEFAULT_MIN_EXACT_WORDS = 3;
    public static final int DEFAULT_MIN_URL_SET_HOSTS = 2;
    /** Strictly more than half of 32 values: 17. */
    public static final int DEFAULT_MIN_AGREEING_VALUES = 17;

    private final int shingleSize;
    private final int hashCount;
    private final long seed;
    private final int minFuzzyWords;
    private final int minFuzzyChars;
    private final int minExactWords;
    private final int minUrlSetHosts;
    private final int minAgreeingValues;
    private final int maxBodyChars;

    private FingerprintSettings(Builder builder) {
        this.shingleSize = builder.shingleSize;
        this.hashCount = builder.hashCount;
        this.seed = builder.seed;
        this.minFuzzyWords = builder.minFuzzyWords;
        this.minFuzzyChars = builder.minFuzzyChars;
        this.minExactWords = builder.minExactWords;
        this.minUrlSetHosts = builder.minUrlSetHosts;
        this.minAgreeingValues = builder.minAgreeingValues;
        this.maxBodyChars = builder.maxBodyChars;
    }

    public static FingerprintSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int shingleSize() {
        return shingleSize;
    }

    public int hashCount() {
        return hashCount;
    }

    public long seed() {
        return seed;
    }

    public int minFuzzyWords() {
        return minFuzzyWords;
    }

    public int minFuzzyChars() {
        return minFuzzyChars;
    }

    public int minExactWords() {
        return minExactWords;
    }

    /** A URL set fingerprint needs at least this many distinct hosts. */
    public int minUrlSetHosts() {
        return minUrlSetHosts;
    }

    /** A fuzzy match needs at least this many of the {@link #hashCount()} values to agree. */
    public int minAgreeingValues() {
        return minAgreeingValues;
    }

    /** {@link #minAgreeingValues()} as a fraction of {@link #hashCount()}. */
    public double minSimilarity() {
        return (double) minAgreeingValues / hashCount;
    }

    /** Body text beyond this many characters is not read. */
    public int maxBodyChars() {
        return maxBodyChars;
    }

    /** Builds validated settings; unset values take the defaults. */
    public static final class Builder {
        private int shingleSize = DEFAULT_SHINGLE_SIZE;
        private int hashCount = DEFAULT_HASH_COUNT;
        private long seed = DEFAULT_SEED;
        private int minFuzzyWords = DEFAULT_MIN_FUZZY_WORDS;
        private int minFuzzyChars = DEFAULT_MIN_FUZZY_CHARS;
        private int minExactWords = DEFAULT_MIN_EXACT_WORDS;
        private int minUrlSetHosts = DEFAULT_MIN_URL_SET_HOSTS;
        private int minAgreeingValues = DEFAULT_MIN_AGREEING_VALUES;
        private int maxBodyChars = TextNormalizer.DEFAULT_MAX_CHARS;

        private Builder() {
        }

        public Builder shingleSize(int shingleSize) {
            this.shingleSize = shingleSize;
            return this;
        }

        public Builder hashCount(int hashCount) {
            this.hashCount = hashCount;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder minFuzzyWords(int minFuzzyWords) {
            this.minFuzzyWords = minFuzzyWords;
            return this;
        }

        public Builder minFuzzyChars(int minFuzzyChars) {
            this.minFuzzyChars = minFuzzyChars;
            return this;
        }

        public Builder minExactWords(int minExactWords) {
            this.minExactWords = minExactWords;
            return this;
        }

        public Builder minUrlSetHosts(int minUrlSetHosts) {
            this.minUrlSetHosts = minUrlSetHosts;
            return this;
        }

        public Builder minAgreeingValues(int minAgreeingValues) {
            this.minAgreeingValues = minAgreeingValues;
            return this;
        }

        public Builder maxBodyChars(int maxBodyChars) {
            this.maxBodyChars = maxBodyChars;
            return this;
        }

        public FingerprintSettings build() {
            check(shingleSize >= 1, "shingleSize must be at least 1, got " + shingleSize);
            check(hashCount >= 1 && hashCount <= 1024, "hashCount must be between 1 and 1024, got " + hashCount);
            check(minFuzzyWords >= shingleSize, "minFuzzyWords must be at least shingleSize (" + shingleSize
                + "), got " + minFuzzyWords);
            check(minExactWords >= 1, "minExactWords must be at least 1, got " + minExactWords);
            check(minUrlSetHosts >= 1, "minUrlSetHosts must be at least 1, got " + minUrlSetHosts);
            check(minFuzzyChars >= 0, "minFuzzyChars must not be negative, got " + minFuzzyChars);
            check(minAgreeingValues >= 1 && minAgreeingValues <= hashCount,
                "minAgreeingValues must be between 1 and hashCount (" + hashCount + "), got " + minAgreeingValues);
            check(maxBodyChars > 0, "maxBodyChars must be positive, got " + maxBodyChars);
            return new FingerprintSettings(this);
        }

        private static void check(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
