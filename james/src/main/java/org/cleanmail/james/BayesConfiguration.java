package org.cleanmail.james;

import java.util.List;
import java.util.Map;

import org.cleanmail.core.pipeline.BayesOptions;

/**
 * The {@code bayes.} keys of {@code cleanmail.properties}:
 * <pre>
 * bayes.enabled=true
 * # the filter answers (BAYES_* rules fire) once it has learnt this many spam and ham
 * bayes.min-spam=200
 * bayes.min-ham=200
 * # distinct tokens kept; past it, the tokens seen in a single message are dropped
 * bayes.max-tokens=1000000
 * # clean mail scored below this (BAYES_* points left out) is learnt as ham by LearnHam
 * bayes.learn.ham-threshold=0.1
 * </pre>
 * Spam is learnt where fingerprints are ({@code fingerprints.learn.threshold}).
 */
public final class BayesConfiguration {
    public static final String PREFIX = "bayes.";
    public static final String ENABLED = "enabled";
    public static final String MIN_SPAM = "min-spam";
    public static final String MIN_HAM = "min-ham";
    public static final String MAX_TOKENS = "max-tokens";
    public static final String HAM_THRESHOLD = "learn.ham-threshold";
    public static final List<String> KEYS = List.of(ENABLED, MIN_SPAM, MIN_HAM, MAX_TOKENS, HAM_THRESHOLD);

    private BayesConfiguration() {
    }

    public static BayesOptions from(CleanMailConfiguration configuration) {
        Map<String, String> section = configuration.section(PREFIX);
        CleanMailConfiguration.rejectUnknownKeys(PREFIX, section, KEYS);
        SettingParser parser = new SettingParser(CleanMailConfiguration.FILE);
        boolean enabled = !section.containsKey(ENABLED)
            || parser.parseBoolean(PREFIX + ENABLED, section.get(ENABLED), PREFIX + ENABLED + "=true");
        int minimumSpam = count(parser, section, MIN_SPAM, BayesOptions.DEFAULT_MINIMUM_SPAM, 1);
        int minimumHam = count(parser, section, MIN_HAM, BayesOptions.DEFAULT_MINIMUM_HAM, 1);
        int maximumTokens = count(parser, section, MAX_TOKENS, BayesOptions.DEFAULT_MAXIMUM_TOKENS, 1000);
        double hamThreshold = BayesOptions.DEFAULT_HAM_LEARN_THRESHOLD;
        if (section.containsKey(HAM_THRESHOLD)) {
            hamThreshold = parser.parseDouble(PREFIX + HAM_THRESHOLD, section.get(HAM_THRESHOLD),
                PREFIX + HAM_THRESHOLD + "=" + BayesOptions.DEFAULT_HAM_LEARN_THRESHOLD);
        }
        if (hamThreshold >= configuration.threshold()) {
            throw parser.fail(PREFIX + HAM_THRESHOLD, "must be below scoring.threshold (" + configuration.threshold()
                + "), so that mail scored near the threshold is never learnt as ham",
                PREFIX + HAM_THRESHOLD + "=" + BayesOptions.DEFAULT_HAM_LEARN_THRESHOLD, section.get(HAM_THRESHOLD));
        }
        return new BayesOptions(enabled, minimumSpam, minimumHam, maximumTokens, hamThreshold);
    }

    private static int count(SettingParser parser, Map<String, String> section, String key, int fallback, int minimum) {
        String value = section.get(key);
        if (value == null) {
            return fallback;
        }
        double number = parser.parseDouble(PREFIX + key, value, PREFIX + key + "=" + fallback);
        if (number < minimum || number > Integer.MAX_VALUE || number != Math.rint(number)) {
            throw parser.fail(PREFIX + key, "must be a whole number of at least " + minimum, PREFIX + key + "=" + fallback,
                value);
        }
        return (int) number;
    }
}
