package org.cleanmail.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class RuleScratchTest {
    @Test
    void releaseShouldClearWhatTheMessageSet() {
        RuleScratch scratch = new RuleScratch(100).claim();
        scratch.values[7] = 2;
        scratch.nonZero.set(7);
        scratch.pending.set(9);
        scratch.candidates.set(11);
        scratch.cheapness[13] = 1;
        scratch.metaOutlook[13] = 2;
        scratch.note(13);

        scratch.release();

        assertThat(Arrays.stream(scratch.values).allMatch(value -> value == 0)).isTrue();
        assertThat(scratch.nonZero.isEmpty()).isTrue();
        assertThat(scratch.pending.isEmpty()).isTrue();
        assertThat(scratch.candidates.isEmpty()).isTrue();
        assertThat(scratch.cheapness[13]).isZero();
        assertThat(scratch.metaOutlook[13]).isZero();
    }

    @Test
    void claimedArraysShouldNotBeHandedOutTwice() {
        RuleScratch kept = new RuleScratch(10);
        RuleScratch first = kept.claim();

        RuleScratch second = kept.claim();
        first.release();

        assertThat(first).isSameAs(kept);
        assertThat(second).isNotSameAs(kept);
        assertThat(kept.claim()).isSameAs(kept);
    }

    @Test
    void engineShouldScoreEachMessageAfreshOnTheSameThread() {
        RuleEngine engine = RuleEngineTest.engine("body __A /alpha/\nbody B /beta/\nmeta M __A && B\nscore M 1\n");

        assertThat(RuleEngineTest.scan(engine, "Subject: x\n\nalpha beta\n").hitNames()).containsExactlyInAnyOrder("B", "M");
        assertThat(RuleEngineTest.scan(engine, "Subject: x\n\nbeta\n").hitNames()).containsExactly("B");
        assertThat(RuleEngineTest.scan(engine, "Subject: x\n\nnothing\n").hitNames()).isEmpty();
    }
}
