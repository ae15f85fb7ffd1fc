package org.cleanmail.core.scoring.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.cleanmail.core.rules.RuleDefinition;
import org.cleanmail.core.rules.RuleSet;
import org.junit.jupiter.api.Test;

class CleanMailRuleFilesTest {
    @Test
    void indexShouldListTheShippedFiles() throws IOException {
        assertThat(CleanMailRuleFiles.names()).containsExactly("00_gtube.cf", "10_cleanmail.cf", "20_bayes.cf");
    }

    @Test
    void everyShippedRuleShouldLoadWithoutProblems() throws IOException {
        RuleSet rules = CleanMailRuleFiles.load();

        assertThat(rules.skipped()).isEmpty();
        assertThat(rules.problems()).isEmpty();
        assertThat(rules.metaPlan().unknownReferences()).isEmpty();
        assertThat(rules.rules()).hasSizeGreaterThan(10);
    }

    @Test
    void gtubeShouldScoreAThousand() throws IOException {
        RuleDefinition gtube = CleanMailRuleFiles.load().rule("GTUBE").orElseThrow();

        assertThat(gtube.description()).contains("Generic Test for Unsolicited Bulk Email");
        assertThat(gtube.pattern().orElseThrow().pattern()
            .matcher("XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X").find()).isTrue();
        assertThat(gtube.score().primary()).isEqualTo(1000.0);
    }

    @Test
    void everyScoredRuleShouldBeDescribed() throws IOException {
        for (RuleDefinition rule : CleanMailRuleFiles.load().rules().values()) {
            if (!rule.isSubRule()) {
                assertThat(rule.description()).as(rule.name()).isPresent();
            }
        }
    }
}
