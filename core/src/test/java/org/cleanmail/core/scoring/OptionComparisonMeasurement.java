package org.cleanmail.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import org.cleanmail.core.fingerprint.MeasurementLog;
import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.rules.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What one speed option of {@link ScoringOptions} is worth, measured in one JVM: the
 * stock rules plus the extra ones of {@link RuleProfileMeasurement} compiled with the
 * defaults and with the option off, then run over the bench's 300 messages in alternating
 * rounds, so that the machine's drift (a quarter between runs on a shared machine) falls
 * on both alike. The option is named by {@code -Dcleanmail.compare.off=NAME} (several, comma-separated, are
 * switched off together)
 * ({@code boundaryKinds}, {@code asciiVariants}, {@code anchorSearch}, {@code startCharSearch},
 * {@code regularFilters}, {@code autoPossessive}, {@code confirmingAnchors}, {@code filterGroups},
 * {@code commonLiteralsUnrecorded}, {@code sameMatchesOnce});
 * both rule sets must give every message the same values of the rules that are not sub-rules. Run with
 * {@code mvn -B -o -q -pl core verify -Dcleanmail.measure=true -Dtest=OptionComparisonMeasurement -Dcleanmail.compare.off=boundaryKinds};
 * figures in {@code core/target/measurements/option-comparison.txt}.
 */
@EnabledIfSystemProperty(named = "cleanmail.measure", matches = "true")
class OptionComparisonMeasurement {
    private static final int ROUNDS = 10;

    @Test
    void compareWithOneOptionOff() throws IOException {
        String option = System.getProperty("cleanmail.compare.off", "boundaryKinds");
        RuleSet ruleSet = RuleProfileMeasurement.stockAndExtraRules();
        CompiledRuleSet on = CompiledRuleSet.compile(ruleSet, EvalFunctions.none(), ScoringOptions.defaults());
        ScoringOptions.Builder offOptions = ScoringOptions.builder();
        for (String each : option.split(",")) {
            switchedOff(each.trim()).apply(offOptions);
        }
        CompiledRuleSet off = CompiledRuleSet.compile(ruleSet, EvalFunctions.none(), offOptions.build());
        List<MessageFeatures> messages = RuleProfileMeasurement.benchMessages();
        for (MessageFeatures features : messages) {
            double[] withOption = evaluated(on, new MessageEvaluation(on, new RuleHealth(on), features, null, true).run());
            double[] without = evaluated(off, new MessageEvaluation(off, new RuleHealth(off), features, null, true).run());
            assertThat(without).as("rule values with %s off", option).containsExactly(withOption);
        }
        RuleHealth onHealth = new RuleHealth(on);
        RuleHealth offHealth = new RuleHealth(off);
        for (int warm = 0; warm < 4; warm++) {
            cpu(on, onHealth, messages, new long[messages.size()]);
            cpu(off, offHealth, messages, new long[messages.size()]);
        }
        long[] onBest = new long[messages.size()];
        long[] offBest = new long[messages.size()];
        Arrays.fill(onBest, Long.MAX_VALUE);
        Arrays.fill(offBest, Long.MAX_VALUE);
        for (int round = 0; round < ROUNDS; round++) {
            // each first in turn
            if (round % 2 == 0) {
                cpu(on, onHealth, messages, onBest);
                cpu(off, offHealth, messages, offBest);
            } else {
                cpu(off, offHealth, messages, offBest);
                cpu(on, onHealth, messages, onBest);
            }
        }
        MeasurementLog log = new MeasurementLog("option-comparison");
        log.line("%s off / on: %.3f on the median message (%d / %d us), %.3f in all (%d / %d us per message on average);"
            + " each message's fastest of %d alternating rounds, rule evaluation only, %d messages", option,
            (double) median(offBest) / median(onBest), median(offBest) / 1000, median(onBest) / 1000,
            (double) sum(offBest) / sum(onBest), sum(offBest) / messages.size() / 1000, sum(onBest) / messages.size() / 1000,
            ROUNDS, messages.size());
    }

    /**
     * The values of the rules every evaluation decides: a sub-rule's is 0 until a meta needs
     * it, or until it is decided as a matter of course (by its literals' boundary kinds), so
     * sub-rules are left out (0 here); the metas that read them are compared.
     */
    private static double[] evaluated(CompiledRuleSet rules, double[] values) {
        double[] compared = values.clone();
        for (int i = 0; i < compared.length; i++) {
            if (rules.rule(i) != null && rules.rule(i).subRule) {
                compared[i] = 0;
            }
        }
        return compared;
    }

    private static UnaryOperator<ScoringOptions.Builder> switchedOff(String option) {
        switch (option) {
            case "boundaryKinds":
                return builder -> builder.boundaryKinds(false);
            case "asciiVariants":
                return builder -> builder.asciiVariants(false);
            case "anchorSearch":
                return builder -> builder.anchorSearch(false);
            case "startCharSearch":
                return builder -> builder.startCharSearch(false);
            case "regularFilters":
                return builder -> builder.regularFilters(false);
            case "autoPossessive":
                return builder -> builder.autoPossessive(false);
            case "confirmingAnchors":
                return builder -> builder.confirmingAnchors(false);
            case "filterGroups":
                return builder -> builder.filterGroups(false);
            case "commonLiteralsUnrecorded":
                return builder -> builder.commonLiteralsUnrecorded(false);
            case "sameMatchesOnce":
                return builder -> builder.sameMatchesOnce(false);
            default:
                throw new IllegalArgumentException("-Dcleanmail.compare.off: no option " + option
                    + "; one of boundaryKinds, asciiVariants, anchorSearch, startCharSearch, regularFilters, autoPossessive, confirmingAnchors, filterGroups, commonLiteralsUnrecorded,"
                    + " sameMatchesOnce");
        }
    }

    /** Runs every message once, keeping in {@code best} each one's lowest CPU nanoseconds. */
    private static void cpu(CompiledRuleSet rules, RuleHealth health, List<MessageFeatures> messages, long[] best) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < messages.size(); i++) {
            long start = threads.getCurrentThreadCpuTime();
            new MessageEvaluation(rules, health, messages.get(i), null, true).run();
            best[i] = Math.min(best[i], threads.getCurrentThreadCpuTime() - start);
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long sum(long[] values) {
        return Arrays.stream(values).sum();
    }
}
