package org.cleanmail.core.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScanResultTest {
    @Test
    void resultShouldSumHitsAndSortThemByName() {
        ScanResult result = new ScanResult(List.of(new RuleHit("B", 2.5, "b"), new RuleHit("A", -1.0, "a")), false);

        assertThat(result.score()).isEqualTo(1.5);
        assertThat(result.hitNames()).containsExactly("A", "B");
    }

    @Test
    void reachesShouldCompareTheScoreWithTheThreshold() {
        ScanResult result = new ScanResult(List.of(new RuleHit("GTUBE", 1000, "gtube")), false);

        assertThat(result.reaches(5.0)).isTrue();
        assertThat(result.reaches(1000.0)).isTrue();
        assertThat(new ScanResult(List.of(), false).reaches(5.0)).isFalse();
    }

    @Test
    void hitsInNameOrderShouldBeKeptAsTheyAreAndAddedUp() {
        List<RuleHit> hits = List.of(new RuleHit("A", 1.0, "a"), new RuleHit("B", 2.0, "b"));

        ScanResult result = ScanResult.ofHitsInNameOrder(hits, true);

        assertThat(result.hits()).isSameAs(hits);
        assertThat(result.score()).isEqualTo(3.0);
        assertThat(result.truncated()).isTrue();
    }
}
