package org.cleanmail.core.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

class BayesClassifierTest {
    private final BayesClassifier classifier = new BayesClassifier(2, 2);

    @Test
    void chiSquareSurvivalShouldMatchTheClosedFormForTwoDegrees() {
        // With 2 degrees of freedom, P(X >= x) = exp(-x/2).
        assertThat(BayesClassifier.chiSquareSurvival(3.0, 2)).isCloseTo(Math.exp(-1.5), within(1e-12));
        assertThat(BayesClassifier.chiSquareSurvival(0.0, 10)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void chiSquareSurvivalShouldMatchATabulatedValue() {
        // The 5% critical value of chi-square with 10 degrees of freedom is 18.307.
        assertThat(BayesClassifier.chiSquareSurvival(18.307, 10)).isCloseTo(0.05, within(1e-4));
    }

    @Test
    void rareTokensShouldBePulledTowardsTheNeutralValue() {
        double seenOnce = BayesClassifier.tokenProbability(1, 0, 100, 100);
        double seenOften = BayesClassifier.tokenProbability(50, 0, 100, 100);
        assertThat(seenOnce).isLessThan(seenOften).isGreaterThan(0.9);
        assertThat(seenOften).isCloseTo(1.0, within(0.001));
        assertThat(BayesClassifier.tokenProbability(10, 10, 100, 100)).isCloseTo(0.5, within(0.001));
    }

    @Test
    void tokensOfSpamOnlyShouldGiveAProbabilityNearOne() {
        assertThat(BayesClassifier.combine(new double[] {0.99, 0.98, 0.97, 0.99})).isGreaterThan(0.99);
        assertThat(BayesClassifier.combine(new double[] {0.01, 0.02, 0.03, 0.01})).isLessThan(0.01);
    }

    @Test
    void evidenceBothWaysShouldGiveAnUncertainProbability() {
        assertThat(BayesClassifier.combine(new double[] {0.99, 0.01, 0.98, 0.02})).isCloseTo(0.5, within(0.05));
    }

    @Test
    void tooLittleLearntShouldGiveNoProbability() {
        TokenDatabase.Lookup lookup = new TokenDatabase.Lookup(1, 5, new int[] {1}, new int[] {0});
        assertThat(classifier.probability(lookup)).isEmpty();
    }

    @Test
    void onlyNeutralTokensShouldGiveOneHalf() {
        TokenDatabase.Lookup lookup = new TokenDatabase.Lookup(10, 10, new int[] {5, 0}, new int[] {5, 0});
        assertThat(classifier.probability(lookup)).isEqualTo(OptionalDouble.of(0.5));
    }

    @Test
    void theStrongestTokensShouldDecide() {
        int tokens = 400;
        int[] spam = new int[tokens];
        int[] ham = new int[tokens];
        for (int i = 0; i < tokens; i++) {
            spam[i] = i < 300 ? 40 : 1;
            ham[i] = i < 300 ? 0 : 1;
        }
        OptionalDouble probability = classifier.probability(new TokenDatabase.Lookup(50, 50, spam, ham));
        assertThat(probability.getAsDouble()).isGreaterThan(0.99);
    }
}
