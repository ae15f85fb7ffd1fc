package org.cleanmail.core.rules;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts of what a rule load produced: rules loaded per type, rules skipped per type and
 * reason, and the other things worth a line in a report. "Loaded" means usable by a
 * matching engine as is: patterns translated, metas parsed and acyclic, evals implemented.
 * Immutable.
 */
public final class LoadSummary {
    private final Map<RuleType, Integer> loaded;
    private final Map<RuleType, Map<SkipCategory, Integer>> skipped;
    private final int disabled;
    private final int files;
    private final int langLinesSkipped;
    private final int scoresWithoutRule;
    private final int otherDirectives;
    private final int problems;

    private LoadSummary(Map<RuleType, Integer> loaded, Map<RuleType, Map<SkipCategory, Integer>> skipped, int disabled,
                        int files, int langLinesSkipped, int scoresWithoutRule, int otherDirectives, int problems) {
        this.loaded = loaded;
        this.skipped = skipped;
        this.disabled = disabled;
        this.files = files;
        this.langLinesSkipped = langLinesSkipped;
        this.scoresWithoutRule = scoresWithoutRule;
        this.otherDirectives = otherDirectives;
        this.problems = problems;
    }

    /** Counts for the given outcome of a load. */
    public static LoadSummary of(Collection<RuleDefinition> usable, Collection<SkippedRule> skippedRules, int files,
                                 int langLinesSkipped, int scoresWithoutRule, int otherDirectives, int problems) {
        Map<RuleType, Integer> loaded = new EnumMap<>(RuleType.class);
        Map<RuleType, Map<SkipCategory, Integer>> skipped = new EnumMap<>(RuleType.class);
        for (RuleType type : RuleType.values()) {
            loaded.put(type, 0);
            skipped.put(type, new EnumMap<>(SkipCategory.class));
        }
        int disabled = 0;
        for (RuleDefinition rule : usable) {
            loaded.merge(rule.type(), 1, Integer::sum);
            disabled += rule.enabled() ? 0 : 1;
        }
        for (SkippedRule rule : skippedRules) {
            skipped.get(rule.type()).merge(rule.category(), 1, Integer::sum);
        }
        skipped.replaceAll((type, counts) -> Collections.unmodifiableMap(counts));
        return new LoadSummary(Collections.unmodifiableMap(loaded), Collections.unmodifiableMap(skipped), disabled,
            files, langLinesSkipped, scoresWithoutRule, otherDirectives, problems);
    }

    public int loaded(RuleType type) {
        return loaded.get(type);
    }

    public int totalLoaded() {
        return loaded.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int skipped(RuleType type, SkipCategory category) {
        return skipped.get(type).getOrDefault(category, 0);
    }

    public int skipped(RuleType type) {
        return skipped.get(type).values().stream().mapToInt(Integer::intValue).sum();
    }

    public int totalSkipped(SkipCategory category) {
        return skipped.values().stream().mapToInt(counts -> counts.getOrDefault(category, 0)).sum();
    }

    /** Skip counts per reason for one type. */
    public Map<SkipCategory, Integer> skippedByCategory(RuleType type) {
        return skipped.get(type);
    }

    /** Loaded rules whose score is 0: SpamAssassin would not run them. */
    public int disabled() {
        return disabled;
    }

    public int files() {
        return files;
    }

    /** {@code lang xx ...} lines, skipped: descriptions are reported in English. */
    public int langLinesSkipped() {
        return langLinesSkipped;
    }

    /** {@code score} lines for rules never defined (common: scores ship for every plugin's rules). */
    public int scoresWithoutRule() {
        return scoresWithoutRule;
    }

    public int otherDirectives() {
        return otherDirectives;
    }

    public int problems() {
        return problems;
    }

    /** A table: one line per rule type, then the totals. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%-10s %7s %8s  %s%n", "type", "loaded", "skipped", "skipped by reason"));
        for (RuleType type : RuleType.values()) {
            StringBuilder reasons = new StringBuilder();
            skipped.get(type).forEach((category, count) ->
                reasons.append(reasons.length() == 0 ? "" : ", ").append(category.label()).append('=').append(count));
            text.append(String.format("%-10s %7d %8d  %s%n", type.directive(), loaded(type), skipped(type), reasons));
        }
        text.append(String.format("files=%d, disabled (score 0)=%d, lang lines skipped=%d, scores without rule=%d, "
            + "other directives=%d, problems=%d", files, disabled, langLinesSkipped, scoresWithoutRule,
            otherDirectives, problems));
        return text.toString();
    }
}
