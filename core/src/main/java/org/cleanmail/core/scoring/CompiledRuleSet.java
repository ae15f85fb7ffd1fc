package org.cleanmail.core.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.cleanmail.core.rules.EvalCall;
import org.cleanmail.core.rules.HeaderSpec;
import org.cleanmail.core.rules.RuleDefinition;
import org.cleanmail.core.rules.RuleSet;
import org.cleanmail.core.rules.RuleType;
import org.cleanmail.core.rules.SkippedRule;
import org.cleanmail.core.rules.meta.MetaProgram;
import org.cleanmail.core.rules.regex.AtomCharacters;
import org.cleanmail.core.rules.regex.AutoPossessive;
import org.cleanmail.core.rules.regex.RegularSuperset;
import org.cleanmail.core.scan.RuleHit;

/**
 * A {@link RuleSet} compiled for scanning: every runnable rule with its score in the
 * chosen score set, a prefilter per target ({@link TargetIndex}), the header selections
 * the header rules share, the eval rules bound to their Java functions, and the metas in
 * evaluation order. Rules that cannot run are listed by {@link #unusedRules()} with the
 * reason. Compiling is linear in the number of rules. Immutable and thread-safe.
 */
public final class CompiledRuleSet {
    private final RuleSet source;
    private final ScoringOptions options;
    private final CompiledRule[] rules;
    private final Map<String, Integer> indexByName;
    private final List<HeaderSelector> selectors;
    /** Each pattern target's index, by {@link RuleType#ordinal()} (null entries: no rules of that type). */
    private final TargetIndex[] targets;
    private final int[] evalRules;
    /** The metas that are not sub-rules, in evaluation order. */
    private final int[] topMetaOrder;
    /** The metas that are sub-rules: pending until a meta reads them. */
    private final BitSet subMetas;
    /** Every sub-rule, by index: read without touching the rules themselves. */
    private final BitSet subRules;
    private final List<UnusedRule> unused;
    private final long[][] startChars;
    /** The rules without an anchor or start characters whose matches start at line starts only ({@link StartChars#lineStartsOnly}). */
    private final BitSet lineStartsOnly;
    private final AnchorSearch[] anchors;
    /** By rule index: a more selective anchor of the rule's ASCII variant, for texts of ASCII characters only, or null. */
    private final AnchorSearch[] asciiAnchors;
    /** What each meta needs to be anything but 0, as rule indices. */
    private final MetaNeeds metaNeeds;
    private final MetaWakeUps metaWakeUps;
    /** Every meta that can be evaluated, compiled in evaluation order ({@link MetaProgram}). */
    private final MetaProgram metaProgram;
    /** By rule index: where a meta starts in {@link #metaProgram}; -1 for other rules. */
    private final int[] metaStarts;
    /** By meta rule index: its operands as rule indices (-1: no such rule), one set each ({@link FlatSets}). */
    private final FlatSets metaOperands;
    /** The header tests that do not refer back to a group: cheap to run when a meta reads them. */
    private final BitSet cheapTests;
    /** The rules decided by their literal strings where those occur, by index (null entries: others). */
    private final LiteralPattern[] literalPatterns;
    /** The header rules filtered on their own selection, by selector index (null entries: none), or null. */
    private final TargetIndex[] selectorTargets;
    /** The automata that rule texts out before the rules' regular expressions run, and their groups. */
    private final RegularFilters regularFilters;
    /** The indices of the rules that score ({@link CompiledRule#scores()}), in the order of their names. */
    private final int[] rankByName;
    /** The indices of the rules that score, in the order of their names. */
    private final int[] indexByRank;
    /** By index, each rule's score: read for a message's total without reading the rules that hit. */
    private final double[] scores;
    /** By index, what a rule's hit once is ({@link CompiledRule#hit}): read for a message's hits without reading the rules. */
    private final RuleHit[] hits;
    private final int runnable;
    private final ThreadLocal<ThreadMatchers> threadMatchers;
    private final ThreadLocal<RuleScratch> ruleScratch;
    /** The rules matched once per message for all of their group ({@link SameMatches}). */
    private final SameMatches sameMatches;
    /** By rule index: what a search for its matches reads ({@link RulePlan}); null for a rule without a pattern. */
    private final RulePlan[] plans;
    private final RuleLayout layout;
    /** The rules its first messages run, for a rule set in name order ({@link RuleUse}). */
    private final RuleUse use;

    private CompiledRuleSet(RuleSet source, ScoringOptions options, CompiledRule[] rules,
                            Map<String, Integer> indexByName, List<HeaderSelector> selectors,
                            Map<RuleType, TargetIndex> targets, int[] evalRules, int[] metaOrder,
                            List<UnusedRule> unused, long[][] startChars, BitSet lineStartsOnly, AnchorSearch[] anchors,
                            LiteralPattern[] literalPatterns, TargetIndex[] selectorTargets, MetaNeeds metaNeeds,
                            AnchorSearch[] asciiAnchors, RegularFilters regularFilters, RuleLayout layout) {
        this.source = source;
        this.layout = layout;
        this.use = layout.learned() ? RuleUse.none() : new RuleUse(rules.length, options.layoutMessages());
        this.options = options;
        this.rules = rules;
        this.indexByName = indexByName;
        this.selectors = selectors;
        this.targets = new TargetIndex[RuleType.values().length];
        targets.forEach((type, target) -> this.targets[type.ordinal()] = target);
        this.evalRules = evalRules;
        this.topMetaOrder = Arrays.stream(metaOrder).filter(index -> !rules[index].subRule).toArray();
        this.subMetas = new BitSet(rules.length);
        for (int index : metaOrder) {
            subMetas.set(index, rules[index].subRule);
        }
        this.subRules = new BitSet(rules.length);
        for (CompiledRule rule : rules) {
            if (rule != null && rule.subRule) {
                subRules.set(rule.index);
            }
        }
        this.unused = unused;
        this.startChars = startChars;
        this.lineStartsOnly = lineStartsOnly;
        this.anchors = anchors;
        this.literalPatterns = literalPatterns;
        this.metaNeeds = metaNeeds;
        this.metaWakeUps = MetaWakeUps.of(rules.length, topMetaOrder, metaNeeds.anyOf(), subMetas);
        this.metaStarts = new int[rules.length];
        Arrays.fill(metaStarts, -1);
        MetaProgram.Builder program = MetaProgram.builder();
        int[][][] operands = new int[rules.length][][];
        for (int index : metaOrder) {
            CompiledRule meta = rules[index];
            metaStarts[index] = program.add(meta.meta, operand -> meta.metaOperands[operand], metaNeeds.bounded(index));
            operands[index] = new int[][] {meta.metaOperands};
        }
        this.metaProgram = program.build();
        this.metaOperands = FlatSets.of(operands, metaOrder);
        this.cheapTests = new BitSet(rules.length);
        for (CompiledRule rule : rules) {
            if (rule != null && rule.meta == null && rule.type == RuleType.HEADER && !rule.backReferences) {
                cheapTests.set(rule.index);
            }
        }
        this.asciiAnchors = asciiAnchors;
        this.selectorTargets = selectorTargets;
        this.regularFilters = regularFilters;
        int count = 0;
        for (CompiledRule rule : rules) {
            count += rule != null ? 1 : 0;
        }
        this.runnable = count;
        this.threadMatchers = ThreadLocal.withInitial(() -> new ThreadMatchers(rules.length));
        this.ruleScratch = ThreadLocal.withInitial(() -> new RuleScratch(rules.length));
        this.sameMatches = options.sameMatchesOnce() ? SameMatches.of(rules) : SameMatches.none();
        this.plans = new RulePlan[rules.length];
        for (CompiledRule rule : rules) {
            if (rule != null && rule.pattern != null) {
                TargetIndex target = rule.type == RuleType.HEADER ? selectorTarget(rule.selector) : target(rule.type);
                plans[rule.index] = RulePlan.of(this, rule, target);
            }
        }
        int[] scoringByName = Arrays.stream(rules).filter(rule -> rule != null && rule.scores())
            .sorted(Comparator.comparing((CompiledRule rule) -> rule.name)).mapToInt(rule -> rule.index).toArray();
        this.indexByRank = scoringByName;
        this.rankByName = new int[rules.length];
        Arrays.fill(rankByName, -1);
        for (int rank = 0; rank < scoringByName.length; rank++) {
            rankByName[scoringByName[rank]] = rank;
        }
        this.scores = new double[rules.length];
        this.hits = new RuleHit[rules.length];
        for (CompiledRule rule : rules) {
            if (rule != null) {
                scores[rule.index] = rule.score;
                hits[rule.index] = rule.hit;
            }
        }
    }

    /** Compiles the rules that can run with these eval functions and options. */
    public static CompiledRuleSet compile(RuleSet ruleSet, EvalFunctions functions, ScoringOptions options) {
        return compile(ruleSet, functions, options, RuleLayout.byName());
    }

    /** Compiles the rules, numbered in the layout's order ({@link RuleLayout}). */
    public static CompiledRuleSet compile(RuleSet ruleSet, EvalFunctions functions, ScoringOptions options,
                                          RuleLayout layout) {
        return new Compilation(Objects.requireNonNull(ruleSet, "rule set"), Objects.requireNonNull(functions, "functions"),
            Objects.requireNonNull(options, "options"), Objects.requireNonNull(layout, "layout")).run();
    }

    /** The order its rules are numbered in. */
    public RuleLayout layout() {
        return layout;
    }

    /** The rules its first messages ran ({@link RuleUse}): nothing for a rule set laid out already. */
    RuleUse use() {
        return use;
    }

    /**
     * The layout of the rules its first messages ran, the most run first, once it has counted
     * them ({@link ScoringOptions#layoutMessages}); empty before, or for a rule set laid out already.
     */
    public Optional<RuleLayout> learnedLayout() {
        return use.complete() ? Optional.of(use.layout(this)) : Optional.empty();
    }

    /** The rules as loaded. */
    public RuleSet ruleSet() {
        return source;
    }

    public ScoringOptions options() {
        return options;
    }

    /** How many rules run (enabled in the score set, supported). */
    public int ruleCount() {
        return runnable;
    }

    /** Rules defined but not run, with the reason: skipped at load or not supported here. */
    public List<UnusedRule> unusedRules() {
        return unused;
    }

    /** Whether the named rule runs. */
    public boolean runs(String name) {
        Integer index = indexByName.get(name);
        return index != null && rules[index] != null;
    }

    /** The names of the rules that run, for reports and measurements. */
    public Set<String> runnableRuleNames() {
        Set<String> names = new HashSet<>();
        for (CompiledRule rule : rules) {
            if (rule != null) {
                names.add(rule.name);
            }
        }
        return Collections.unmodifiableSet(names);
    }

    /** Rules of a pattern target that run on every message because they have no usable literal. */
    public int alwaysRunRules(RuleType type) {
        TargetIndex target = target(type);
        return target == null ? 0 : target.alwaysRun().length;
    }

    /** Rules of a pattern target that run only when one of their literals occurs (header rules: in their selection). */
    public int prefilteredRules(RuleType type) {
        TargetIndex target = target(type);
        int filtered = target == null ? 0 : target.filteredRules();
        if (type == RuleType.HEADER && selectorTargets != null) {
            for (TargetIndex selection : selectorTargets) {
                filtered += selection == null ? 0 : selection.filteredRules();
            }
        }
        return filtered;
    }

    int size() {
        return rules.length;
    }

    /**
     * This thread's matchers and the budgeted text they read: made on first use and kept, so
     * that a scan sets the regions of the matchers of the rules it runs instead of making them
     * (a matcher and its group arrays for each of some hundreds of rules per message).
     */
    ThreadMatchers threadMatchers() {
        return threadMatchers.get();
    }

    /** This thread's per-rule arrays for a message evaluation, claimed ({@link RuleScratch#claim}). */
    RuleScratch ruleScratch() {
        return ruleScratch.get().claim();
    }

    CompiledRule rule(int index) {
        return rules[index];
    }

    /** What a search for the rule's matches reads ({@link RulePlan}); null for a rule without a pattern. */
    RulePlan plan(int index) {
        return plans[index];
    }

    Optional<Integer> index(String name) {
        return Optional.ofNullable(indexByName.get(name));
    }

    Map<String, Integer> indexByName() {
        return indexByName;
    }

    List<HeaderSelector> selectors() {
        return selectors;
    }

    TargetIndex target(RuleType type) {
        return targets[type.ordinal()];
    }

    /** The characters a match of the rule can start with ({@link StartChars}), or null. */
    long[] startChars(int index) {
        return startChars[index];
    }

    /** Whether the rule, without an anchor or start characters, is tried at line starts only ({@link StartChars#lineStartsOnly}). */
    boolean lineStartsOnly(int index) {
        return lineStartsOnly.get(index);
    }

    /** Where a match of the rule can start ({@link AnchorSearch}), or null: search every position. */
    AnchorSearch anchor(int index) {
        return anchors[index];
    }

    /**
     * Where a match of the rule's ASCII variant ({@link CompiledRule#asciiPattern}) can start,
     * when that is much more selective than {@link #anchor}: the look-alike rules, whose
     * anchors are single letters until their non-ASCII alternatives are cut; else null.
     */
    AnchorSearch asciiAnchor(int index) {
        return asciiAnchors[index];
    }

    /** A rule's place among the rules that score, in the order of their names (a message's hits come out sorted); -1 for one that does not score. */
    int rankByName(int index) {
        return rankByName[index];
    }

    /** The index of the rule of that rank in name order ({@link #rankByName}). */
    int indexByRank(int rank) {
        return indexByRank[rank];
    }

    /** A rule's score ({@link CompiledRule#score}). */
    double score(int index) {
        return scores[index];
    }

    /** A rule's hit once ({@link CompiledRule#hit}). */
    RuleHit hit(int index) {
        return hits[index];
    }

    /**
     * The automaton that tells the texts that cannot hold a match of the rule ({@link RegularFilter}),
     * for a rule that would otherwise try every position of every text; else null.
     */
    RegularFilter regularFilter(int index) {
        return regularFilters.filter(index, false);
    }

    /**
     * The rule's filter of a text, which for a text of ASCII characters only may be that of
     * the rule's ASCII variant ({@link CompiledRule#asciiPattern}, the one its matchers run
     * there): the look-alike rules' filters, built by each thread for the accented letters'
     * alternatives, are built whole and put in groups there. Null where {@link #regularFilter(int)} is.
     */
    RegularFilter regularFilter(int index, boolean asciiText) {
        return regularFilters.filter(index, asciiText);
    }

    /** The groups of the regular filters of a text, of ASCII characters only or not ({@link #regularFilter(int, boolean)}). */
    FilterGroups filterGroups(boolean asciiText) {
        return regularFilters.groups(asciiText);
    }

    /**
     * The rule as literal strings ({@link LiteralPattern}), decided where its target's recorded
     * occurrences of them lie; null for a rule that is not one, or counts every match.
     */
    LiteralPattern literalPattern(int index) {
        return literalPatterns[index];
    }

    /**
     * The prefilter of the header rules on one header selection, which the selection's own
     * text is scanned with; null when no rule of that selection is filtered, or when header
     * rules are filtered on all headers at once ({@link #target} of {@code HEADER}).
     */
    TargetIndex selectorTarget(int selector) {
        return selectorTargets == null ? null : selectorTargets[selector];
    }

    /** How many header selections have a prefilter of their own ({@link #selectorTarget}). */
    int selectorTargetCount() {
        return selectorTargets == null ? 0 : selectorTargets.length;
    }

    int[] evalRules() {
        return evalRules;
    }

    /** The metas that are not sub-rules, in evaluation order: the metas a meta reads come first. */
    int[] topMetaOrder() {
        return topMetaOrder;
    }

    /** Marks the metas that are sub-rules in {@code pending}. */
    void markSubMetas(BitSet pending) {
        pending.or(subMetas);
    }

    /** Whether the rule is a meta that is a sub-rule. */
    boolean subMeta(int index) {
        return subMetas.get(index);
    }

    /** Whether the rule is a sub-rule ({@link CompiledRule#subRule}), from a bit set the evaluation keeps in cache. */
    boolean subRule(int index) {
        return subRules.get(index);
    }

    /** The groups of rules that match alike, counted once per message ({@link SameMatches}). */
    SameMatches sameMatches() {
        return sameMatches;
    }

    /** What each meta needs to be anything but 0 ({@link MetaNeeds}). */
    MetaNeeds metaNeeds() {
        return metaNeeds;
    }

    /** The metas compiled ({@link MetaProgram}), each from its {@link #metaStart}, its operands read as rule indices. */
    MetaProgram metaProgram() {
        return metaProgram;
    }

    /** The operands of the metas that can be evaluated, as rule indices: one set each, from the meta's {@link FlatSets#start}. */
    FlatSets metaOperands() {
        return metaOperands;
    }

    /** Whether a rule that is not a meta is a header test that does not refer back to a group. */
    boolean cheapTest(int index) {
        return cheapTests.get(index);
    }

    /** Where a meta starts in {@link #metaProgram}. */
    int metaStart(int index) {
        return metaStarts[index];
    }

    /** Which metas of {@link #topMetaOrder} each rule that may be anything but 0 wakes ({@link MetaWakeUps}). */
    MetaWakeUps metaWakeUps() {
        return metaWakeUps;
    }

    @Override
    public String toString() {
        return "CompiledRuleSet{" + runnable + " rules run, " + unused.size() + " unused}";
    }

    /** The work of {@link #compile}. */
    private static final class Compilation {
        private final RuleSet ruleSet;
        private final EvalFunctions functions;
        private final ScoringOptions options;
        private final RuleLayout layout;
        private final Map<String, Integer> selectorIndex = new LinkedHashMap<>();
        private final List<HeaderSelector> selectors = new ArrayList<>();
        private final Map<String, UnusedRule> unused = new LinkedHashMap<>();
        /** The character sets of pattern atoms, shared by the compilation's readers. */
        private final AtomCharacters atoms = new AtomCharacters();
        private final AutoPossessive possessive = new AutoPossessive(atoms);

        Compilation(RuleSet ruleSet, EvalFunctions functions, ScoringOptions options, RuleLayout layout) {
            this.ruleSet = ruleSet;
            this.functions = functions;
            this.options = options;
            this.layout = layout;
        }

        CompiledRuleSet run() {
            List<RuleDefinition> definitions = new ArrayList<>(ruleSet.rules().values());
            // the layout's rules first; the others keep the order of their names (a stable sort)
            definitions.sort(Comparator.comparingInt(definition -> layout.rank(definition.name())));
            CompiledRule[] compiled = new CompiledRule[definitions.size()];
            Map<String, Integer> indexByName = new HashMap<>();
            Map<RuleType, List<CompiledRule>> byTarget = new EnumMap<>(RuleType.class);
            List<Integer> evals = new ArrayList<>();
            for (int i = 0; i < definitions.size(); i++) {
                indexByName.put(definitions.get(i).name(), i);
            }
            for (int i = 0; i < definitions.size(); i++) {
                RuleDefinition definition = definitions.get(i);
                if (!definition.enabled(options.scoreSet())) {
                    continue;
                }
                try {
                    CompiledRule rule = compile(i, definition, indexByName);
                    compiled[i] = rule;
                    if (rule.eval != null) {
                        evals.add(i);
                    } else if (rule.meta == null) {
                        byTarget.computeIfAbsent(rule.type, type -> new ArrayList<>()).add(rule);
                    }
                } catch (IllegalArgumentException e) {
                    unused.put(definition.name(), new UnusedRule(definition.name(), definition.type().directive(),
                        e.getMessage(), definition.source().toString(), 0));
                }
            }
            for (SkippedRule skipped : ruleSet.skipped()) {
                Integer index = indexByName.get(skipped.name());
                if ((index == null || compiled[index] == null) && !unused.containsKey(skipped.name())) {
                    unused.put(skipped.name(), new UnusedRule(skipped.name(), skipped.type().directive(),
                        skipped.reason(), skipped.location().toString(), 0));
                }
            }
            long[][] startChars = new long[compiled.length][];
            AnchorSearch[] anchors = new AnchorSearch[compiled.length];
            LiteralPattern[] literalPatterns = new LiteralPattern[compiled.length];
            AnchorSearch[] asciiAnchors = new AnchorSearch[compiled.length];
            byTarget.forEach((type, rules) -> {
                if (options.anchorSearch()) {
                    for (CompiledRule rule : rules) {
                        if (rule.pattern != null) {
                            anchors[rule.index] = AnchorSearch.of(rule.pattern, options.confirmingAnchors());
                            AnchorSearch ascii = anchors[rule.index] == null || rule.asciiPattern == null ? null
                                : AnchorSearch.of(rule.asciiPattern, options.confirmingAnchors());
                            if (ascii != null && ascii.expectedTries() < anchors[rule.index].expectedTries() / 2) {
                                asciiAnchors[rule.index] = ascii;
                            }
                            if (rule.maxHits == 1 && type != RuleType.MIMEHEADER) {
                                literalPatterns[rule.index] = LiteralPattern.of(rule.pattern).orElse(null);
                            }
                        }
                    }
                }
            });
            Map<RuleType, TargetIndex> targets = new EnumMap<>(RuleType.class);
            TargetIndex[] selectorTargets = null;
            if (options.anchorSearch() && byTarget.containsKey(RuleType.HEADER)) {
                // each selection scanned on its own: its rules' literals, where they occur in it
                List<CompiledRule> unfiltered = new ArrayList<>();
                List<List<CompiledRule>> bySelector = new ArrayList<>();
                for (int i = 0; i < selectors.size(); i++) {
                    bySelector.add(new ArrayList<>());
                }
                for (CompiledRule rule : byTarget.get(RuleType.HEADER)) {
                    if (rule.pattern != null) {
                        bySelector.get(rule.selector).add(rule);
                    }
                    if (!runsWhereItsLiteralsOccur(rule)) {
                        // a !~ rule, or one with a text for an absent header, runs on every message; none of its
                        // literals occurring in the selection still spares it the regular expression
                        unfiltered.add(rule);
                    }
                }
                selectorTargets = new TargetIndex[selectors.size()];
                for (int i = 0; i < selectorTargets.length; i++) {
                    List<CompiledRule> rules = bySelector.get(i);
                    if (!rules.isEmpty()) {
                        TargetIndex target = TargetIndex.of(rules, rule -> true, anchors, literalPatterns, compiled.length,
                            Compilation::runsWhereItsLiteralsOccur, options);
                        for (CompiledRule rule : target.alwaysRunRules(rules)) {
                            if (runsWhereItsLiteralsOccur(rule)) {
                                unfiltered.add(rule);
                            }
                        }
                        selectorTargets[i] = target.literalCount() > 0 ? target : null;
                    }
                }
                byTarget.put(RuleType.HEADER, unfiltered);
            }
            boolean perSelection = selectorTargets != null;
            byTarget.forEach((type, rules) -> {
                if (type == RuleType.HEADER && perSelection) {
                    targets.put(type, TargetIndex.of(rules, rule -> false));
                } else if (type == RuleType.HEADER || type == RuleType.MIMEHEADER) {
                    targets.put(type, TargetIndex.of(rules,
                        rule -> type == RuleType.HEADER && headerRuleIsFilterable(rule)));
                } else {
                    targets.put(type, options.anchorSearch()
                        ? TargetIndex.of(rules, rule -> true, anchors, literalPatterns, compiled.length, rule -> true,
                            options)
                        : TargetIndex.of(rules, rule -> true));
                }
            });
            BitSet lineStartsOnly = new BitSet(compiled.length);
            byTarget.forEach((type, rules) -> {
                if (type != RuleType.MIMEHEADER && options.startCharSearch()) {
                    for (CompiledRule rule : rules) {
                        if (anchors[rule.index] != null || rule.pattern == null) {
                            continue;
                        }
                        if (type != RuleType.HEADER) {
                            startChars[rule.index] = StartChars.of(rule.pattern);
                        }
                        if (startChars[rule.index] == null && StartChars.lineStartsOnly(rule.pattern)) {
                            lineStartsOnly.set(rule.index);
                        }
                    }
                }
            });
            List<Integer> metas = new ArrayList<>();
            for (String name : ruleSet.metaPlan().order()) {
                Integer index = indexByName.get(name);
                if (index != null && compiled[index] != null) {
                    metas.add(index);
                }
            }
            // one reader of the patterns' supersets for the rules' filters, their ASCII variants' and the groups'
            RegularSuperset reader = new RegularSuperset(atoms, RegularFilter.MAX_NONDETERMINISTIC_STATES);
            RegularFilter[] filters = regularFilters(compiled, anchors, asciiAnchors, literalPatterns, startChars, reader);
            RegularFilter[] asciiFilters = asciiFilters(compiled, filters, reader);
            boolean grouped = options.regularFilters() && options.filterGroups();
            RegularFilters allFilters = new RegularFilters(filters, asciiFilters,
                grouped ? FilterGroups.of(compiled, filters, rule -> rule.pattern, reader) : FilterGroups.none(),
                grouped ? FilterGroups.of(compiled, asciiFilters,
                    rule -> rule.asciiPattern != null ? rule.asciiPattern : rule.pattern, reader) : FilterGroups.none());
            return new CompiledRuleSet(ruleSet, options, compiled, Collections.unmodifiableMap(indexByName),
                List.copyOf(selectors), targets, toArray(evals), toArray(metas),
                List.copyOf(unused.values()), startChars, lineStartsOnly, anchors, literalPatterns, selectorTargets,
                MetaNeeds.of(compiled, metas), asciiAnchors, allFilters, layout);
        }

        /**
         * The filters of the pattern rules that would try many positions of every text they
         * run on: no anchor and no start characters (header rules have none), start
         * characters that leave {@link RegularFilter#MIN_EXPECTED_TRIES} attempts per
         * character or more, or an anchor (the ASCII variant's, when it has one) that leaves
         * {@link RegularFilter#MIN_ANCHOR_TRIES}; not literal strings. An anchored rule's
         * filter runs on a text only where the anchor occurs often enough in it.
         */
        private RegularFilter[] regularFilters(CompiledRule[] compiled, AnchorSearch[] anchors, AnchorSearch[] asciiAnchors,
                                               LiteralPattern[] literalPatterns, long[][] startChars,
                                               RegularSuperset reader) {
            RegularFilter[] filters = new RegularFilter[compiled.length];
            if (!options.regularFilters()) {
                return filters;
            }
            List<CompiledRule> filtered = new ArrayList<>();
            for (CompiledRule rule : compiled) {
                if (rule == null || rule.pattern == null || rule.type == RuleType.MIMEHEADER
                    || literalPatterns[rule.index] != null) {
                    continue;
                }
                // a header or uri rule held to where its text or a line starts (kept below): its filter shares the
                // group pass over a short text, and rules out more than its anchor does
                if (wantsFilter(rule, anchors, asciiAnchors, startChars) || rule.type == RuleType.HEADER
                    || rule.type == RuleType.URI) {
                    filtered.add(rule);
                }
            }
            // each automaton on its own, on every core: the determinising is most of the compilation's extra time
            filtered.parallelStream().forEach(rule ->
                filters[rule.index] = RegularFilter.of(rule.pattern, reader)
                    .filter(filter -> wantsFilter(rule, anchors, asciiAnchors, startChars) || filter.startAnchored())
                    .orElse(null));
            return filters;
        }

        /**
         * Whether the rule would try many positions of its texts: no anchor and no start
         * characters, common start characters, or a weak anchor.
         */
        private static boolean wantsFilter(CompiledRule rule, AnchorSearch[] anchors, AnchorSearch[] asciiAnchors,
                                           long[][] startChars) {
            AnchorSearch anchor = anchors[rule.index];
            long[] starts = startChars[rule.index];
            boolean everywhere = anchor == null && starts == null;
            // an ASCII text is searched with the ASCII variant's anchor: that one says how weak the anchor is
            AnchorSearch searched = asciiAnchors[rule.index] != null ? asciiAnchors[rule.index] : anchor;
            boolean weakAnchor = anchor != null && searched.expectedTries() >= RegularFilter.MIN_ANCHOR_TRIES;
            boolean commonStarts = starts != null && StartChars.share(starts) >= RegularFilter.MIN_EXPECTED_TRIES;
            return everywhere || weakAnchor || commonStarts;
        }

        /**
         * The filters of texts of ASCII characters only: for a rule with a filter and an ASCII
         * variant ({@link CompiledRule#asciiPattern}), the variant's (whole where the pattern's
         * is built by each thread: 39 of the 58 such filters of the stock and bench rules);
         * for another rule with a filter, its filter.
         */
        private RegularFilter[] asciiFilters(CompiledRule[] compiled, RegularFilter[] filters, RegularSuperset reader) {
            RegularFilter[] ascii = filters.clone();
            if (!options.regularFilters()) {
                return ascii;
            }
            Arrays.stream(compiled).parallel()
                .filter(rule -> rule != null && filters[rule.index] != null && rule.asciiPattern != null)
                .forEach(rule -> ascii[rule.index] = RegularFilter.of(rule.asciiPattern, reader).orElse(filters[rule.index]));
            return ascii;
        }

        /** Whether a header rule runs only where one of its literals occurs in its selection. */
        private static boolean runsWhereItsLiteralsOccur(CompiledRule rule) {
            return rule.pattern != null && !rule.negated && rule.ifUnset == null;
        }

        private boolean headerRuleIsFilterable(CompiledRule rule) {
            return rule.pattern != null && !rule.negated && rule.ifUnset == null
                && selectors.get(rule.selector).withinAllHeaders();
        }

        private CompiledRule compile(int index, RuleDefinition definition, Map<String, Integer> indexByName) {
            double score = definition.score().inSet(options.scoreSet());
            CompiledRule.Builder builder = CompiledRule.builder(index, definition.name(), definition.type())
                .score(score)
                .description(definition.description().orElse(""))
                .counting(definition.tflags().multiple(), definition.tflags().maxHits().orElse(Integer.MAX_VALUE))
                .noSubject(definition.type() == RuleType.BODY && definition.tflags().has("nosubject"))
                .asciiVariants(options.asciiVariants())
                .possessive(options.autoPossessive() ? possessive : null);
            Optional<EvalCall> eval = definition.eval();
            if (eval.isPresent()) {
                EvalFunction function = functions.get(eval.get().function()).orElseThrow(() ->
                    new IllegalArgumentException("eval not implemented: " + eval.get().function()));
                return builder.eval(function, eval.get().arguments()).build();
            }
            if (definition.meta().isPresent()) {
                List<String> operands = definition.meta().get().operands();
                int[] indices = new int[operands.size()];
                for (int i = 0; i < indices.length; i++) {
                    indices[i] = indexByName.getOrDefault(operands.get(i), -1);
                }
                return builder.meta(definition.meta().get(), indices).build();
            }
            definition.pattern().ifPresent(pattern -> builder.pattern(pattern.pattern()));
            if (definition.type() == RuleType.MIMEHEADER) {
                HeaderSpec spec = definition.header().orElseThrow(() ->
                    new IllegalArgumentException("mimeheader rule without a header specification"));
                builder.partHeader(MimeHeaderSelector.of(spec, definition.tflags()), spec.negated());
            } else if (definition.type() == RuleType.HEADER) {
                HeaderSpec spec = definition.header().orElseThrow(() ->
                    new IllegalArgumentException("header rule without a header specification"));
                HeaderSelector selector = HeaderSelector.of(spec);
                Integer selectorId = selectorIndex.get(selector.key());
                if (selectorId == null) {
                    selectorId = selectors.size();
                    selectorIndex.put(selector.key(), selectorId);
                    selectors.add(selector);
                }
                builder.header(selectorId, spec.negated(), spec.ifUnset().map(ByteText::of).orElse(null));
            } else if (definition.pattern().isEmpty()) {
                throw new IllegalArgumentException(definition.type().directive() + " rule without a pattern");
            }
            return builder.build();
        }

        private static int[] toArray(List<Integer> values) {
            return values.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
