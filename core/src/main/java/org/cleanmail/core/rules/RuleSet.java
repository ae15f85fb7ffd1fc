package org.cleanmail.core.rules;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.cleanmail.core.message.relay.RelayNetworks;
import org.cleanmail.core.rules.meta.MetaEvaluationPlan;

/**
 * The outcome of loading rule files: the rules (by name), the rules that could not be
 * used and why, the other directives, the problems met, the evaluation order of the
 * metas, and a summary. Immutable and thread-safe: build it once, share it.
 *
 * <p>{@link #rules()} holds every usable rule, plus {@code eval:} rules whose function
 * has no Java implementation yet ({@link RuleDefinition#needsJavaImplementation()}):
 * those are also listed in {@link #skipped()} so that reports count them.
 */
public final class RuleSet {
    private final SortedMap<String, RuleDefinition> rules;
    private final List<SkippedRule> skipped;
    private final List<OtherDirective> otherDirectives;
    private final List<LoadProblem> problems;
    private final MetaEvaluationPlan metaPlan;
    private final LoadSummary summary;
    private volatile RelayNetworks relayNetworks;

    public RuleSet(Map<String, RuleDefinition> rules, List<SkippedRule> skipped, List<OtherDirective> otherDirectives,
                   List<LoadProblem> problems, MetaEvaluationPlan metaPlan, LoadSummary summary) {
        this.rules = Collections.unmodifiableSortedMap(new TreeMap<>(rules));
        this.skipped = List.copyOf(skipped);
        this.otherDirectives = List.copyOf(otherDirectives);
        this.problems = List.copyOf(problems);
        this.metaPlan = metaPlan;
        this.summary = summary;
    }

    /** Rules by name, sorted by name. */
    public SortedMap<String, RuleDefinition> rules() {
        return rules;
    }

    public Optional<RuleDefinition> rule(String name) {
        return Optional.ofNullable(rules.get(name));
    }

    public List<RuleDefinition> rulesOfType(RuleType type) {
        return rules.values().stream().filter(rule -> rule.type() == type).collect(Collectors.toUnmodifiableList());
    }

    /** Defined rules that cannot run as loaded, in load order. */
    public List<SkippedRule> skipped() {
        return skipped;
    }

    public Optional<SkippedRule> skipped(String name) {
        return skipped.stream().filter(rule -> rule.name().equals(name)).findFirst();
    }

    /**
     * The eval functions that rules call but that have no Java implementation, each with
     * the number of rules waiting for it: the to-do list of the matching engine.
     */
    public SortedMap<String, Integer> missingEvalFunctions() {
        SortedMap<String, Integer> functions = new TreeMap<>();
        skipped.stream().filter(rule -> rule.category() == SkipCategory.EVAL_NOT_IMPLEMENTED)
            .forEach(rule -> functions.merge(rule.detail(), 1, Integer::sum));
        return Collections.unmodifiableSortedMap(functions);
    }

    /** Directives other than rule definitions and rule attributes, in load order. */
    public List<OtherDirective> otherDirectives() {
        return otherDirectives;
    }

    /** Every directive of that name, in load order. */
    public List<OtherDirective> otherDirectives(String name) {
        return otherDirectives.stream().filter(directive -> directive.name().equals(name))
            .collect(Collectors.toUnmodifiableList());
    }

    /** Unparseable lines and doubtful constructs, each with its file:line. */
    /**
     * The trust boundary the rule files set ({@code trusted_networks}, {@code internal_networks},
     * {@code msa_networks}, {@code originating_ip_headers}, {@code envelope_sender_header}),
     * directives applied in load order; entries that are not networks were reported in
     * {@link #problems()} and are left out.
     */
    public RelayNetworks relayNetworks() {
        RelayNetworks networks = relayNetworks;
        if (networks == null) {
            RelayNetworks.Builder builder = RelayNetworks.builder();
            for (OtherDirective directive : otherDirectives) {
                if (RelayNetworks.DIRECTIVES.contains(directive.name())) {
                    applyLeniently(builder, directive);
                }
            }
            networks = builder.build();
            relayNetworks = networks;
        }
        return networks;
    }

    private static void applyLeniently(RelayNetworks.Builder builder, OtherDirective directive) {
        try {
            builder.apply(directive.name(), directive.value());
        } catch (IllegalArgumentException e) {
            StringBuilder good = new StringBuilder();
            for (String entry : directive.value().trim().split("\\s+")) {
                try {
                    RelayNetworks.builder().apply(directive.name(), entry);
                    good.append(entry).append(' ');
                } catch (IllegalArgumentException bad) {
                    // reported by the loader as a problem of the file
                }
            }
            if (good.length() > 0) {
                builder.apply(directive.name(), good.toString());
            }
        }
    }

    public List<LoadProblem> problems() {
        return problems;
    }

    /** The order in which to evaluate the metas of {@link #rules()}. */
    public MetaEvaluationPlan metaPlan() {
        return metaPlan;
    }

    public LoadSummary summary() {
        return summary;
    }

    @Override
    public String toString() {
        return "RuleSet{" + rules.size() + " rules, " + skipped.size() + " skipped, " + problems.size() + " problems}";
    }
}
