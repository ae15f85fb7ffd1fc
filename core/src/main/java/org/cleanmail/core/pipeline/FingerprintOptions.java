package org.cleanmail.core.pipeline;

import java.time.Duration;
import java.util.Objects;

/**
 * How CleanMail uses its fingerprint database: whether at all, the points a match adds,
 * how long an entry lives without being hit again, and from which score spam is learnt
 * automatically (well above the spam threshold, so that mail scored near it never
 * poisons the database).
 */
public final class FingerprintOptions {
    public static final double DEFAULT_LEARN_THRESHOLD = 12.0;
    public static final Duration DEFAULT_TTL = Duration.ofDays(30);

    private final boolean enabled;
    private final FingerprintScores scores;
    private final Duration ttl;
    private final double learnThreshold;

    public FingerprintOptions(boolean enabled, FingerprintScores scores, Duration ttl, double learnThreshold) {
        this.enabled = enabled;
        this.scores = Objects.requireNonNull(scores, "scores");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.learnThreshold = learnThreshold;
    }

    public static FingerprintOptions defaults() {
        return new FingerprintOptions(true, FingerprintScores.defaults(), DEFAULT_TTL, DEFAULT_LEARN_THRESHOLD);
    }

    public static FingerprintOptions disabled() {
        return new FingerprintOptions(false, FingerprintScores.defaults(), DEFAULT_TTL, DEFAULT_LEARN_THRESHOLD);
    }

    public boolean enabled() {
        return enabled;
    }

    public FingerprintScores scores() {
        return scores;
    }

    public Duration ttl() {
        return ttl;
    }

    public double learnThreshold() {
        return learnThreshold;
    }
}
