package org.cleanmail.core.scoring;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.cleanmail.core.prefilter.CharFrequency;
import org.cleanmail.core.prefilter.LiteralMatcher;
import org.cleanmail.core.prefilter.RegexLiteralExtractor;
import org.cleanmail.core.prefilter.RegexLiteralExtractor.Analysis;

/**
 * The prefilter of the pattern rules of one target (body, rawbody, full, uri, header):
 * the literals each rule needs, one {@link LiteralMatcher} over them all, and the rules
 * that have no usable literal and so always run. One pass of the matcher over a text
 * gives the rules that can match it. For the body, rawbody, uri and full targets the pass
 * runs over each of the message's texts and records where each literal occurs
 * ({@link LiteralOccurrences}); a rule with an anchor ({@link AnchorSearch}) is filtered by
 * its anchor's literals and then tried only near their occurrences, a rule without one only
 * on the texts that hold one of its literals; a rule that is a few literal strings
 * ({@link LiteralPattern}) is filtered by them and decided where they occur. Building is linear in the number of rules and
 * literals. Immutable and thread-safe.
 */
final class TargetIndex {
    private static final int[] NO_RULES = new int[0];
    /** The options of a target of one text: no boundary kinds, every literal found. */
    private static final ScoringOptions ONE_TEXT = ScoringOptions.builder().boundaryKinds(false)
        .commonLiteralsUnrecorded(false).build();
    private static final int MAX_OTHER_REQUIREMENTS = 3;
    private static final int MAX_OTHER_REQUIREMENT_LITERALS = 64;
    /** The share of mail text a character makes up beyond which, alone, it is {@link #tooCommon}. */
    static final double COMMON_SHARE = 0.01;
    /**
     * A {@link #decidedByLiteral} entry: the kinds in the low four bits, then whether the rule
     * skips a first text that is the Subject ({@code nosubject}), the rule index above.
     */
    private static final int KIND_MASK = (1 << 4) - 1;
    private static final int SKIPS_SUBJECT = 1 << 4;
    private static final int RULE_SHIFT = 5;

    private final int[] alwaysRun;
    private final LiteralMatcher matcher;
    /** The rules by literal id, with their other requirements. */
    private final LiteralCandidates candidatesByLiteral;
    /** Literal ids by rule index: the literals whose occurrences a filtered rule reads; null for other rules. */
    private final int[][] literalsByRule;
    /** The other requirements of the filtered rules ({@link OtherRequirements}), or null for a target of one text. */
    private final OtherRequirements alsoRequired;
    /** By rule index: how many occurrences of its literals, at distinct positions, a text needs (0 read as 1). */
    private final int[] minOccurrences;
    private final int filteredRules;
    /** By literal id: whether a {@link LiteralPattern} reads its boundary kinds; null when none does. */
    private final boolean[] kindsWanted;
    /**
     * By literal id: the rules decided by the boundary kinds of their literals' occurrences
     * alone ({@link #decideByKinds}), each as {@code rule << RULE_SHIFT | SKIPS_SUBJECT? | kinds}
     * with the kinds an occurrence of this literal needs to be the rule's match; null entries
     * for none, or null when no rule is.
     */
    private final int[][] decidedByLiteral;
    /** This thread's last {@link #occurrences}, whose per-literal array the next reuses. */
    private final ThreadLocal<LiteralOccurrences[]> lastOccurrences = ThreadLocal.withInitial(() -> new LiteralOccurrences[1]);

    private TargetIndex(int[] alwaysRun, LiteralMatcher matcher, int[][] rulesByLiteral, int[][] literalsByRule,
                        int[][][] alsoRequired, int[] minOccurrences, int filteredRules, boolean[] kindsWanted,
                        int[][] decidedByLiteral) {
        this.decidedByLiteral = decidedByLiteral;
        this.alwaysRun = alwaysRun;
        this.matcher = matcher;
        this.candidatesByLiteral = LiteralCandidates.of(rulesByLiteral, alsoRequired);
        this.literalsByRule = literalsByRule;
        this.alsoRequired = alsoRequired == null ? null : OtherRequirements.of(alsoRequired);
        this.minOccurrences = minOccurrences;
        this.filteredRules = filteredRules;
        this.kindsWanted = kindsWanted;
    }

    /** The index of a target whose rules see one text (the headers): no anchors, no occurrences. */
    static TargetIndex of(List<CompiledRule> rules, Predicate<CompiledRule> filterable) {
        return of(rules, filterable, null, null, 0, rule -> true, ONE_TEXT);
    }

    /**
     * Whether a rule is decided by the boundary kinds of its literals' occurrences where they
     * are found ({@link #decideByKinds}) rather than as a candidate: a rule whose literal
     * strings are all so decided and that runs where its literals occur (not a header rule's
     * {@code !~} or {@code if-unset}).
     */
    private static boolean decidedWhereFound(LiteralPattern strings, boolean boundaryKinds, CompiledRule rule,
                                             Predicate<CompiledRule> marked) {
        return boundaryKinds && strings.decidedByKinds() && marked.test(rule);
    }

    /**
     * @param rules the target's pattern rules
     * @param filterable which of them may be skipped when none of their literals occurs
     * @param anchors the rules' anchors by rule index (null entries for rules without one), or
     *     null when the target does not record occurrences
     * @param literalPatterns the rules that are literal strings by rule index ({@link LiteralPattern}, null
     *     entries for others): filtered by those strings, whatever their anchor; null with {@code anchors}
     * @param ruleCount the number of rules of the whole rule set
     * @param marked which rules become candidates where their literals occur; the others (run
     *     on every message, such as {@code !~} header rules) only read where they occur, and
     *     none of them occurring spares them their regular expression
     * @param options whether the occurrences of literal patterns' literals are summed up
     *     ({@link ScoringOptions#boundaryKinds()}), and whether common literals are left out
     *     ({@link ScoringOptions#commonLiteralsUnrecorded()})
     */
    static TargetIndex of(List<CompiledRule> rules, Predicate<CompiledRule> filterable, AnchorSearch[] anchors,
                          LiteralPattern[] literalPatterns, int ruleCount, Predicate<CompiledRule> marked,
                          ScoringOptions options) {
        boolean boundaryKinds = options.boundaryKinds();
        boolean skipCommon = options.commonLiteralsUnrecorded();
        List<Integer> always = new ArrayList<>();
        Map<String, Integer> literalIds = new HashMap<>();
        List<List<Integer>> byLiteral = new ArrayList<>();
        int[][] literalsByRule = anchors == null ? null : new int[ruleCount][];
        int[][][] alsoRequired = anchors == null ? null : new int[ruleCount][][];
        int[] minOccurrences = anchors == null ? null : new int[ruleCount];
        int filtered = 0;
        Set<Integer> withKinds = new HashSet<>();
        Map<Integer, List<Integer>> decided = new HashMap<>();
        for (CompiledRule rule : rules) {
            LiteralPattern strings = literalPatterns == null ? null : literalPatterns[rule.index];
            if (strings != null) {
                // in the order of LiteralPattern.literals(): an occurrence's place in literalsOf() numbers its literal
                filtered++;
                int[] ids = strings.literals().stream().mapToInt(literal -> literalId(literal, literalIds, byLiteral))
                    .toArray();
                boolean decidedWhereFound = decidedWhereFound(strings, boundaryKinds, rule, marked);
                for (int i = 0; i < ids.length; i++) {
                    if (decidedWhereFound) {
                        decided.computeIfAbsent(ids[i], id -> new ArrayList<>()).add(rule.index << RULE_SHIFT
                            | (rule.noSubject ? SKIPS_SUBJECT : 0) | strings.acceptedKinds(i));
                    } else if (marked.test(rule)) {
                        byLiteral.get(ids[i]).add(rule.index);
                    }
                }
                literalsByRule[rule.index] = ids;
                for (int i = 0; i < ids.length; i++) {
                    if (strings.foundIsMatched(i)) {
                        withKinds.add(ids[i]);
                    }
                }
                continue;
            }
            boolean anchored = anchors != null && anchors[rule.index] != null;
            Analysis analysis = rule.pattern == null || !(anchored || filterable.test(rule)) ? null
                : RegexLiteralExtractor.analyse(rule.pattern.pattern(), (rule.pattern.flags() & Pattern.COMMENTS) != 0);
            Set<String> literals = literalsToFind(rule, analysis, anchors);
            if (skipCommon && anyTooCommon(literals)) {
                literals = Set.of();
            }
            if (literals.isEmpty()) {
                always.add(rule.index);
                continue;
            }
            filtered++;
            int[] ids = new int[literals.size()];
            int next = 0;
            for (String literal : literals) {
                int id = literalId(literal, literalIds, byLiteral);
                if (marked.test(rule)) {
                    byLiteral.get(id).add(rule.index);
                }
                ids[next++] = id;
            }
            if (literalsByRule != null) {
                literalsByRule[rule.index] = ids;
                if (anchors[rule.index] == null) {
                    minOccurrences[rule.index] = analysis.minimumOccurrences();
                }
                List<Set<String>> others = otherRequirements(analysis, literals, skipCommon);
                if (!others.isEmpty()) {
                    int[][] required = new int[others.size()][];
                    for (int i = 0; i < required.length; i++) {
                        required[i] = others.get(i).stream().mapToInt(literal -> literalId(literal, literalIds, byLiteral))
                            .toArray();
                    }
                    alsoRequired[rule.index] = required;
                }
            }
        }
        List<String> literalList = new ArrayList<>(literalIds.size());
        for (int i = 0; i < byLiteral.size(); i++) {
            literalList.add(null);
        }
        literalIds.forEach((literal, id) -> literalList.set(id, literal));
        int[][] rulesByLiteral = new int[byLiteral.size()][];
        for (int i = 0; i < rulesByLiteral.length; i++) {
            rulesByLiteral[i] = toArray(byLiteral.get(i));
        }
        LiteralMatcher matcher = literalList.isEmpty() ? null : LiteralMatcher.of(literalList);
        boolean[] kindsWanted = null;
        if (boundaryKinds && !withKinds.isEmpty()) {
            kindsWanted = new boolean[literalList.size()];
            for (int id : withKinds) {
                kindsWanted[id] = true;
            }
        }
        int[][] decidedByLiteral = null;
        if (!decided.isEmpty()) {
            decidedByLiteral = new int[literalList.size()][];
            for (Map.Entry<Integer, List<Integer>> entry : decided.entrySet()) {
                decidedByLiteral[entry.getKey()] = toArray(entry.getValue());
            }
        }
        return new TargetIndex(toArray(always), matcher, rulesByLiteral, literalsByRule, alsoRequired, minOccurrences,
            filtered, kindsWanted, decidedByLiteral);
    }

    private static int literalId(String literal, Map<String, Integer> literalIds, List<List<Integer>> byLiteral) {
        Integer id = literalIds.get(literal);
        if (id == null) {
            id = byLiteral.size();
            literalIds.put(literal, id);
            byLiteral.add(new ArrayList<>(1));
        }
        return id;
    }

    /**
     * The requirements of a rule's pattern besides the literals it is filtered by, a few small
     * ones ({@code skipCommon}: none that holds a literal {@link #tooCommon}).
     */
    private static List<Set<String>> otherRequirements(Analysis analysis, Set<String> filteredBy, boolean skipCommon) {
        List<Set<String>> others = new ArrayList<>();
        for (Set<String> requirement : analysis.requirements()) {
            if (!requirement.equals(filteredBy) && requirement.size() <= MAX_OTHER_REQUIREMENT_LITERALS
                && others.size() < MAX_OTHER_REQUIREMENTS && !(skipCommon && anyTooCommon(requirement))) {
                others.add(requirement);
            }
        }
        return others;
    }

    /**
     * An anchored rule's anchor literals, else the literals one of which every match holds
     * (none for a rule that may not be filtered: no analysis); empty: always run.
     */
    private static Set<String> literalsToFind(CompiledRule rule, Analysis analysis, AnchorSearch[] anchors) {
        AnchorSearch anchor = anchors == null ? null : anchors[rule.index];
        if (anchor != null) {
            return anchor.literals();
        }
        if (analysis == null) {
            return Set.of();
        }
        Set<String> literals = analysis.required().anyOf();
        for (String literal : literals) {
            if (literal.indexOf('\n') >= 0) {
                // a literal across a line end could span two of the texts we join
                return Set.of();
            }
        }
        return literals;
    }

    /**
     * Whether a literal is too common in mail to be worth finding: one character that makes
     * up {@link #COMMON_SHARE} of mail text or more ({@link CharFrequency}), such as most
     * letters, the space and the line end. Every message holds it, so it selects no rule,
     * and recording its every occurrence costs the pass more than all the rest (the
     * {@code FUZZY_*} rules' single letters were six in seven of what the bench's body pass
     * reported).
     */
    static boolean tooCommon(String literal) {
        return literal.length() == 1 && CharFrequency.ofRaw(literal.charAt(0)) >= COMMON_SHARE;
    }

    private static boolean anyTooCommon(Set<String> literals) {
        for (String literal : literals) {
            if (tooCommon(literal)) {
                return true;
            }
        }
        return false;
    }

    private static int[] toArray(List<Integer> values) {
        if (values.isEmpty()) {
            return NO_RULES;
        }
        int[] array = new int[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }

    /** Rules that run whatever the text. */
    int[] alwaysRun() {
        return alwaysRun;
    }

    /** Those of these rules that run whatever the text (no usable literal); for targets built with anchors. */
    List<CompiledRule> alwaysRunRules(List<CompiledRule> rules) {
        List<CompiledRule> always = new ArrayList<>();
        for (CompiledRule rule : rules) {
            if (literalsByRule[rule.index] == null) {
                always.add(rule);
            }
        }
        return always;
    }

    /** Rules skipped unless one of their literals occurs. */
    int filteredRules() {
        return filteredRules;
    }

    int literalCount() {
        return matcher == null ? 0 : matcher.literalCount();
    }

    /** Whether the target records where its literals occur in each text ({@link #occurrences}). */
    boolean recordsOccurrences() {
        return literalsByRule != null;
    }

    /**
     * Where the literals occur in each of the texts; only for targets built with anchors.
     * Valid until this thread asks this target again (the next message's evaluation reuses
     * its per-literal array, {@link LiteralOccurrences#find(org.cleanmail.core.prefilter.LiteralMatcher, List, boolean[], LiteralOccurrences)}).
     */
    LiteralOccurrences occurrences(List<String> texts) {
        LiteralOccurrences[] last = lastOccurrences.get();
        last[0] = LiteralOccurrences.find(matcher, texts, kindsWanted, last[0]);
        return last[0];
    }

    /**
     * The rules decided by the boundary kinds of their literals' occurrences: {@code hit} is
     * told each that matches (some more than once), from one pass over the literals that
     * occur; the others do not match. They are never {@link #markCandidates candidates}.
     *
     * @param firstTextIsSubject whether the first text is the Subject, which {@code nosubject} rules skip
     */
    void decideByKinds(LiteralOccurrences occurrences, boolean firstTextIsSubject, IntConsumer hit) {
        if (decidedByLiteral == null) {
            return;
        }
        for (int i = 0, n = occurrences.occurringCount(); i < n; i++) {
            int literal = occurrences.occurring(i);
            int[] decided = decidedByLiteral[literal];
            if (decided != null) {
                int kinds = occurrences.kinds(literal, 0);
                for (int entry : decided) {
                    int seen = firstTextIsSubject && (entry & SKIPS_SUBJECT) != 0 ? occurrences.kinds(literal, 1) : kinds;
                    if ((entry & seen & KIND_MASK) != 0) {
                        hit.accept(entry >>> RULE_SHIFT);
                    }
                }
            }
        }
    }

    /** Marks in {@code candidates} the filtered rules one of whose literals occurs, and whose other requirements are met. */
    void markCandidates(LiteralOccurrences occurrences, BitSet candidates) {
        candidatesByLiteral.mark(occurrences, candidates);
    }

    /**
     * Whether the rule's other requirements ({@link OtherRequirements}) are met in the
     * {@code chunk}-th text, where a match of the rule would lie.
     */
    boolean meetsOtherRequirementsIn(int rule, LiteralOccurrences occurrences, int chunk) {
        return alsoRequired == null || alsoRequired.metIn(rule, occurrences, chunk);
    }

    /**
     * How many occurrences of its literals, at distinct positions, a text needs before a rule
     * without an anchor is run on it: more than 1 for a repeated group ({@code (?:x){3}}).
     */
    int minOccurrences(int ruleIndex) {
        return minOccurrences == null ? 1 : Math.max(1, minOccurrences[ruleIndex]);
    }

    /** The ids of the literals whose occurrences a filtered rule reads, or null (always-run rules, header targets). */
    int[] literalsOf(int ruleIndex) {
        return literalsByRule == null ? null : literalsByRule[ruleIndex];
    }

    /** Marks in {@code candidates} the filtered rules one of whose literals occurs in the text. */
    void markCandidates(CharSequence text, BitSet candidates) {
        if (matcher == null || text.length() == 0) {
            return;
        }
        BitSet found = matcher.find(text);
        for (int id = found.nextSetBit(0); id >= 0; id = found.nextSetBit(id + 1)) {
            candidatesByLiteral.markAll(id, candidates);
        }
    }
}
