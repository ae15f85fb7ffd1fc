package org.cleanmail.core.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.message.MessageHeaders;
import org.cleanmail.core.message.relay.RelayPath;
import org.cleanmail.core.rules.RuleType;
import org.cleanmail.core.rules.meta.MetaInputs;
import org.cleanmail.core.rules.meta.MetaProgram;
import org.cleanmail.core.scan.RuleHit;
import org.cleanmail.core.scan.ScanResult;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evaluation of one compiled rule set on one message: texts are prepared once (in
 * SpamAssassin's byte form), each target's prefilter picks the candidate rules, each rule
 * runs within its work budget, then evals and metas. Sub-rules ({@code __}) that may
 * match, and sub-metas, are left pending and run only when a meta reads them (metas
 * short-circuit {@code &&} and {@code ||}), so a costly sub-rule runs only where it can
 * matter. Metas that score are all evaluated.
 * One instance per scan; not thread-safe.
 */
final class MessageEvaluation {
    private static final Logger LOGGER = LoggerFactory.getLogger(MessageEvaluation.class);
    /** A header selection that found no field (distinct from the empty string by identity). */
    private static final String ABSENT = new String(new char[0]);
    private static final byte CHEAP = 1;
    private static final byte COSTLY = 2;
    /** How deep sub-metas are followed to tell whether reading one is cheap. */
    private static final int MAX_CHEAP_DEPTH = 4;
    private static final byte MAY_HIT = 1;
    private static final byte NO_HIT = 2;
    /** Marks a group's answer as known: its patterns take the other bits ({@link FilterGroups#GROUP_SIZE}). */
    private static final long GROUP_ASKED = Long.MIN_VALUE;
    /** How deep pending sub-metas are followed to tell whether a meta can be anything but 0. */
    private static final int MAX_NEEDS_DEPTH = 8;

    private final CompiledRuleSet rules;
    private final RuleHealth health;
    private final MessageFeatures features;
    /** This thread's per-rule arrays, claimed for this message until {@link #release}. */
    private final RuleScratch scratch;
    private final double[] values;
    private final BitSet candidates;
    /** The text this thread's matchers read ({@link ThreadMatchers}). */
    private final BudgetedText budgeted;
    /** This thread's matchers of the rules' patterns, kept from message to message ({@link CompiledRuleSet#threadMatchers}). */
    private final Matcher[] threadMatchers;
    private final String[] selected;
    /** Sub-rules that may match, run only if a meta reads them. */
    private final BitSet pending;
    private final MetaReads metaReads = new MetaReads();
    /** The rules whose value was set to something other than 0. */
    private final BitSet nonZero;
    /** The texts of each pattern target, by {@link RuleType#ordinal()}, prepared on first use. */
    private final List<List<String>> texts = new ArrayList<>();
    private final long[] nanosByRule;
    /** The texts of each mimeheader selection, by key, prepared on first use. */
    private final Map<String, List<String>> partHeaderTexts = new HashMap<>();
    /** Where each pattern target's literals occur in its texts, by {@link RuleType#ordinal()}, once scanned. */
    private final LiteralOccurrences[] occurrences = new LiteralOccurrences[RuleType.values().length];
    /** Where each header selection's rules' literals occur in it, by selector index, once scanned. */
    private final LiteralOccurrences[] selectionOccurrences;
    /** Whether the first body text is the Subject ({@code nosubject} rules skip it); computed on first use. */
    private Boolean subjectFirst;
    /** A rule's occurrences, gathered ({@link LiteralOccurrences#gather}); reused from rule to rule. */
    private long[] gathered = new long[64];
    private final int[] gatheredCount = new int[1];
    /** Whether each text holds ASCII characters only, by identity, once asked ({@link #ascii}). */
    private final Map<String, Boolean> asciiTexts = new IdentityHashMap<>();
    /** The work budget of the rule running. */
    private long budget;
    private RelayPath relayPath;
    /** This message's number, for the rules' strike window. */
    private final long message;
    private final boolean cheapFirst;
    /** Whether the rule set counts the rules its messages run ({@link RuleUse}): this one notes those it runs. */
    private final boolean countingUse;
    /** Whether reading a rule is cheap, by index: 0 not known yet, 1 cheap, 2 costly (a hint for metas' order). */
    private final byte[] cheapness;
    /** Whether a pending sub-meta can be anything but 0, by index: 0 not known yet, {@link #MAY_HIT}, {@link #NO_HIT}. */
    private final byte[] metaOutlook;
    private int regexRuns;
    private double hitScore;
    /**
     * By {@link RuleType#ordinal()} times two (plus one for the groups of texts of ASCII
     * characters only), then group and text: which of the group's patterns the text may hold
     * a match of ({@link GroupTable#mayMatch}) with {@link #GROUP_ASKED} set, 0 until asked;
     * made on first use.
     */
    private final long[][] groupAnswers = new long[2 * RuleType.values().length][];
    /** The groups answered together ({@link #answerTogether}): their tables, numbers and answers. */
    private final GroupTable[] fourTables = new GroupTable[4];
    private final int[] fourGroups = new int[4];
    private final long[] fourAnswers = new long[4];
    /** The cursors of the anchored searches, reused from rule to rule and text to text. */
    private final AnchorSearch.Occurrences anchorOccurrences = new AnchorSearch.Occurrences();
    private final AnchorSearch.Confirmation confirmation = new AnchorSearch.Confirmation();
    private final Recorded recorded = new Recorded();
    /** By group of rules that match alike ({@link SameMatches}): the count of matches plus one, 0 until counted; made on first use. */
    private int[] groupMatches;

    MessageEvaluation(CompiledRuleSet rules, RuleHealth health, MessageFeatures features) {
        this(rules, health, features, null, true);
    }

    /**
     * @param nanosByRule where to add each rule's matching time (profiling), or null
     * @param cheapFirst whether metas read cheap operands of {@code &&} first ({@link MetaInputs}); off for comparisons
     */
    MessageEvaluation(CompiledRuleSet rules, RuleHealth health, MessageFeatures features, long[] nanosByRule,
                      boolean cheapFirst) {
        this.cheapFirst = cheapFirst;
        this.message = health.messageStarted();
        this.nanosByRule = nanosByRule;
        this.rules = rules;
        this.health = health;
        this.features = features;
        this.scratch = rules.ruleScratch();
        this.countingUse = rules.use().counting();
        this.values = scratch.values;
        this.candidates = scratch.candidates;
        this.selected = new String[rules.selectors().size()];
        this.selectionOccurrences = new LiteralOccurrences[rules.selectorTargetCount()];
        this.pending = scratch.pending;
        this.nonZero = scratch.nonZero;
        this.cheapness = scratch.cheapness;
        this.metaOutlook = scratch.metaOutlook;
        ThreadMatchers kept = rules.threadMatchers();
        this.threadMatchers = kept.matchers;
        this.budgeted = kept.text;
        for (int i = 0; i < RuleType.values().length; i++) {
            texts.add(null);
        }
    }

    /** Runs every rule; returns the value of each rule by index (hit count, or meta value). */
    double[] run() {
        headerRules();
        mimeHeaderRules();
        patternRules(RuleType.BODY, () -> ByteText.of(features.body().text()));
        patternRules(RuleType.RAWBODY, () -> ByteText.of(features.rawBody().text()));
        patternRules(RuleType.URI, () -> ByteText.of(String.join("\n", features.uris().ruleTexts())));
        patternRules(RuleType.FULL, null);
        evalRules();
        metaRules();
        if (countingUse) {
            scratch.addRanTo(rules.use());
        }
        // the kept matchers read this text: let go of the message's
        budgeted.text("");
        return values;
    }

    int regexRuns() {
        return regexRuns;
    }

    /**
     * Frees this thread's per-rule arrays for the next message: the values {@link #run}
     * returned, {@link #nonZero} and {@link #hits} are not to be read afterwards. An
     * evaluation never released only keeps the next one on its thread from reusing them.
     */
    void release() {
        scratch.release();
    }

    /** Notes that the message ran the rule, while the rule set counts them ({@link RuleUse}). */
    private void ran(int index) {
        if (countingUse) {
            scratch.ran(index);
        }
    }

    /** Sets a rule's value, noting the rules whose value is not 0 ({@link #hits} reads only those). */
    private void set(int index, double value) {
        values[index] = value;
        if (value != 0) {
            nonZero.set(index);
        }
    }

    /** The rules whose value was set to something other than 0 (a superset of those whose value is not 0); not a copy. */
    BitSet nonZero() {
        return nonZero;
    }

    /** The hits of the rules that score, with their points, in the order of their names; their sum is then {@link #hitScore()}. */
    List<RuleHit> hits() {
        // the hits in name order from a bit per rank: no sort of the few hundred a message has
        long[] ranks = scratch.hitRanks;
        Arrays.fill(ranks, 0);
        int count = 0;
        for (int index = nonZero.nextSetBit(0); index >= 0; index = nonZero.nextSetBit(index + 1)) {
            int rank = rules.rankByName(index);
            if (rank >= 0 && values[index] != 0) {
                ranks[rank >>> 6] |= 1L << rank;
                count++;
            }
        }
        List<RuleHit> hits = new ArrayList<>(count);
        double score = 0;
        for (int word = 0; word < ranks.length; word++) {
            for (long bits = ranks[word]; bits != 0; bits &= bits - 1) {
                int index = rules.indexByRank(word << 6 | Long.numberOfTrailingZeros(bits));
                // a rule that hit once: its hit and score by index, without reading the rule (a few hundred hit)
                CompiledRule rule = values[index] == 1 ? null : rules.rule(index);
                if (rule == null || !rule.multiple) {
                    hits.add(rules.hit(index));
                    score += rules.score(index);
                } else {
                    hits.add(new RuleHit(rule.name, rule.score * values[index], rule.description));
                    score += rule.score * values[index];
                }
            }
        }
        hitScore = score;
        return hits;
    }

    /**
     * The sum of the scores of {@link #hits()}, in their order (as {@link ScanResult} sums
     * them), from the rules' scores by index instead of the hits, each an object of its own
     * (a few hundred a message with a large rule set).
     */
    double hitScore() {
        return hitScore;
    }

    private void headerRules() {
        TargetIndex target = rules.target(RuleType.HEADER);
        if (target == null) {
            return;
        }
        MessageHeaders headers = features.headers();
        for (int selector = 0; selector < selectionOccurrences.length; selector++) {
            TargetIndex selection = rules.selectorTarget(selector);
            if (selection != null) {
                String text = selection(selector);
                if (!text.isEmpty()) {
                    // an absent or empty field holds no literal: its filtered rules cannot match
                    selectionOccurrences[selector] = selection.occurrences(List.of(text));
                    selection.markCandidates(selectionOccurrences[selector], candidates);
                    selection.decideByKinds(selectionOccurrences[selector], false, this::hitByKinds);
                }
            }
        }
        if (target.literalCount() > 0) {
            // not capped: a field past the cap of ALL is still selected, capped, on its own
            String all = ByteText.of(headers.all()) + "\n" + ByteText.of(headers.allRaw());
            target.markCandidates(all, candidates);
        }
        for (int index : target.alwaysRun()) {
            headerRuleOrDefer(index);
        }
        for (int index = candidates.nextSetBit(0); index >= 0; index = candidates.nextSetBit(index + 1)) {
            headerRuleOrDefer(index);
        }
        candidates.clear();
    }

    /** Runs a header rule, or leaves it pending when it is a sub-rule (without reading the rule: many are). */
    private void headerRuleOrDefer(int index) {
        if (rules.subRule(index)) {
            pending.set(index);
        } else {
            headerRule(rules.rule(index));
        }
    }

    private void headerRule(CompiledRule rule) {
        ran(rule.index);
        if (health.disabled(rule.index)) {
            return;
        }
        String text = selection(rule.selector);
        if (rule.pattern == null) {
            set(rule.index, text == ABSENT ? 0 : 1);
            return;
        }
        if (text == ABSENT) {
            text = rule.ifUnset == null ? "" : rule.ifUnset;
        }
        int matches;
        if (text.isEmpty()) {
            matches = rule.matchesEmpty ? 1 : 0;
        } else {
            matches = countMatchesOnce(rule, List.of(text));
            if (matches < 0) {
                return;
            }
        }
        if (rule.negated) {
            set(rule.index, matches == 0 ? 1 : 0);
        } else {
            set(rule.index, matches);
        }
    }

    private void mimeHeaderRules() {
        TargetIndex target = rules.target(RuleType.MIMEHEADER);
        if (target == null) {
            return;
        }
        for (int index : target.alwaysRun()) {
            CompiledRule rule = rules.rule(index);
            if (rule.subRule) {
                pending.set(index);
            } else {
                mimeHeaderRule(rule);
            }
        }
    }

    /**
     * As SpamAssassin's MIMEHeader plugin: the hits of the first entity whose text matches;
     * {@code !~} fires when no entity's text matches.
     */
    private void mimeHeaderRule(CompiledRule rule) {
        ran(rule.index);
        if (health.disabled(rule.index)) {
            return;
        }
        for (String text : partHeaderTexts(rule)) {
            int matches;
            if (text.isEmpty()) {
                matches = rule.matchesEmpty ? 1 : 0;
            } else {
                matches = countMatches(rule, List.of(text));
                if (matches < 0) {
                    return;
                }
            }
            if (matches > 0) {
                set(rule.index, rule.negated ? 0 : matches);
                return;
            }
        }
        set(rule.index, rule.negated ? 1 : 0);
    }

    /** The texts of a mimeheader rule's selection, one per MIME part, in byte form. */
    List<String> partHeaderTexts(CompiledRule rule) {
        return partHeaderTexts.computeIfAbsent(rule.partHeader.key(), key ->
            byteChunks(rule.partHeader.select(features.partHeaders(), rules.options().maxHeaderChars())));
    }

    /** The text a header selection gives, capped, in byte form; {@link #ABSENT} when no field is there. */
    String selection(int selector) {
        String text = selected[selector];
        if (text == null) {
            Optional<String> found = rules.selectors().get(selector).select(features.headers(), this::relayPath);
            text = found.isPresent() ? ByteText.of(cap(found.get())) : ABSENT;
            selected[selector] = text;
        }
        return text;
    }

    /** The message's relays as the rule set's trusted/internal networks split them, analysed on first use. */
    private RelayPath relayPath() {
        if (relayPath == null) {
            relayPath = RelayPath.of(features.headers(), rules.ruleSet().relayNetworks());
        }
        return relayPath;
    }

    private String cap(String text) {
        int max = rules.options().maxHeaderChars();
        return text.length() > max ? text.substring(0, max) : text;
    }

    /** The joined text the prefilter reads. */
    private interface Joined {
        String get();
    }

    private void patternRules(RuleType type, Joined joined) {
        TargetIndex target = rules.target(type);
        if (target == null) {
            return;
        }
        if (target.literalCount() > 0) {
            if (target.recordsOccurrences()) {
                LiteralOccurrences found = target.occurrences(texts(type));
                occurrences[type.ordinal()] = found;
                target.markCandidates(found, candidates);
                target.decideByKinds(found, firstTextIsSubject(type), this::hitByKinds);
            } else {
                target.markCandidates(joined == null ? texts(type).get(0) : joined.get(), candidates);
            }
        }
        for (int index : target.alwaysRun()) {
            patternRuleOrDefer(index);
        }
        for (int index = candidates.nextSetBit(0); index >= 0; index = candidates.nextSetBit(index + 1)) {
            patternRuleOrDefer(index);
        }
        candidates.clear();
    }

    /** Sets a rule decided by its literals' boundary kinds ({@link TargetIndex#decideByKinds}) as hit, unless disabled. */
    private void hitByKinds(int index) {
        ran(index);
        if (!health.disabled(index)) {
            set(index, 1);
        }
    }

    /** Runs a candidate, or leaves it pending when it is a sub-rule (without reading the rule: most are). */
    private void patternRuleOrDefer(int index) {
        if (rules.subRule(index)) {
            pending.set(index);
        } else {
            CompiledRule rule = rules.rule(index);
            patternRule(rule, texts(rule));
        }
    }

    /** The texts a rule matches: those of its type, without the Subject paragraph for {@code nosubject}. */
    private List<String> texts(CompiledRule rule) {
        List<String> texts = texts(rule.type);
        return skipsFirstText(rule) ? texts.subList(1, texts.size()) : texts;
    }

    /** Whether a rule leaves out the first of its type's texts: a {@code nosubject} rule, when the Subject is there. */
    private boolean skipsFirstText(CompiledRule rule) {
        return rule.noSubject && firstTextIsSubject(rule.type);
    }

    /** Whether the first of a type's texts is the Subject (when there is one). */
    private boolean firstTextIsSubject(RuleType type) {
        if (texts(type).isEmpty()) {
            return false;
        }
        if (subjectFirst == null) {
            subjectFirst = features.headers().first("Subject").filter(subject -> !subject.isBlank()).isPresent();
        }
        return subjectFirst;
    }

    /** The texts rules of a type match, in byte form: body paragraphs, rawbody lines, URIs, the full message. */
    List<String> texts(RuleType type) {
        List<String> prepared = texts.get(type.ordinal());
        if (prepared == null) {
            switch (type) {
                case BODY:
                    prepared = byteChunks(features.body().chunks());
                    break;
                case RAWBODY:
                    prepared = byteChunks(features.rawBody().chunks());
                    break;
                case URI:
                    prepared = byteChunks(features.uris().ruleTexts());
                    break;
                case FULL:
                    prepared = List.of(ByteText.of(features.full()));
                    break;
                default:
                    throw new IllegalArgumentException("no texts for " + type);
            }
            texts.set(type.ordinal(), prepared);
        }
        return prepared;
    }

    /** Runs a sub-rule left pending, now that a meta reads it. */
    private void runPending(int index) {
        CompiledRule rule = rules.rule(index);
        if (rule.type == RuleType.HEADER) {
            headerRule(rule);
        } else if (rule.type == RuleType.MIMEHEADER) {
            mimeHeaderRule(rule);
        } else {
            patternRule(rule, texts(rule));
        }
    }

    private void patternRule(CompiledRule rule, List<String> chunks) {
        ran(rule.index);
        if (health.disabled(rule.index)) {
            return;
        }
        int matches = countMatchesOnce(rule, chunks);
        if (matches > 0) {
            set(rule.index, matches);
        }
    }

    /**
     * {@link #countMatches}, once per message for each group of rules that match alike
     * ({@link SameMatches}; the texts are those the group's key determines). A failure is not
     * kept: the next rule of the group tries on its own, within its own budget.
     */
    private int countMatchesOnce(CompiledRule rule, List<String> texts) {
        int group = rules.plan(rule.index).sameMatches;
        if (group < 0) {
            return countMatches(rule, texts);
        }
        if (groupMatches == null) {
            groupMatches = new int[rules.sameMatches().groups()];
        }
        if (groupMatches[group] == 0) {
            int matches = countMatches(rule, texts);
            if (matches < 0) {
                return matches;
            }
            groupMatches[group] = matches + 1;
        }
        return groupMatches[group] - 1;
    }

    /** Matches over the texts, up to the rule's maximum; -1 when the rule failed. */
    private int countMatches(CompiledRule rule, List<String> texts) {
        if (nanosByRule == null) {
            return countMatchesTimed(rule, texts);
        }
        long start = System.nanoTime();
        int count = countMatchesTimed(rule, texts);
        nanosByRule[rule.index] += System.nanoTime() - start;
        return count;
    }

    private int countMatchesTimed(CompiledRule rule, List<String> texts) {
        TargetIndex target;
        LiteralOccurrences found;
        List<String> all;
        if (rule.type == RuleType.HEADER) {
            target = rules.selectorTarget(rule.selector);
            found = target == null ? null : selectionOccurrences[rule.selector];
            all = texts;
        } else {
            target = rules.target(rule.type);
            found = occurrences[rule.type.ordinal()];
            all = found == null ? texts : texts(rule.type);
        }
        RulePlan plan = rules.plan(rule.index);
        int[] literals = plan.literals;
        LiteralPattern strings = plan.literalPattern;
        int firstChunk = all.size() - texts.size();
        if (strings != null && literals != null && found != null) {
            if (strings.decidedByKinds() && firstChunk <= 1 && found.hasKinds(literals[0])) {
                // the literal pass summed up the boundaries around each occurrence: nothing left to read
                return strings.matchesByKinds(found, literals, firstChunk) ? 1 : 0;
            }
            List<String> chunks = all;
            return found.any(literals, firstChunk,
                (chunk, start, literal) -> strings.matchesAt(chunks.get(chunk), start, literal)) ? 1 : 0;
        }
        try {
            return literals != null && found != null
                ? searchAtOccurrences(rule, plan, target, found, all, firstChunk)
                : search(rule, plan, texts);
        } catch (BudgetExceededException e) {
            fail(rule, "work budget of " + budget + " characters exceeded");
        } catch (StackOverflowError e) {
            fail(rule, "stack overflow in the regular expression");
        } catch (RuntimeException e) {
            fail(rule, "regular expression failed: " + e);
        }
        return -1;
    }

    private void budgetFor(long textLength) {
        budget = rules.options().ruleBudget() + ScoringOptions.BUDGET_PER_TEXT_CHAR * textLength;
        budgeted.budget(budget);
    }

    /** Matches over every text, near the rule's anchor, at its start characters, or everywhere. */
    private int search(CompiledRule rule, RulePlan plan, List<String> texts) {
        long length = 0;
        for (String text : texts) {
            length += text.length();
        }
        budgetFor(length);
        int count = 0;
        AnchorSearch anchor = plan.anchor;
        AnchorSearch asciiAnchor = plan.asciiAnchor;
        long[] starts = anchor == null ? plan.startChars : null;
        boolean lineStarts = anchor == null && plan.lineStartsOnly;
        boolean filtered = plan.filter != null;
        Matchers matchers = new Matchers(rule);
        int firstChunk = filtered && rule.type != RuleType.HEADER ? texts(rule.type).size() - texts.size() : 0;
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (filtered && filterRejects(rule, plan, firstChunk + i, text)) {
                continue;
            }
            budgeted.text(text);
            Matcher matcher = matchers.forText(text);
            if (matcher == null) {
                continue;
            }
            regexRuns += matchers.firstUse() ? 1 : 0;
            AnchorSearch near = asciiAnchor != null && ascii(text) ? asciiAnchor : anchor;
            count = countIn(rule, matcher, near, starts, lineStarts, text,
                near == null ? null : anchorOccurrences.on(near, text), confirmation, count);
            if (count >= rule.maxHits) {
                return count;
            }
        }
        return count;
    }

    /**
     * Whether a rule's filter rules the text out, the {@code chunk}-th of its target's texts:
     * its group's answer ({@link FilterGroups}, a pass over the text made once per message
     * for all the group's rules), or its own filter's; for a text of ASCII characters only,
     * the filters of the rule's ASCII variant where it has one
     * ({@link CompiledRuleSet#regularFilter(int, boolean)}).
     */
    private boolean filterRejects(CompiledRule rule, RulePlan plan, int chunk, String text) {
        boolean asciiText = ascii(text);
        int group = plan.group(asciiText);
        if (group >= 0) {
            return (groupAnswer(rule.type, rules.filterGroups(asciiText), asciiText, group, chunk, text)
                & plan.groupBit(asciiText)) == 0;
        }
        return !plan.filter(asciiText).mayMatch(text);
    }

    /**
     * Which of a group's patterns the text may hold a match of, the {@code chunk}-th of its
     * target's texts (a header group's one selection: chunk 0): once per message.
     */
    private long groupAnswer(RuleType type, FilterGroups groups, boolean asciiText, int group, int chunk, String text) {
        int slot = 2 * type.ordinal() + (asciiText ? 1 : 0);
        long[] answers = groupAnswers[slot];
        int chunks = type == RuleType.HEADER ? 1 : texts(type).size();
        if (answers == null) {
            answers = new long[groups.groups(type) * chunks];
            groupAnswers[slot] = answers;
        }
        int cell = group * chunks + chunk;
        if (answers[cell] == 0) {
            answerTogether(type, groups, group, chunk, chunks, answers, text);
        }
        return answers[cell];
    }

    /**
     * The answers of the group, and of up to three of the next groups of the target not yet
     * asked about the text that read it too (a header group's neighbours of the same
     * selection), in one pass ({@link GroupTable#mayMatchFour}): the groups are in
     * rule order, the most run first, so that the groups asked about a text are mostly
     * neighbours, and most of the target's texts are asked about by the groups of the rules
     * that run on every message.
     */
    private void answerTogether(RuleType type, FilterGroups groups, int group, int chunk, int chunks, long[] answers,
                                String text) {
        GroupTable[] four = fourTables;
        int count = 0;
        for (int g = group; g < groups.groups(type) && count < four.length && groups.sameTexts(type, group, g); g++) {
            if (answers[g * chunks + chunk] == 0) {
                four[count] = groups.table(type, g);
                fourGroups[count++] = g;
            }
        }
        if (count == 1) {
            answers[group * chunks + chunk] = four[0].mayMatch(text) | GROUP_ASKED;
            return;
        }
        for (int i = count; i < four.length; i++) {
            four[i] = four[0];
        }
        GroupTable.mayMatchFour(four, text, fourAnswers);
        for (int i = 0; i < count; i++) {
            answers[fourGroups[i] * chunks + chunk] = fourAnswers[i] | GROUP_ASKED;
        }
    }

    /**
     * Whether a pass of the rule's regular filter over the text costs less than the attempts
     * near the anchor's occurrences it may spare: a few occurrences in a long text are
     * tried directly (each attempt costs about {@link RegularFilter#ATTEMPT_IN_CHARACTERS}
     * characters of the filter's pass). Without an anchor, always; and for a rule whose
     * filter is in a group ({@link FilterGroups}), whose one pass over the text answers for
     * all its rules: the attempts, each on a cold pattern, cost more than a share of it.
     */
    private boolean worthFiltering(RulePlan plan, AnchorSearch anchor, int occurrences, String text) {
        return anchor == null
            || (long) occurrences * anchor.window() * RegularFilter.ATTEMPT_IN_CHARACTERS >= text.length()
            || plan.group(ascii(text)) >= 0;
    }

    /** Matches in one text, near the anchor's occurrences {@code next} gives, at start characters, at line starts, or everywhere. */
    private static int countIn(CompiledRule rule, Matcher matcher, AnchorSearch anchor, long[] starts, boolean lineStarts,
                               String text, NextOccurrence next, AnchorSearch.Confirmation confirmation, int counted) {
        if (anchor != null) {
            return findNearAnchors(rule, matcher, anchor, text, next, confirmation, counted);
        }
        if (starts != null) {
            return findAtStarts(rule, matcher, starts, text, counted);
        }
        if (lineStarts) {
            return findAtLineStarts(rule, matcher, text, counted);
        }
        return findAll(rule, matcher, counted);
    }

    /**
     * Matches over the texts of the rule's target that hold one of its literals, where the
     * target's one literal pass recorded them: near those occurrences for an anchored rule,
     * at their start characters or everywhere in those texts for another (skipping texts with
     * fewer occurrences than a repeated group needs, {@link TargetIndex#minOccurrences}).
     * Texts before {@code firstChunk} are skipped (a {@code nosubject} rule skips the Subject),
     * as are texts that lack one of the rule's other requirements ({@link TargetIndex#meetsOtherRequirementsIn}).
     */
    private int searchAtOccurrences(CompiledRule rule, RulePlan plan, TargetIndex target, LiteralOccurrences found,
                                    List<String> all, int firstChunk) {
        int minOccurrences = plan.minOccurrences;
        gathered = found.gather(plan.literals, firstChunk, gathered, gatheredCount);
        long[] positions = gathered;
        int n = gatheredCount[0];
        if (n == 0) {
            return 0;
        }
        long length = 0;
        for (int i = 0, last = -1; i < n; i++) {
            int chunk = LiteralOccurrences.chunk(positions[i]);
            if (chunk != last) {
                length += all.get(chunk).length();
                last = chunk;
            }
        }
        budgetFor(length);
        AnchorSearch anchor = plan.anchor;
        AnchorSearch asciiAnchor = plan.asciiAnchor;
        long[] starts = anchor == null ? plan.startChars : null;
        boolean lineStarts = anchor == null && plan.lineStartsOnly;
        boolean filtered = plan.filter != null;
        Matchers matchers = new Matchers(rule);
        int count = 0;
        for (int i = 0; i < n;) {
            int chunk = LiteralOccurrences.chunk(positions[i]);
            int end = i + 1;
            while (end < n && LiteralOccurrences.chunk(positions[end]) == chunk) {
                end++;
            }
            if (anchor == null && minOccurrences > 1 && distinctStarts(positions, i, end) < minOccurrences
                || all.size() > 1 && !target.meetsOtherRequirementsIn(rule.index, found, chunk)) {
                i = end;
                continue;
            }
            String text = all.get(chunk);
            if (filtered && worthFiltering(plan, anchor, end - i, text) && filterRejects(rule, plan, chunk, text)) {
                i = end;
                continue;
            }
            budgeted.text(text);
            Matcher matcher = matchers.forText(text);
            if (matcher == null) {
                i = end;
                continue;
            }
            regexRuns += matchers.firstUse() ? 1 : 0;
            if (asciiAnchor != null && ascii(text)) {
                // the ASCII variant's own anchor, found by its own scan of the text: far fewer attempts
                count = findNearAnchors(rule, matcher, asciiAnchor, text, anchorOccurrences.on(asciiAnchor, text),
                    confirmation, count);
            } else {
                count = countIn(rule, matcher, anchor, starts, lineStarts, text, recorded.on(positions, i, end), confirmation,
                    count);
            }
            if (count >= rule.maxHits) {
                return count;
            }
            i = end;
        }
        return count;
    }

    /** How many different start positions {@code positions[from..to)} (sorted) hold. */
    private static int distinctStarts(long[] positions, int from, int to) {
        int distinct = 0;
        for (int i = from; i < to; i++) {
            distinct += i == from || positions[i] != positions[i - 1] ? 1 : 0;
        }
        return distinct;
    }

    /** Where the anchor's literals occur next in a text. */
    interface NextOccurrence {
        /** The first occurrence at or after {@code position} (asked for ever later positions), or -1. */
        int atOrAfter(int position);
    }

    /** The occurrences the target's literal pass recorded in one text: {@code positions[from..to)}, sorted. */
    private static final class Recorded implements NextOccurrence {
        private long[] positions;
        private int to;
        private int next;

        /** This reader, set on {@code positions[from..to)} (it is reused from text to text). */
        Recorded on(long[] positions, int from, int to) {
            this.positions = positions;
            this.next = from;
            this.to = to;
            return this;
        }

        @Override
        public int atOrAfter(int position) {
            while (next < to && LiteralOccurrences.start(positions[next]) < position) {
                next++;
            }
            return next < to ? LiteralOccurrences.start(positions[next]) : -1;
        }
    }

    /**
     * A rule's matchers over the budgeted text: one of its pattern, one of its ASCII variant
     * ({@link CompiledRule#asciiPattern}) for texts of ASCII characters only, this thread's
     * ({@link CompiledRuleSet#threadMatchers}), its region set for each attempt. Bounds are transparent and
     * not anchoring, so that searches from a position see what precedes it.
     */
    private final class Matchers {
        private final CompiledRule rule;
        private boolean used;

        Matchers(CompiledRule rule) {
            this.rule = rule;
        }

        /** True the first time it is asked: counts the rule's regular expression as run once. */
        boolean firstUse() {
            boolean first = !used;
            used = true;
            return first;
        }

        /**
         * The matcher for the text, which the budgeted text must hold already; null when the
         * rule cannot match it ({@link CompiledRule#asciiNever}).
         */
        Matcher forText(String text) {
            if (rule.asciiNever && ascii(text)) {
                return null;
            }
            return rule.asciiPattern != null && ascii(text) ? ready(rule.runAsciiPattern, 1) : ready(rule.runPattern, 0);
        }

        /**
         * This thread's matcher of the pattern (made on first use, kept for the next messages),
         * on the budgeted text: the searches set its region (or reset it) before each attempt.
         */
        private Matcher ready(Pattern pattern, int variant) {
            int slot = 2 * rule.index + variant;
            Matcher kept = threadMatchers[slot];
            if (kept != null) {
                return kept;
            }
            Matcher created = pattern.matcher(budgeted);
            created.useTransparentBounds(true);
            created.useAnchoringBounds(false);
            threadMatchers[slot] = created;
            return created;
        }
    }

    /** Whether the text holds ASCII characters only (where Java's \b is Perl's), computed once per text. */
    private boolean ascii(String text) {
        Boolean known = asciiTexts.get(text);
        if (known == null) {
            boolean ascii = true;
            for (int i = 0, n = text.length(); i < n && ascii; i++) {
                ascii = text.charAt(i) < 128;
            }
            known = ascii;
            asciiTexts.put(text, known);
        }
        return known;
    }

    /** Every match of the matcher's pattern in its whole text (it is reset first), up to the rule's maximum. */
    static int findAll(CompiledRule rule, Matcher matcher, int counted) {
        matcher.reset();
        int count = counted;
        while (count < rule.maxHits && matcher.find()) {
            count++;
        }
        return count;
    }

    /**
     * As {@link #findAll}, trying only the start of the text, the positions that hold a
     * possible start character, and the end.
     */
    private static int findAtStarts(CompiledRule rule, Matcher matcher, long[] starts, String text, int counted) {
        int count = counted;
        int length = text.length();
        int from = 0;
        while (count < rule.maxHits && from <= length) {
            int position = from == 0 ? 0 : StartChars.next(starts, text, from);
            matcher.region(position, length);
            if (matcher.lookingAt()) {
                count++;
                from = matcher.end() > position ? matcher.end() : position + 1;
            } else {
                from = position + 1;
            }
        }
        return count;
    }

    /**
     * As {@link #findAll}, trying only the start of the text and the positions after a line
     * feed: a pattern whose matches start nowhere else ({@link StartChars#lineStartsOnly}).
     */
    static int findAtLineStarts(CompiledRule rule, Matcher matcher, String text, int counted) {
        int count = counted;
        int length = text.length();
        int position = 0;
        while (count < rule.maxHits) {
            matcher.region(position, length);
            int from = position + 1;
            if (matcher.lookingAt()) {
                count++;
                from = Math.max(matcher.end(), from);
            }
            // the first line start at or after from
            int feed = from > length ? -1 : text.indexOf('\n', from - 1);
            if (feed < 0) {
                break;
            }
            position = feed + 1;
        }
        return count;
    }

    /**
     * As {@link #findAll}, trying only the positions from which an occurrence of the rule's
     * anchor lies within its offset window: no match can start anywhere else. The windows
     * of successive occurrences never move back (an opening run's start is the same or later
     * for a later occurrence), so no position is skipped that a later occurrence would need.
     */
    static int findNearAnchors(CompiledRule rule, Matcher matcher, AnchorSearch anchor, String text, int counted) {
        return findNearAnchors(rule, matcher, anchor, text, new AnchorSearch.Occurrences().on(anchor, text),
            new AnchorSearch.Confirmation(), counted);
    }

    /**
     * As {@link #findNearAnchors(CompiledRule, Matcher, AnchorSearch, String, int)}, the
     * occurrences from {@code next}; {@code reused} is set on the anchor's confirming anchor, if it has one.
     */
    static int findNearAnchors(CompiledRule rule, Matcher matcher, AnchorSearch anchor, String text, NextOccurrence next,
                               AnchorSearch.Confirmation reused, int counted) {
        int count = counted;
        int length = text.length();
        int from = 0;
        int occurrence = -1;
        AnchorSearch.Confirmation confirmation = anchor.confirming() == null ? null : reused.on(anchor.confirming(), text);
        while (count < rule.maxHits && from < length) {
            if (occurrence < 0 || anchor.highestStart(occurrence) < from) {
                occurrence = next.atOrAfter(anchor.firstOccurrenceFor(from));
                if (occurrence < 0) {
                    break;
                }
            }
            int highest = anchor.highestStart(occurrence);
            int position = anchor.nextStart(text, Math.max(from, anchor.lowestStart(text, occurrence)), highest);
            if (position > highest || confirmation != null && !confirmation.possible(position, highest)) {
                // the run before this occurrence is too short, or the second anchor is out of reach: no match can use it
                occurrence = next.atOrAfter(occurrence + 1);
                if (occurrence < 0) {
                    break;
                }
                continue;
            }
            matcher.region(position, length);
            if (matcher.lookingAt()) {
                count++;
                from = matcher.end() > position ? matcher.end() : position + 1;
            } else {
                from = position + 1;
            }
        }
        return count;
    }

    private void fail(CompiledRule rule, String reason) {
        if (health.strike(rule.index, reason, message)) {
            LOGGER.warn("Rule {} disabled: {}; messages are scored without it", rule.name, reason);
        } else {
            LOGGER.debug("Rule {} failed on a message: {}", rule.name, reason);
        }
    }

    private static List<String> byteChunks(List<String> chunks) {
        List<String> converted = null;
        for (int i = 0; i < chunks.size(); i++) {
            String chunk = chunks.get(i);
            String bytes = ByteText.of(chunk);
            if (bytes != chunk && converted == null) {
                converted = new ArrayList<>(chunks);
            }
            if (converted != null) {
                converted.set(i, bytes);
            }
        }
        return converted == null ? chunks : converted;
    }

    private void evalRules() {
        for (int index : rules.evalRules()) {
            CompiledRule rule = rules.rule(index);
            ran(index);
            if (health.disabled(index)) {
                continue;
            }
            try {
                set(index, rule.eval.test(features, rule.evalArguments) ? 1 : 0);
            } catch (RuntimeException | StackOverflowError e) {
                fail(rule, "eval function failed: " + e);
            }
        }
    }

    /**
     * The metas that are not sub-rules, in order: without {@link #cheapFirst}, each; with it,
     * those the rules that may be anything but 0 wake ({@link MetaWakeUps}: the rules that
     * hit, the pending sub-rules and sub-metas, and the metas that turn out not 0), if they
     * may hit ({@link #mayHit}).
     */
    private void metaRules() {
        int[] order = rules.topMetaOrder();
        if (!cheapFirst) {
            rules.markSubMetas(pending);
            for (int index : order) {
                evaluateMeta(index);
            }
            return;
        }
        MetaWakeUps wakeUps = rules.metaWakeUps();
        BitSet woken = scratch.wokenMetas;
        // with the metas every sub-meta wakes: all of them are pending from here on
        wakeUps.wakeAlways(woken);
        for (int index = pending.nextSetBit(0); index >= 0; index = pending.nextSetBit(index + 1)) {
            // a pending sub-rule
            wakeUps.wake(index, woken);
        }
        rules.markSubMetas(pending);
        for (int index = nonZero.nextSetBit(0); index >= 0; index = nonZero.nextSetBit(index + 1)) {
            if (values[index] != 0) {
                wakeUps.wake(index, woken);
            }
        }
        for (int position = woken.nextSetBit(0); position >= 0; position = woken.nextSetBit(position + 1)) {
            int index = order[position];
            if (mayHit(index, 0)) {
                evaluateMeta(index);
                if (values[index] != 0) {
                    // the metas it wakes come after it
                    wakeUps.wake(index, woken);
                }
            }
        }
        // woken is cleared with the rest of the scratch (RuleScratch.release)
    }

    /**
     * Whether a meta can be anything but 0: each of its needs ({@link MetaNeeds}) has a rule
     * that hit, or may still (a pending sub-rule, or a pending sub-meta that may). (A sum
     * compared with a number reads its terms' bounds itself when evaluated, {@link MetaReads#max}.)
     * A meta that cannot is 0 without being evaluated, and runs none of its pending operands.
     */
    private boolean mayHit(int index, int depth) {
        FlatSets needs = rules.metaNeeds().anyOf();
        int at = needs.start(index);
        if (at < 0) {
            return true;
        }
        int[] sets = needs.sets();
        int count = sets[at++];
        for (int set = 0; set < count; set++) {
            int length = sets[at++];
            if (!anyMayBeNonZero(sets, at, at + length, depth)) {
                return false;
            }
            at += length;
        }
        return true;
    }

    /** Whether one of the rules from {@code from} to {@code to} (excluded) in {@code rules} may be anything but 0. */
    private boolean anyMayBeNonZero(int[] rules, int from, int to, int depth) {
        for (int i = from; i < to; i++) {
            if (mayBeNonZero(rules[i], depth)) {
                return true;
            }
        }
        return false;
    }

    private boolean mayBeNonZero(int index, int depth) {
        if (index < 0) {
            return false;
        }
        if (!pending.get(index)) {
            // the bit sets stay in the cache where the values (8 bytes a rule) do not
            return nonZero.get(index) && values[index] != 0;
        }
        if (!rules.subMeta(index) || depth >= MAX_NEEDS_DEPTH) {
            return true;
        }
        if (metaOutlook[index] == 0) {
            scratch.note(index);
            metaOutlook[index] = mayHit(index, depth + 1) ? MAY_HIT : NO_HIT;
        }
        return metaOutlook[index] == MAY_HIT;
    }

    private void evaluateMeta(int index) {
        ran(index);
        try {
            set(index, rules.metaProgram().evaluate(rules.metaStart(index), metaReads));
        } catch (RuntimeException | StackOverflowError e) {
            fail(rules.rule(index), "meta expression failed: " + e);
        }
    }

    /**
     * What the metas read ({@link MetaProgram}: their operands as rule indices, -1 for a rule
     * that is not there), and which are known or cheap (for none, unless {@link #cheapFirst}).
     */
    private final class MetaReads implements MetaInputs {
        @Override
        public double max(int index) {
            if (!cheapFirst) {
                return Double.NaN;
            }
            if (index < 0) {
                return 0;
            }
            if (!pending.get(index)) {
                return values[index];
            }
            return mayBeNonZero(index, 0) ? rules.metaNeeds().max(index) : 0;
        }

        @Override
        public double value(int index) {
            return ruleValue(index);
        }

        @Override
        public boolean known(int[] indices, int from, int to) {
            if (!cheapFirst) {
                return false;
            }
            for (int i = from; i < to; i++) {
                int index = indices[i];
                if (index >= 0 && pending.get(index)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean cheap(int[] indices, int from, int to) {
            if (!cheapFirst) {
                return false;
            }
            for (int i = from; i < to; i++) {
                int index = indices[i];
                if (index >= 0 && pending.get(index) && !cheapToRead(index, 0)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Whether a pending rule can be read without running a body, rawbody, uri or full regular
     * expression: a header test (but one that refers back to a group, {@link CompiledRule#backReferences}),
     * or a meta over such rules and rules known already.
     */
    private boolean cheapToRead(int index, int depth) {
        if (cheapness[index] == 0) {
            // a pending rule is a sub-meta or a sub-rule: told apart, and read, without reading the rule
            boolean cheap;
            if (rules.subMeta(index)) {
                cheap = depth < MAX_CHEAP_DEPTH;
                FlatSets operands = rules.metaOperands();
                int[] sets = operands.sets();
                int at = operands.start(index) + 1;
                for (int i = at + 1, end = i + sets[at]; i < end && cheap; i++) {
                    int operand = sets[i];
                    if (operand >= 0 && pending.get(operand)) {
                        cheap = cheapToRead(operand, depth + 1);
                    }
                }
            } else {
                cheap = rules.cheapTest(index);
            }
            scratch.note(index);
            cheapness[index] = cheap ? CHEAP : COSTLY;
        }
        return cheapness[index] == CHEAP;
    }

    /** The value of a rule a meta reads, running it first when it is a pending sub-rule or sub-meta; 0 for -1. */
    private double ruleValue(int index) {
        if (index < 0) {
            return 0;
        }
        if (pending.get(index)) {
            pending.clear(index);
            if (!rules.subMeta(index)) {
                runPending(index);
            } else if (!cheapFirst || mayHit(index, 0)) {
                evaluateMeta(index);
            }
        }
        return values[index];
    }
}
