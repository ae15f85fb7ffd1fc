package org.cleanmail.core.bayes;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * Token counts to a spam probability, as SpamAssassin's Bayes computes it: each token's
 * probability by Gary Robinson's formula (a token seen rarely is pulled towards
 * {@value #ROBINSON_X}), the {@value #SIGNIFICANT_TOKENS} tokens farthest from 0.5 (and at
 * least {@value #MINIMUM_STRENGTH} from it), combined with Fisher's inverse chi-square
 * method. Gives nothing until the database holds the configured minimum of spam and ham.
 *
 * <p>The constants: x = {@value #ROBINSON_X} as SpamAssassin; s = {@value #ROBINSON_S} and a
 * minimum strength of {@value #MINIMUM_STRENGTH} instead of SpamAssassin's 0.030 and 0.346,
 * which trust tokens seen a few times less and let more tokens vote. On the public corpus
 * (600 even-numbered spam and ham learnt, 300 odd-numbered of each asked, see
 * {@code BayesCorpusTest}) SpamAssassin's constants gave 258/300 spam at 0.95 or more and
 * 283/300 ham at 0.05 or less; these give 274 and 295 (words in capitals keeping their case), with no ham at 0.95 or more either
 * way. Stateless and thread-safe.
 */
public final class BayesClassifier {
    static final double ROBINSON_S = 0.1;
    static final double ROBINSON_X = 0.538;
    static final double MINIMUM_STRENGTH = 0.2;
    static final int SIGNIFICANT_TOKENS = 150;

    private final long minimumSpam;
    private final long minimumHam;

    public BayesClassifier(long minimumSpam, long minimumHam) {
        this.minimumSpam = minimumSpam;
        this.minimumHam = minimumHam;
    }

    /** Whether the database has learnt enough of both classes to give verdicts. */
    public boolean ready(long spamMessages, long hamMessages) {
        return spamMessages >= minimumSpam && hamMessages >= minimumHam && spamMessages > 0 && hamMessages > 0;
    }

    /** The probability that the message whose tokens were looked up is spam; empty when unknown. */
    public OptionalDouble probability(TokenDatabase.Lookup lookup) {
        if (!ready(lookup.spamMessages(), lookup.hamMessages())) {
            return OptionalDouble.empty();
        }
        double[] probabilities = new double[lookup.size()];
        int significant = 0;
        for (int i = 0; i < lookup.size(); i++) {
            int spam = lookup.spam(i);
            int ham = lookup.ham(i);
            if (spam + ham == 0) {
                continue;
            }
            double probability = tokenProbability(spam, ham, lookup.spamMessages(), lookup.hamMessages());
            if (Math.abs(probability - 0.5) >= MINIMUM_STRENGTH) {
                probabilities[significant++] = probability;
            }
        }
        if (significant == 0) {
            return OptionalDouble.of(0.5);
        }
        double[] chosen = strongest(Arrays.copyOf(probabilities, significant));
        return OptionalDouble.of(combine(chosen));
    }

    static double tokenProbability(int spam, int ham, long spamMessages, long hamMessages) {
        double spamRatio = (double) spam / spamMessages;
        double hamRatio = (double) ham / hamMessages;
        double raw = spamRatio / (spamRatio + hamRatio);
        int seen = spam + ham;
        return (ROBINSON_S * ROBINSON_X + seen * raw) / (ROBINSON_S + seen);
    }

    private static double[] strongest(double[] probabilities) {
        if (probabilities.length <= SIGNIFICANT_TOKENS) {
            return probabilities;
        }
        return Arrays.stream(probabilities)
            .boxed()
            .sorted((a, b) -> Double.compare(Math.abs(b - 0.5), Math.abs(a - 0.5)))
            .limit(SIGNIFICANT_TOKENS)
            .mapToDouble(Double::doubleValue)
            .toArray();
    }

    /** Fisher's method both ways, as SpamBayes and SpamAssassin: (1 + S - H) / 2. */
    static double combine(double[] probabilities) {
        double logSpam = 0;
        double logHam = 0;
        for (double probability : probabilities) {
            logSpam += Math.log(1.0 - probability);
            logHam += Math.log(probability);
        }
        int degrees = 2 * probabilities.length;
        double spamness = 1.0 - chiSquareSurvival(-2.0 * logSpam, degrees);
        double hamness = 1.0 - chiSquareSurvival(-2.0 * logHam, degrees);
        return (1.0 + spamness - hamness) / 2.0;
    }

    /** P(X &gt;= chi) for a chi-square variable with an even number of degrees of freedom. */
    static double chiSquareSurvival(double chi, int degrees) {
        double half = chi / 2.0;
        double term = Math.exp(-half);
        double sum = term;
        for (int i = 1; i < degrees / 2; i++) {
            term *= half / i;
            sum += term;
        }
        return Math.min(sum, 1.0);
    }
}
