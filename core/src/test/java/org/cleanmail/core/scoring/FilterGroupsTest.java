package org.cleanmail.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.cleanmail.core.rules.RuleType;
import org.cleanmail.core.rules.regex.RegularSuperset;
import org.junit.jupiter.api.Test;

class FilterGroupsTest {
    /** Body rules without a literal, each with a filter of its own. */
    private static final List<String> PATTERNS = List.of("\\b[A-Z]{4,}(?:\\s+[A-Z]{3,}){2}\\b", "[!?]{3,}",
        "\\$\\s?\\d{1,3}(?:,\\d{3}){1,}", "\\b(?:\\d{3}[-. ]){2}\\d{4}\\b", "\\b\\d{1,3}\\s?%\\s+[a-z]{4,}",
        "\\b[a-z]{2,}\\d{3,}\\b");
    private static final String[] TOKENS = {"FREE", "CASH", "NOW", "Now", "now", "!", "?", "!!", "$", "$ ", "12", "345",
        ",", ",000", "555", "-", ".", " ", " ", "\n", "\r", "%", "50", "off", "price", "abc", "x", "\u00e9", "TODAY", "ALL"};

    private static String rules() {
        StringBuilder rules = new StringBuilder();
        for (int i = 0; i < PATTERNS.size(); i++) {
            rules.append("body R").append(i).append(" /").append(PATTERNS.get(i)).append("/\n");
        }
        return rules.toString();
    }

    @Test
    void groupTableShouldAnswerForEachPatternWhatItsOwnFilterAnswers() {
        groupShouldAnswerAsOwnFilters(PATTERNS, 3);
    }

    /** Patterns held to where the text or a line starts ({@code ^}, {@code \\A}), and others, in one table. */
    @Test
    void groupTableShouldAnswerForStartAnchoredPatternsWhatTheirOwnFiltersAnswer() {
        groupShouldAnswerAsOwnFilters(List.of("(?md)^[A-Z]{3,}\\s", "^\\d{2,}", "\\A\\$", "[!?]{3,}", "(?md)^\\s*off$",
            "(?md)(?:^|\\s)NOW\\b", "(?m)^x"), 5);
    }

    private static void groupShouldAnswerAsOwnFilters(List<String> sources, int seed) {
        List<Pattern> patterns = sources.stream().map(Pattern::compile).collect(Collectors.toList());
        RegularSuperset reader = new RegularSuperset(RegularFilter.MAX_NONDETERMINISTIC_STATES);
        GroupTable group = GroupTable.of(patterns, reader, RegularFilter.MAX_STATES, RegularFilter.MAX_WORK).orElseThrow();
        List<RegularFilter> own = patterns.stream().map(pattern -> RegularFilter.of(pattern, reader).orElseThrow())
            .collect(Collectors.toList());
        Random random = new Random(seed);
        int ruledOut = 0;
        int several = 0;
        for (int round = 0; round < 3000; round++) {
            String text = randomText(random, 12);
            long answer = group.mayMatch(text);
            for (int i = 0; i < patterns.size(); i++) {
                boolean may = (answer & 1L << i) != 0;
                assertThat(may).as("pattern %d on [%s]", i, text).isEqualTo(own.get(i).mayMatch(text));
                if (patterns.get(i).matcher(text).find()) {
                    assertThat(may).as("pattern %d matches [%s]", i, text).isTrue();
                }
            }
            ruledOut += answer == 0 ? 1 : 0;
            several += Long.bitCount(answer) > 1 ? 1 : 0;
        }
        assertThat(ruledOut).as("texts ruled out for every pattern, of 3000").isPositive();
        assertThat(several).as("texts let through for several patterns, of 3000").isPositive();
    }

    /** Four tables in one pass, one of them twice, and a text beyond byte form: each answers as it does alone. */
    @Test
    void fourTablesInOnePassShouldAnswerAsEachAlone() {
        RegularSuperset reader = new RegularSuperset(RegularFilter.MAX_NONDETERMINISTIC_STATES);
        List<GroupTable> tables = List.of(table(reader, PATTERNS.subList(0, 2)), table(reader, PATTERNS.subList(2, 4)),
            table(reader, PATTERNS.subList(4, 6)), table(reader, List.of("(?md)^[A-Z]{3,}\\s", "[!?]{3,}", "\\A\\$")));
        Random random = new Random(21);
        long[] answers = new long[4];
        int letThrough = 0;
        for (int round = 0; round < 2000; round++) {
            String text = randomText(random, 14) + (round % 50 == 0 ? "\u2603" : "");
            GroupTable[] four = {tables.get(round % 4), tables.get((round + 1) % 4), tables.get((round + 2) % 4),
                tables.get(round % 3 == 0 ? round % 4 : 3)};
            GroupTable.mayMatchFour(four, text, answers);
            for (int i = 0; i < 4; i++) {
                assertThat(answers[i]).as("table %d of four on [%s]", i, text).isEqualTo(four[i].mayMatch(text));
                letThrough += answers[i] != 0 ? 1 : 0;
            }
        }
        assertThat(letThrough).as("answers letting some pattern through, of 8000").isBetween(100, 7900);
    }

    private static GroupTable table(RegularSuperset reader, List<String> sources) {
        List<Pattern> patterns = sources.stream().map(Pattern::compile).collect(Collectors.toList());
        return GroupTable.of(patterns, reader, RegularFilter.MAX_STATES, RegularFilter.MAX_WORK).orElseThrow();
    }

    @Test
    void aTextBeyondByteFormShouldBeLetThroughForEveryPattern() {
        List<Pattern> patterns = List.of(Pattern.compile("[!?]{3,}"), Pattern.compile("\\d{5}"));
        GroupTable group = GroupTable.of(patterns, new RegularSuperset(RegularFilter.MAX_NONDETERMINISTIC_STATES),
            RegularFilter.MAX_STATES, RegularFilter.MAX_WORK).orElseThrow();

        assertThat(group.mayMatch("no match here")).isZero();
        assertThat(group.mayMatch("12345")).isEqualTo(0b10);
        assertThat(group.mayMatch("wow!!! 12345")).isEqualTo(0b11);
        assertThat(group.mayMatch("\u2603 snow")).isEqualTo(0b11);
    }

    @Test
    void rulesWithFiltersShouldBeGroupedByTarget() {
        RuleEngine engine = RuleEngineTest.engine(rules() + "rawbody RAW /[!?]{4,}/\n");
        FilterGroups groups = engine.rules().filterGroups(false);

        assertThat(groups.groups(RuleType.BODY)).isEqualTo(1);
        assertThat(groups.groups(RuleType.RAWBODY)).isZero();
        assertThat(groups.groupOf(engine.rules().index("R0").orElseThrow())).isZero();
        assertThat(groups.groupOf(engine.rules().index("RAW").orElseThrow())).isEqualTo(-1);
    }

    /** Header rules without a literal: three on the Subject (one with a text of its own where it is absent), one on From. */
    private static String headerRules() {
        StringBuilder rules = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            rules.append("header H").append(i).append(" Subject =~ /").append(PATTERNS.get(i)).append("/\n");
        }
        rules.append("header U Subject =~ /").append(PATTERNS.get(2)).append("/ [if-unset: $ 1,000]\n");
        rules.append("header F From =~ /").append(PATTERNS.get(3)).append("/\n");
        return rules.toString();
    }

    @Test
    void headerRulesWithFiltersShouldBeGroupedBySelection() {
        RuleEngine engine = RuleEngineTest.engine(headerRules());
        FilterGroups groups = engine.rules().filterGroups(false);

        assertThat(groups.groups(RuleType.HEADER)).isEqualTo(1);
        assertThat(groups.groupOf(engine.rules().index("H0").orElseThrow())).isZero();
        assertThat(groups.groupOf(engine.rules().index("H1").orElseThrow())).isZero();
        assertThat(groups.groupOf(engine.rules().index("U").orElseThrow())).as("reads its own text when absent").isEqualTo(-1);
        assertThat(groups.groupOf(engine.rules().index("F").orElseThrow())).as("alone on its selection").isEqualTo(-1);
    }

    @Test
    void headerHitsShouldBeTheSameWithAndWithoutGroups() {
        RuleEngine grouped = RuleEngineTest.engine(headerRules());
        RuleEngine single = RuleEngineTest.engine(headerRules(), EvalFunctions.none(),
            ScoringOptions.builder().filterGroups(false).build());
        Random random = new Random(11);
        int hits = 0;
        for (int i = 0; i < 400; i++) {
            String subject = random.nextInt(5) == 0 ? "" : "Subject: " + randomText(random, 12).replace('\n', ' ') + "\n";
            String message = "From: " + randomText(random, 6).replace('\n', ' ') + " <a@example.com>\n" + subject + "\nbody\n";
            var expected = RuleEngineTest.scan(single, message).hitNames();
            hits += expected.size();
            assertThat(RuleEngineTest.scan(grouped, message).hitNames()).as(message).isEqualTo(expected);
        }
        assertThat(hits).isGreaterThan(30);
    }

    /** With and without groups, the same hits on seeded random messages. */
    @Test
    void hitsShouldBeTheSameWithAndWithoutGroups() {
        RuleEngine grouped = RuleEngineTest.engine(rules());
        RuleEngine single = RuleEngineTest.engine(rules(), EvalFunctions.none(),
            ScoringOptions.builder().filterGroups(false).build());
        assertThat(single.rules().filterGroups(false).groups(RuleType.BODY)).isZero();

        assertThat(sameBodyHits(grouped, single, new Random(9), 400, 4)).isGreaterThan(30);
    }

    /**
     * Scans seeded random messages of up to {@code paragraphs} paragraphs with both engines,
     * checks that they hit the same rules, and answers how many hits there were.
     */
    private static int sameBodyHits(RuleEngine grouped, RuleEngine single, Random random, int messages, int paragraphs) {
        int hits = 0;
        for (int i = 0; i < messages; i++) {
            StringBuilder body = new StringBuilder();
            for (int paragraph = random.nextInt(paragraphs); paragraph >= 0; paragraph--) {
                body.append(randomText(random, 15)).append("\n\n");
            }
            String message = "From: a@example.com\nSubject: hello\n\n" + body;
            var expected = RuleEngineTest.scan(single, message).hitNames();
            hits += expected.size();
            assertThat(RuleEngineTest.scan(grouped, message).hitNames()).as(message).isEqualTo(expected);
        }
        return hits;
    }

    /**
     * Rules enough for several groups of a target, answered four at a time as texts are asked
     * about: the same hits as with a filter per rule.
     */
    @Test
    void hitsShouldBeTheSameWithSeveralGroupsAnsweredTogether() {
        StringBuilder rules = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            rules.append("body G").append(i).append(" /").append(severalGroupsPattern(i)).append("/\n");
        }
        RuleEngine grouped = RuleEngineTest.engine(rules.toString());
        RuleEngine single = RuleEngineTest.engine(rules.toString(), EvalFunctions.none(),
            ScoringOptions.builder().filterGroups(false).build());
        assertThat(grouped.rules().filterGroups(false).groups(RuleType.BODY)).isGreaterThanOrEqualTo(4);

        assertThat(sameBodyHits(grouped, single, new Random(31), 300, 5)).isGreaterThan(300);
    }

    /**
     * Header rules enough for several groups on each of two selections: a group is answered
     * with its neighbours of the same selection only, each on its own text; the same hits
     * as with a filter per rule.
     */
    @Test
    void headerHitsShouldBeTheSameWithSeveralGroupsOfASelectionAnsweredTogether() {
        StringBuilder rules = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            rules.append("header H").append(i).append(i % 2 == 0 ? " Subject" : " From").append(" =~ /")
                .append(severalGroupsPattern(i / 2)).append("/\n");
        }
        RuleEngine grouped = RuleEngineTest.engine(rules.toString());
        RuleEngine single = RuleEngineTest.engine(rules.toString(), EvalFunctions.none(),
            ScoringOptions.builder().filterGroups(false).build());
        FilterGroups groups = grouped.rules().filterGroups(false);
        int subjectGroup = groups.groupOf(grouped.rules().index("H0").orElseThrow());
        int fromGroup = groups.groupOf(grouped.rules().index("H1").orElseThrow());
        assertThat(groups.groups(RuleType.HEADER)).isGreaterThanOrEqualTo(6);
        assertThat(groups.sameTexts(RuleType.HEADER, subjectGroup, fromGroup)).isFalse();
        assertThat(groups.sameTexts(RuleType.HEADER, subjectGroup, groups.groupOf(grouped.rules().index("H298").orElseThrow())))
            .isTrue();

        Random random = new Random(37);
        int hits = 0;
        for (int i = 0; i < 300; i++) {
            String message = "From: " + randomText(random, 8).replace('\n', ' ') + " <a@example.com>\nSubject: "
                + randomText(random, 12).replace('\n', ' ') + "\n\nbody\n";
            var expected = RuleEngineTest.scan(single, message).hitNames();
            hits += expected.size();
            assertThat(RuleEngineTest.scan(grouped, message).hitNames()).as(message).isEqualTo(expected);
        }
        assertThat(hits).isGreaterThan(300);
    }

    /** The {@code i}-th of a family of patterns of capitals, punctuation, percentages and sums. */
    private static String severalGroupsPattern(int i) {
        switch (i % 4) {
            case 0:
                return "\\b[A-Z]{" + (2 + i % 5) + ",}(?:\\s+[A-Z]{" + (1 + i % 3) + ",}){" + (1 + i % 2) + "}\\b";
            case 1:
                return "[!?]{" + (2 + i % 6) + ",}";
            case 2:
                return "\\b\\d{" + (1 + i % 5) + "}\\s?%";
            default:
                return "\\$\\s?\\d{" + (1 + i % 4) + "}(?:,\\d{3}){" + (i % 3) + "}";
        }
    }

    private static String randomText(Random random, int tokens) {
        StringBuilder text = new StringBuilder();
        for (int i = 1 + random.nextInt(tokens); i > 0; i--) {
            text.append(TOKENS[random.nextInt(TOKENS.length)]);
        }
        return text.toString();
    }
}
