package org.cleanmail.core.scoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.message.MessageParser;
import org.cleanmail.core.rules.RuleSet;
import org.cleanmail.core.rules.RuleType;
import org.cleanmail.core.scan.RawMessage;
import org.cleanmail.core.scan.RuleHit;

/**
 * Compares, on corpus messages with the stock rules, the fast paths against plain
 * matching: for every rule with an anchor (on its header selection, or its body,
 * rawbody, uri or full texts), the number of
 * matches found near its anchors against {@link Matcher#find()} at every position; and the
 * scored hits of a whole evaluation (anchors, start characters, cheap-first metas, Java's
 * word boundaries on ASCII texts) against one with all of them off. Collects the differences.
 */
final class SameHitsCheck {
    private final CompiledRuleSet fast;
    private final CompiledRuleSet plain;
    private final MessageParser parser = MessageParser.defaultParser();
    private final List<String> differences = new ArrayList<>();
    private long ruleTextPairs;
    private long anchoredMatches;
    private long rewrittenPairs;
    private long filteredPairs;
    private int messages;

    SameHitsCheck() {
        this(StockRules.load(EvalFunctions.none()));
    }

    /** The check with another rule set (e.g. the stock rules plus a file of synthetic ones). */
    SameHitsCheck(RuleSet ruleSet) {
        this.fast = CompiledRuleSet.compile(ruleSet, EvalFunctions.none(), ScoringOptions.defaults());
        this.plain = CompiledRuleSet.compile(ruleSet, EvalFunctions.none(),
            ScoringOptions.builder().anchorSearch(false).startCharSearch(false).asciiVariants(false).boundaryKinds(false)
                .regularFilters(false).autoPossessive(false).confirmingAnchors(false).filterGroups(false)
                .commonLiteralsUnrecorded(false).sameMatchesOnce(false).build());
    }

    void check(Path file) throws IOException {
        MessageFeatures features = parser.parse(RawMessage.of(Files.readAllBytes(file)));
        messages++;
        MessageEvaluation texts = new MessageEvaluation(fast, new RuleHealth(fast), features);
        for (int index = 0; index < fast.size(); index++) {
            CompiledRule rule = fast.rule(index);
            if (rule == null || rule.pattern == null) {
                continue;
            }
            List<String> ruleTexts = rule.type == RuleType.HEADER ? List.of(texts.selection(rule.selector))
                : rule.type == RuleType.MIMEHEADER ? texts.partHeaderTexts(rule)
                : texts.texts(rule.type);
            checkRewrittenAndFiltered(file, rule, fast.regularFilter(index), fast.regularFilter(index, true), ruleTexts);
            AnchorSearch anchor = fast.anchor(index);
            if (anchor == null) {
                continue;
            }
            for (String text : ruleTexts) {
                ruleTextPairs++;
                int everywhere = MessageEvaluation.findAll(rule, rule.pattern.matcher(text), 0);
                Matcher matcher = rule.pattern.matcher(text);
                matcher.useTransparentBounds(true);
                matcher.useAnchoringBounds(false);
                int nearAnchors = MessageEvaluation.findNearAnchors(rule, matcher, anchor, text, 0);
                anchoredMatches += nearAnchors;
                if (everywhere != nearAnchors) {
                    differences.add(String.format("%s %s: %d matches, %d near anchors %s", file.getFileName(), rule,
                        everywhere, nearAnchors, text.length() > 200 ? text.substring(0, 200) : text));
                }
                AnchorSearch asciiAnchor = fast.asciiAnchor(index);
                if (asciiAnchor != null && text.chars().allMatch(c -> c < 128)) {
                    // the ASCII variant near its own anchor, against the whole pattern everywhere
                    Matcher ascii = rule.asciiPattern.matcher(text);
                    ascii.useTransparentBounds(true);
                    ascii.useAnchoringBounds(false);
                    int nearAsciiAnchors = MessageEvaluation.findNearAnchors(rule, ascii, asciiAnchor, text, 0);
                    if (everywhere != nearAsciiAnchors) {
                        differences.add(String.format("%s %s: %d matches, %d near its ASCII anchors %s", file.getFileName(),
                            rule, everywhere, nearAsciiAnchors, text.length() > 200 ? text.substring(0, 200) : text));
                    }
                }
            }
        }
        List<RuleHit> fastHits = evaluate(fast, features, true);
        List<RuleHit> plainHits = evaluate(plain, features, false);
        if (!fastHits.equals(plainHits)) {
            differences.add(String.format("%s: hits %s, plain %s", file.getFileName(), fastHits, plainHits));
        }
    }

    /**
     * The possessive rewrite ({@link CompiledRule#runPattern}) counts the matches the pattern
     * does, and a text its filter rejects holds none (nor a text of ASCII characters only its
     * filter for such texts rejects).
     */
    private void checkRewrittenAndFiltered(Path file, CompiledRule rule, RegularFilter filter, RegularFilter asciiFilter,
                                           List<String> ruleTexts) {
        if (rule.runPattern == rule.pattern && filter == null) {
            return;
        }
        for (String text : ruleTexts) {
            int matches = MessageEvaluation.findAll(rule, rule.pattern.matcher(text), 0);
            if (rule.runPattern != rule.pattern) {
                rewrittenPairs++;
                int rewritten = MessageEvaluation.findAll(rule, rule.runPattern.matcher(text), 0);
                if (rewritten != matches) {
                    differences.add(String.format("%s %s: %d matches, %d possessive %s", file.getFileName(), rule, matches,
                        rewritten, text.length() > 200 ? text.substring(0, 200) : text));
                }
            }
            if (filter != null) {
                filteredPairs++;
                if (!filter.mayMatch(text) && matches > 0) {
                    differences.add(String.format("%s %s: %d matches in a text its filter rejects %s", file.getFileName(),
                        rule, matches, text.length() > 200 ? text.substring(0, 200) : text));
                }
                if (asciiFilter != filter && text.chars().allMatch(c -> c < 128) && !asciiFilter.mayMatch(text) && matches > 0) {
                    differences.add(String.format("%s %s: %d matches in an ASCII text its ASCII filter rejects %s",
                        file.getFileName(), rule, matches, text.length() > 200 ? text.substring(0, 200) : text));
                }
            }
        }
    }

    private static List<RuleHit> evaluate(CompiledRuleSet rules, MessageFeatures features, boolean cheapFirst) {
        MessageEvaluation evaluation = new MessageEvaluation(rules, new RuleHealth(rules), features, null, cheapFirst);
        evaluation.run();
        return evaluation.hits();
    }

    List<String> differences() {
        return differences;
    }

    String summary() {
        return String.format("%d messages, %d (anchored rule, text) pairs, %d matches near anchors, %d (possessive rule, text)"
            + " and %d (filtered rule, text) pairs, %d differences", messages, ruleTextPairs, anchoredMatches, rewrittenPairs,
            filteredPairs, differences.size());
    }
}
