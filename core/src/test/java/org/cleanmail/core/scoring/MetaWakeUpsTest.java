package org.cleanmail.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;

import org.junit.jupiter.api.Test;

class MetaWakeUpsTest {
    /** Rules 0 to 2 are not metas; metas 3 to 7, evaluated in that order (positions 0 to 4). */
    private static final int[] ORDER = {3, 4, 5, 6, 7};
    private static final int[][][] NEEDS = {
        null, null, null,
        {{0, 1}, {2}},  // 3: rule 0 or 1, and rule 2
        null,           // 4: nothing known
        {{3}},          // 5: meta 3
        {{7}},          // 6: meta 7, which comes after it
        {{0}},          // 7: rule 0
    };
    private static final MetaWakeUps WAKE_UPS = MetaWakeUps.of(NEEDS.length, ORDER, FlatSets.of(NEEDS, ORDER), new BitSet());

    @Test
    void aRuleShouldWakeTheMetasWhoseSmallestSetOfNeedsHoldsIt() {
        assertThat(woken(2)).containsExactly(0);
        assertThat(woken(0)).as("rule 0 is in meta 3's larger set only, and in meta 7's").containsExactly(4);
        assertThat(woken(1)).isEmpty();
        assertThat(woken(3)).as("meta 3 wakes meta 5, after it").containsExactly(2);
    }

    @Test
    void metasWithoutNeedsOrReadingALaterMetaShouldAlwaysBeChecked() {
        BitSet always = new BitSet();

        WAKE_UPS.wakeAlways(always);

        assertThat(always.stream().toArray()).containsExactly(1, 3);
        assertThat(woken(7)).as("meta 6 is checked anyway").isEmpty();
    }

    @Test
    void metasWokenByARuleAlwaysPendingShouldAlwaysBeChecked() {
        BitSet subMetas = new BitSet();
        subMetas.set(3);
        MetaWakeUps wakeUps = MetaWakeUps.of(NEEDS.length, ORDER, FlatSets.of(NEEDS, ORDER), subMetas);
        BitSet always = new BitSet();

        wakeUps.wakeAlways(always);

        assertThat(always.stream().toArray()).as("meta 5 needs meta 3, a sub-meta").containsExactly(1, 2, 3);
        BitSet woken = new BitSet();
        wakeUps.wake(2, woken);
        assertThat(woken.stream().toArray()).as("rule 2 still wakes meta 3").containsExactly(0);
    }

    private static int[] woken(int rule) {
        BitSet woken = new BitSet();
        WAKE_UPS.wake(rule, woken);
        return woken.stream().toArray();
    }
}
