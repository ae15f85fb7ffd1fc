package org.cleanmail.core.pipeline;

/**
 * How CleanMail uses its Bayes filter: whether at all; how many spam and ham messages it
 * must have learnt before it answers (SpamAssassin's {@code bayes_min_spam_num} and
 * {@code bayes_min_ham_num}, 200 each); how many distinct tokens the database keeps; and
 * below which score (not counting the {@code BAYES_*} rules themselves) clean mail is
 * learnt as ham automatically (SpamAssassin's {@code bayes_auto_learn_threshold_nonspam}).
 * Once the filter answers, rules score with SpamAssassin's score set 2 (Bayes, no network
 * tests), as SpamAssassin does; before, with set 0.
 */
public final class BayesOptions {
    public static final int DEFAULT_MINIMUM_SPAM = 200;
    public static final int DEFAULT_MINIMUM_HAM = 200;
    public static final int DEFAULT_MAXIMUM_TOKENS = 1_000_000;
    public static final double DEFAULT_HAM_LEARN_THRESHOLD = 0.1;
    /** SpamAssassin's score set without Bayes and network tests, and with Bayes. */
    public static final int SCORE_SET_WITHOUT_BAYES = 0;
    public static final int SCORE_SET_WITH_BAYES = 2;

    private final boolean enabled;
    private final int minimumSpam;
    private final int minimumHam;
    private final int maximumTokens;
    private final double hamLearnThreshold;

    public BayesOptions(boolean enabled, int minimumSpam, int minimumHam, int maximumTokens, double hamLearnThreshold) {
        if (minimumSpam < 1 || minimumHam < 1) {
            throw new IllegalArgumentException("the minimum spam and ham learnt must be at least 1, e.g. 200; got "
                + minimumSpam + " and " + minimumHam);
        }
        if (maximumTokens < 1000) {
            throw new IllegalArgumentException("the maximum of tokens must be at least 1000, e.g. "
                + DEFAULT_MAXIMUM_TOKENS + "; got " + maximumTokens);
        }
        this.enabled = enabled;
        this.minimumSpam = minimumSpam;
        this.minimumHam = minimumHam;
        this.maximumTokens = maximumTokens;
        this.hamLearnThreshold = hamLearnThreshold;
    }

    public static BayesOptions defaults() {
        return new BayesOptions(true, DEFAULT_MINIMUM_SPAM, DEFAULT_MINIMUM_HAM, DEFAULT_MAXIMUM_TOKENS,
            DEFAULT_HAM_LEARN_THRESHOLD);
    }

    public static BayesOptions disabled() {
        return new BayesOptions(false, DEFAULT_MINIMUM_SPAM, DEFAULT_MINIMUM_HAM, DEFAULT_MAXIMUM_TOKENS,
            DEFAULT_HAM_LEARN_THRESHOLD);
    }

    public boolean enabled() {
        return enabled;
    }

    public int minimumSpam() {
        return minimumSpam;
    }

    public int minimumHam() {
        return minimumHam;
    }

    public int maximumTokens() {
        return maximumTokens;
    }

    public double hamLearnThreshold() {
        return hamLearnThreshold;
    }
}
