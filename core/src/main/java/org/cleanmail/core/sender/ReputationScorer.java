package org.cleanmail.core.sender;

import java.util.Locale;
import java.util.Optional;

import org.cleanmail.core.scan.RuleHit;

/**
 * Turns a client's decayed {@link ReputationRecord} into a score contribution:
 * <pre>
 * bad      = spam + refusedRecipients / 10 + 5 * flags
 * good     = ham
 * evidence = bad + good                        no hit below reputationMinimumEvidence
 * share    = (bad + 1) / (evidence + 2)        bad share, smoothed (Laplace)
 * bias     = 2 * share - 1                     from -1 (all good) to 1 (all bad)
 * bias &gt;=  0.2: SENDER_BAD_REPUTATION  =  badReputationPoints  * bias
 * bias &lt;= -0.2: SENDER_GOOD_REPUTATION = -goodReputationPoints * -bias
 * </pre>
 * Points are rounded to hundredths. With the defaults, 10 spam and no ham give +2.50,
 * 10 ham and no spam give -0.83, and one message of either kind gives nothing. Accepted
 * messages that were not scored count for nothing.
 */
public final class ReputationScorer {
    public static final String BAD_REPUTATION = "SENDER_BAD_REPUTATION";
    public static final String GOOD_REPUTATION = "SENDER_GOOD_REPUTATION";
    static final double REFUSED_RECIPIENTS_PER_BAD = 10.0;
    static final double BAD_PER_FLAG = 5.0;
    static final double NEUTRAL_BIAS = 0.2;

    private final double minimumEvidence;
    private final double badPoints;
    private final double goodPoints;

    public ReputationScorer(double minimumEvidence, double badPoints, double goodPoints) {
        this.minimumEvidence = minimumEvidence;
        this.badPoints = badPoints;
        this.goodPoints = goodPoints;
    }

    public static ReputationScorer from(SenderBehaviourConfig config) {
        return new ReputationScorer(config.reputationMinimumEvidence(), config.badReputationPoints(),
            config.goodReputationPoints());
    }

    /** The hit for this record, already decayed to the present; empty when evidence is thin or mixed. */
    public Optional<RuleHit> score(ReputationRecord record) {
        double bad = record.spam() + record.refusedRecipients() / REFUSED_RECIPIENTS_PER_BAD + BAD_PER_FLAG * record.flags();
        double good = record.ham();
        double evidence = bad + good;
        if (evidence < minimumEvidence) {
            return Optional.empty();
        }
        double bias = 2 * (bad + 1) / (evidence + 2) - 1;
        String detail = String.format(Locale.ROOT, "spam %.1f, ham %.1f, refused recipients %.1f, flags %.1f",
            record.spam(), record.ham(), record.refusedRecipients(), record.flags());
        if (bias >= NEUTRAL_BIAS) {
            return Optional.of(new RuleHit(BAD_REPUTATION, round(badPoints * bias),
                "Client IP has a bad reputation (" + detail + ")"));
        }
        if (bias <= -NEUTRAL_BIAS) {
            return Optional.of(new RuleHit(GOOD_REPUTATION, -round(goodPoints * -bias),
                "Client IP has a good reputation (" + detail + ")"));
        }
        return Optional.empty();
    }

    private static double round(double points) {
        return Math.round(points * 100) / 100.0;
    }
}
