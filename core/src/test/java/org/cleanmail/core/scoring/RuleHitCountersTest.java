package org.cleanmail.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RuleHitCountersTest {
    private static final double[] VALUES = {1, 0, 2, 1};
    private static final BitSet ALL_FOUR = BitSet.valueOf(new long[] {0b1111});

    @Test
    void shouldCountEachRuleWithAValueOnTheCallingThread() {
        RuleHitCounters counters = new RuleHitCounters();
        int[] ids = {counters.idOf("A"), counters.idOf("ZERO"), counters.idOf("MULTIPLE"), -1};

        counters.count(ALL_FOUR, VALUES, ids);
        counters.count(ALL_FOUR, VALUES, ids);

        assertThat(counters.snapshot()).isEqualTo(Map.of("A", 2L, "MULTIPLE", 2L));
        assertThat(counters.hits("ZERO")).isZero();
        assertThat(counters.hits("UNKNOWN")).isZero();
    }

    @Test
    void shouldSumTheCountsOfEveryThreadIncludingThoseThatEnded() throws InterruptedException {
        RuleHitCounters counters = new RuleHitCounters();
        int[] ids = {counters.idOf("A"), counters.idOf("B"), counters.idOf("C"), counters.idOf("D")};
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 1000; i++) {
                    counters.count(ALL_FOUR, VALUES, ids);
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        counters.count(ALL_FOUR, VALUES, ids);

        assertThat(counters.snapshot()).isEqualTo(Map.of("A", 4001L, "C", 4001L, "D", 4001L));
    }

    @Test
    void theCountsOfEndedThreadsShouldBeKeptOnceWhenANewThreadStartsCounting() throws InterruptedException {
        RuleHitCounters counters = new RuleHitCounters();
        int[] ids = {counters.idOf("A"), counters.idOf("B"), counters.idOf("C"), counters.idOf("D")};
        for (int t = 0; t < 3; t++) {
            Thread thread = new Thread(() -> counters.count(ALL_FOUR, VALUES, ids));
            thread.start();
            thread.join();
        }
        Thread last = new Thread(() -> counters.count(ALL_FOUR, VALUES, ids));
        last.start();
        last.join();

        assertThat(counters.snapshot()).isEqualTo(Map.of("A", 4L, "C", 4L, "D", 4L));
        assertThat(counters.countingThreads()).isEqualTo(1);
    }

    @Test
    void aNameShouldKeepItsNumberSoThatCountsSurviveAReloadThatRenumbersTheRules() {
        RuleHitCounters counters = new RuleHitCounters();
        int[] before = {counters.idOf("KEPT"), counters.idOf("DROPPED")};
        counters.count(BitSet.valueOf(new long[] {0b11}), new double[] {1, 1}, before);

        int[] after = {counters.idOf("ADDED"), counters.idOf("KEPT")};
        counters.count(BitSet.valueOf(new long[] {0b11}), new double[] {1, 1}, after);

        assertThat(after[1]).isEqualTo(before[0]);
        assertThat(counters.snapshot()).isEqualTo(Map.of("KEPT", 2L, "DROPPED", 1L, "ADDED", 1L));
    }

    @Test
    void aThreadShouldKeepItsCountsWhenRuleNumbersOutgrowItsArray() {
        RuleHitCounters counters = new RuleHitCounters();
        int first = counters.idOf("FIRST");
        counters.count(BitSet.valueOf(new long[] {1}), new double[] {1}, new int[] {first});
        int last = first;
        for (int i = 0; i < 5000; i++) {
            last = counters.idOf("R" + i);
        }

        counters.count(BitSet.valueOf(new long[] {0b11}), new double[] {1, 1}, new int[] {first, last});

        assertThat(counters.hits("FIRST")).isEqualTo(2);
        assertThat(counters.hits("R4999")).isEqualTo(1);
    }
}
