package org.cleanmail.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.cleanmail.core.scan.ScanResult;

import org.junit.jupiter.api.Test;

/** Rules that match alike are matched once per message; each gets the count. */
class SameMatchesTest {
    private static final String HEADERS = "From: a@example.com\nSubject: cheap pills\n";

    @Test
    void rulesShouldBeGroupedOnlyWhenTheirMatchesMustBeTheSame() {
        CompiledRuleSet rules = RuleEngineTest.engine("body A /cheap\\s+pills/i\n"
            + "body B /cheap\\s+pills/i\n"
            + "body __C /cheap\\s+pills/i\n"
            + "body CASE /cheap\\s+pills/\n"
            + "rawbody RAW /cheap\\s+pills/i\n"
            + "body NOSUBJ /cheap\\s+pills/i\ntflags NOSUBJ nosubject\n"
            + "body MANY /cheap\\s+pills/i\ntflags MANY multiple\n"
            + "header SUBJ Subject =~ /cheap\\s+pills/i\n"
            + "header SUBJ_TOO Subject =~ /cheap\\s+pills/i\n"
            + "header NOT_SUBJ Subject !~ /cheap\\s+pills/i\n"
            + "header FROM From =~ /cheap\\s+pills/i\n"
            + "header UNSET Subject =~ /cheap\\s+pills/i [if-unset: cheap pills]\n"
            + "mimeheader PART_A Content-Type =~ /cheap\\s+pills/i\n"
            + "mimeheader PART_B Content-Type =~ /cheap\\s+pills/i\n").rules();
        SameMatches same = rules.sameMatches();

        assertThat(group(rules, "A")).isNotNegative().isEqualTo(group(rules, "B")).isEqualTo(group(rules, "__C"));
        assertThat(group(rules, "SUBJ")).isNotNegative().isEqualTo(group(rules, "SUBJ_TOO"))
            .as("a negated rule counts the same matches").isEqualTo(group(rules, "NOT_SUBJ"));
        assertThat(Arrays.asList(group(rules, "CASE"), group(rules, "RAW"), group(rules, "NOSUBJ"), group(rules, "MANY"),
            group(rules, "FROM"), group(rules, "UNSET"), group(rules, "PART_A"), group(rules, "PART_B")))
            .containsOnly(-1);
        assertThat(same.groups()).isEqualTo(2);
    }

    @Test
    void rulesThatMatchAlikeShouldRunOnceAndHitAlike() {
        String ruleText = "body A /cheap\\s+pill[sz]/i\nscore A 1\n"
            + "body B /cheap\\s+pill[sz]/i\nscore B 2\n"
            + "body __C /cheap\\s+pill[sz]/i\n"
            + "meta META __C\nscore META 4\n"
            + "body MANY /cheap\\s+pill[sz]/i\ntflags MANY multiple\nscore MANY 8\n"
            + "body MANY_TOO /cheap\\s+pill[sz]/i\ntflags MANY_TOO multiple\nscore MANY_TOO 16\n";
        RuleEngine once = RuleEngineTest.engine(ruleText);
        RuleEngine each = RuleEngineTest.engine(ruleText, EvalFunctions.none(),
            ScoringOptions.builder().sameMatchesOnce(false).build());
        String message = HEADERS + "\nbuy cheap pills, cheap pillz, CHEAP  PILLS now\n";

        ScanResult onceResult = RuleEngineTest.scan(once, message);
        ScanResult eachResult = RuleEngineTest.scan(each, message);

        assertThat(onceResult.hitNames()).containsExactlyInAnyOrder("A", "B", "META", "MANY", "MANY_TOO");
        assertThat(onceResult.hitNames()).containsExactlyInAnyOrderElementsOf(eachResult.hitNames());
        // the Subject paragraph is body text too: four matches for each multiple rule
        assertThat(onceResult.score()).isEqualTo(eachResult.score()).isEqualTo(1 + 2 + 4 + 8 * 4 + 16 * 4);
        assertThat(once.regexRuns()).as("one run for the one-hit rules, one for the multiple ones").isEqualTo(2);
        assertThat(each.regexRuns()).isEqualTo(5);
    }

    private static int group(CompiledRuleSet rules, String name) {
        return rules.sameMatches().groupOf(rules.index(name).orElseThrow());
    }
}
