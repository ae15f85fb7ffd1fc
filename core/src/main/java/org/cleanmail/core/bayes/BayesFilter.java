package org.cleanmail.core.bayes;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.scoring.EvalFunction;
import org.cleanmail.core.scoring.EvalFunctions;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The Bayes filter as callers use it: learn a parsed message as spam or ham, ask for a
 * message's spam probability, and SpamAssassin's {@code eval:check_bayes(min, max)} bound
 * to it, so that the {@code BAYES_*} rules of SpamAssassin's {@code 23_bayes.cf} (and of
 * CleanMail's shipped rules) fire as there. A message's probability is computed once
 * however many {@code BAYES_*} rules ask. Thread-safe.
 */
public final class BayesFilter implements Closeable {
    public static final String CHECK_BAYES = "check_bayes";
    private static final int REMEMBERED_MESSAGES = 64;

    private final BayesTokenizer tokenizer;
    private final TokenDatabase database;
    private final BayesClassifier classifier;
    private final Cache<MessageFeatures, OptionalDouble> probabilities = Caffeine.newBuilder()
        .weakKeys()
        .maximumSize(REMEMBERED_MESSAGES)
        .build();

    public BayesFilter(BayesTokenizer tokenizer, TokenDatabase database, BayesClassifier classifier) {
        this.tokenizer = tokenizer;
        this.database = database;
        this.classifier = classifier;
    }

    /** The probability that the message is spam; empty while too little was learnt. */
    public OptionalDouble probability(MessageFeatures features) {
        return probabilities.get(features, message -> classifier.probability(database.lookup(tokenizer.tokens(message))));
    }

    public LearnResult learnSpam(MessageFeatures features) {
        return learn(features, true);
    }

    public LearnResult learnHam(MessageFeatures features) {
        return learn(features, false);
    }

    private LearnResult learn(MessageFeatures features, boolean spam) {
        LearnResult result = database.learn(tokenizer.tokens(features), spam);
        probabilities.invalidate(features);
        return result;
    }

    public DatabaseStatistics statistics() {
        return database.statistics();
    }

    /** Whether enough of both classes was learnt for the filter to give verdicts. */
    public boolean ready() {
        DatabaseStatistics statistics = database.statistics();
        return classifier.ready(statistics.spamMessages(), statistics.hamMessages());
    }

    /** {@code check_bayes('0.99', '1.00')}: fires when the probability is within the bounds. */
    public EvalFunctions evalFunctions() {
        EvalFunction checkBayes = (features, arguments) -> {
            if (arguments.size() != 2) {
                return false;
            }
            OptionalDouble probability = probability(features);
            return probability.isPresent() && within(probability.getAsDouble(), arguments);
        };
        return EvalFunctions.of(Map.of(CHECK_BAYES, checkBayes));
    }

    private static boolean within(double probability, List<String> bounds) {
        try {
            double minimum = Double.parseDouble(bounds.get(0).trim());
            double maximum = Double.parseDouble(bounds.get(1).trim());
            return probability >= minimum && probability <= maximum;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        database.close();
    }
}
