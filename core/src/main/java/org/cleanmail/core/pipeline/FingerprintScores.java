package org.cleanmail.core.pipeline;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.cleanmail.core.fingerprint.FingerprintKind;

/**
 * The rule name and points a fingerprint match adds, by kind: {@code FINGERPRINT_EXACT},
 * {@code FINGERPRINT_FUZZY}, {@code FINGERPRINT_ATTACHMENT}, {@code FINGERPRINT_URLS}.
 * A kind scored 0 is not looked up.
 */
public final class FingerprintScores {
    public static final double DEFAULT_EXACT = 8.0;
    public static final double DEFAULT_FUZZY = 6.0;
    public static final double DEFAULT_ATTACHMENT = 4.0;
    public static final double DEFAULT_URLS = 2.0;

    private final Map<FingerprintKind, Double> scores;

    public FingerprintScores(double exact, double fuzzy, double attachment, double urls) {
        Map<FingerprintKind, Double> map = new EnumMap<>(FingerprintKind.class);
        map.put(FingerprintKind.TEXT_EXACT, exact);
        map.put(FingerprintKind.TEXT_FUZZY, fuzzy);
        map.put(FingerprintKind.ATTACHMENT, attachment);
        map.put(FingerprintKind.URL_SET, urls);
        this.scores = map;
    }

    public static FingerprintScores defaults() {
        return new FingerprintScores(DEFAULT_EXACT, DEFAULT_FUZZY, DEFAULT_ATTACHMENT, DEFAULT_URLS);
    }

    public double score(FingerprintKind kind) {
        return scores.get(kind);
    }

    public static String ruleName(FingerprintKind kind) {
        switch (kind) {
            case TEXT_EXACT:
                return "FINGERPRINT_EXACT";
            case TEXT_FUZZY:
                return "FINGERPRINT_FUZZY";
            case ATTACHMENT:
                return "FINGERPRINT_ATTACHMENT";
            default:
                return "FINGERPRINT_URLS";
        }
    }

    public Optional<Double> scoreOf(String ruleName) {
        for (FingerprintKind kind : FingerprintKind.values()) {
            if (ruleName(kind).equals(ruleName)) {
                return Optional.of(score(kind));
            }
        }
        return Optional.empty();
    }
}
