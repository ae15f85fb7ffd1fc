package org.cleanmail.core.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.message.MessageParser;
import org.cleanmail.core.scan.MessageScanner;
import org.cleanmail.core.scan.RawMessage;
import org.cleanmail.core.scan.RuleHit;
import org.cleanmail.core.scan.ScanResult;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores messages with one {@link CompiledRuleSet}, as SpamAssassin would: header, body,
 * rawbody, uri and full rules (prefiltered by their literals), evals, then metas; the
 * score is the sum of the fired rules that are not {@code __} sub-rules. A rule that
 * exceeds its work budget is stopped, the message scored without it, and after
 * {@link ScoringOptions#strikesBeforeDisabling()} such messages within
 * {@link ScoringOptions#strikeWindow()} the rule is disabled and reported by
 * {@link #unusedRules()}. A scan never throws for a bad message.
 * Thread-safe: one engine serves every mail processor thread.
 *
 * <pre>{@code
 * RuleEngine engine = new RuleEngine(CompiledRuleSet.compile(ruleSet, evals, ScoringOptions.defaults()),
 *     MessageParser.defaultParser(), new RuleHitCounters());
 * ScanResult result = engine.scan(RawMessage.of(bytes));
 * }</pre>
 */
public final class RuleEngine implements MessageScanner {
    private static final Logger LOGGER = LoggerFactory.getLogger(RuleEngine.class);

    private final CompiledRuleSet rules;
    private final MessageParser parser;
    private final RuleHealth health;
    private final RuleHitCounters hitCounters;
    /** By rule index: its number in {@link #hitCounters}, or -1. */
    private final int[] hitCounterIds;
    private final LongAdder scans = new LongAdder();
    private final LongAdder regexRuns = new LongAdder();

    public RuleEngine(CompiledRuleSet rules, MessageParser parser, RuleHitCounters counters) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.health = new RuleHealth(rules);
        this.hitCounters = Objects.requireNonNull(counters, "counters");
        this.hitCounterIds = new int[rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            CompiledRule rule = rules.rule(i);
            hitCounterIds[i] = rule == null ? -1 : counters.idOf(rule.name);
        }
    }

    /** Parses the message, then scores it. */
    @Override
    public ScanResult scan(RawMessage message) {
        MessageFeatures features;
        try {
            features = parser.parse(message);
        } catch (RuntimeException e) {
            LOGGER.warn("Could not parse a message of {} bytes; scored as empty: {}", message.length(), e.toString());
            return new ScanResult(List.of(), true);
        }
        return score(features, message.truncated());
    }

    /** Scores a message already parsed (so that callers who parsed it do not parse twice). */
    public ScanResult scan(MessageFeatures features) {
        return score(features, false);
    }

    private ScanResult score(MessageFeatures features, boolean truncatedInput) {
        scans.increment();
        MessageEvaluation evaluation = new MessageEvaluation(rules, health, features);
        List<RuleHit> hits;
        double score;
        try {
            double[] values = evaluation.run();
            hitCounters.count(evaluation.nonZero(), values, hitCounterIds);
            hits = evaluation.hits();
            score = evaluation.hitScore();
        } catch (RuntimeException | StackOverflowError e) {
            LOGGER.warn("Scoring failed on a message; scored without rules: {}", e.toString());
            hits = List.of();
            score = 0;
        } finally {
            regexRuns.add(evaluation.regexRuns());
            evaluation.release();
        }
        return ScanResult.ofHitsInNameOrder(Collections.unmodifiableList(hits), score, truncatedInput || features.truncated());
    }

    /** How many rules run. */
    @Override
    public int ruleCount() {
        return rules.ruleCount();
    }

    public CompiledRuleSet rules() {
        return rules;
    }

    /**
     * Rules that do not run, with the reason: skipped at load, not supported, or failing
     * while scanning (with the number of messages on which they failed).
     */
    public List<UnusedRule> unusedRules() {
        List<UnusedRule> all = new ArrayList<>(rules.unusedRules());
        all.addAll(health.failures());
        return List.copyOf(all);
    }

    /** Messages scanned by this engine. */
    public long scans() {
        return scans.sum();
    }

    /** Regular expressions run by this engine, all messages together (a measure of the prefilter's work). */
    public long regexRuns() {
        return regexRuns.sum();
    }
}
