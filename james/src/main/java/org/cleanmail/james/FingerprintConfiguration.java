package org.cleanmail.james;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.cleanmail.core.pipeline.FingerprintOptions;
import org.cleanmail.core.pipeline.FingerprintScores;

/**
 * The {@code fingerprints.} keys of {@code cleanmail.properties}:
 * <pre>
 * fingerprints.enabled=true
 * # points added by a match of each kind (0 turns that kind off)
 * fingerprints.score.exact=8.0
 * fingerprints.score.fuzzy=6.0
 * fingerprints.score.attachment=4.0
 * fingerprints.score.urls=2.0
 * # spam scored at least this is learnt automatically (keep it well above scoring.threshold)
 * fingerprints.learn.threshold=12.0
 * # an entry not hit again for this many days expires
 * fingerprints.ttl-days=30
 * </pre>
 */
public final class FingerprintConfiguration {
    public static final String PREFIX = "fingerprints.";
    public static final String ENABLED = "enabled";
    public static final String SCORE_EXACT = "score.exact";
    public static final String SCORE_FUZZY = "score.fuzzy";
    public static final String SCORE_ATTACHMENT = "score.attachment";
    public static final String SCORE_URLS = "score.urls";
    public static final String LEARN_THRESHOLD = "learn.threshold";
    public static final String TTL_DAYS = "ttl-days";
    public static final List<String> KEYS = List.of(ENABLED, SCORE_EXACT, SCORE_FUZZY, SCORE_ATTACHMENT, SCORE_URLS,
        LEARN_THRESHOLD, TTL_DAYS);

    private FingerprintConfiguration() {
    }

    public static FingerprintOptions from(CleanMailConfiguration configuration) {
        Map<String, String> section = configuration.section(PREFIX);
        CleanMailConfiguration.rejectUnknownKeys(PREFIX, section, KEYS);
        SettingParser parser = new SettingParser(CleanMailConfiguration.FILE);
        boolean enabled = bool(parser, section, ENABLED, true);
        FingerprintScores scores = new FingerprintScores(
            number(parser, section, SCORE_EXACT, FingerprintScores.DEFAULT_EXACT),
            number(parser, section, SCORE_FUZZY, FingerprintScores.DEFAULT_FUZZY),
            number(parser, section, SCORE_ATTACHMENT, FingerprintScores.DEFAULT_ATTACHMENT),
            number(parser, section, SCORE_URLS, FingerprintScores.DEFAULT_URLS));
        double learnThreshold = number(parser, section, LEARN_THRESHOLD, FingerprintOptions.DEFAULT_LEARN_THRESHOLD);
        if (learnThreshold <= configuration.threshold()) {
            throw parser.fail(PREFIX + LEARN_THRESHOLD, "must be above scoring.threshold (" + configuration.threshold()
                + "), so that mail scored near the threshold is never learnt", PREFIX + LEARN_THRESHOLD + "=12.0",
                section.get(LEARN_THRESHOLD));
        }
        double ttlDays = number(parser, section, TTL_DAYS, FingerprintOptions.DEFAULT_TTL.toDays());
        if (ttlDays < 1 || ttlDays > 3650) {
            throw parser.fail(PREFIX + TTL_DAYS, "must be between 1 and 3650", PREFIX + TTL_DAYS + "=30",
                section.get(TTL_DAYS));
        }
        return new FingerprintOptions(enabled, scores, Duration.ofMinutes(Math.round(ttlDays * 24 * 60)), learnThreshold);
    }

    private static double number(SettingParser parser, Map<String, String> section, String key, double fallback) {
        String value = section.get(key);
        return value == null ? fallback : parser.parseDouble(PREFIX + key, value, PREFIX + key + "=" + fallback);
    }

    private static boolean bool(SettingParser parser, Map<String, String> section, String key, boolean fallback) {
        String value = section.get(key);
        return value == null ? fallback : parser.parseBoolean(PREFIX + key, value, PREFIX + key + "=" + fallback);
    }
}
