package org.cleanmail.core.scoring;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.rules.RuleSet;

/**
 * One side of {@link RuleEvaluationComparison}: the bench's rules and messages
 * ({@link RuleProfileMeasurement#stockAndExtraRules}, {@link RuleProfileMeasurement#benchMessages})
 * compiled by the build whose classes this instance was loaded from, and laid out by use
 * as {@code bench} does where that build can ({@code CompiledRuleSet.learnedLayout}, read
 * by reflection: an older build has none). {@link #evaluate} evaluates one message and
 * returns its thread CPU time. Public, with a public constructor: the comparison loads it
 * through a class loader of its own for each build.
 */
public final class EvaluationRounds {
    private final CompiledRuleSet rules;
    private final List<MessageFeatures> messages;
    private final RuleHealth health;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    public EvaluationRounds() throws Exception {
        RuleSet ruleSet = RuleProfileMeasurement.stockAndExtraRules();
        CompiledRuleSet compiled = CompiledRuleSet.compile(ruleSet, EvalFunctions.none(), ScoringOptions.defaults());
        this.messages = RuleProfileMeasurement.benchMessages();
        Optional<Method> learned = method("learnedLayout", 0);
        if (learned.isPresent()) {
            RuleHealth counting = new RuleHealth(compiled);
            for (MessageFeatures features : messages) {
                evaluate(compiled, counting, features);
            }
            Optional<?> layout = (Optional<?>) learned.get().invoke(compiled);
            if (layout.isPresent()) {
                compiled = (CompiledRuleSet) method("compile", 4).orElseThrow()
                    .invoke(null, ruleSet, EvalFunctions.none(), ScoringOptions.defaults(), layout.get());
            }
        }
        this.rules = compiled;
        this.health = new RuleHealth(rules);
    }

    private static Optional<Method> method(String name, int parameters) {
        for (Method method : CompiledRuleSet.class.getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == parameters) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }

    private static void evaluate(CompiledRuleSet rules, RuleHealth health, MessageFeatures features) {
        MessageEvaluation evaluation = new MessageEvaluation(rules, health, features, null, true);
        evaluation.run();
        evaluation.release();
    }

    /** How many messages there are. */
    public int messages() {
        return messages.size();
    }

    /** Thread CPU nanoseconds of the evaluation of the {@code i}-th message. */
    public long evaluate(int i) {
        long start = threads.getCurrentThreadCpuTime();
        evaluate(rules, health, messages.get(i));
        return threads.getCurrentThreadCpuTime() - start;
    }
}
