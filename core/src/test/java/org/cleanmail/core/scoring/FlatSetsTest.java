package org.cleanmail.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FlatSetsTest {
    private static final int[][][] BY_INDEX = {{{7, 8}, {9}}, null, {{5}}};

    @Test
    void setsShouldBeLaidOutInIndexOrder() {
        FlatSets flat = FlatSets.of(BY_INDEX);

        assertThat(flat.sets()).containsExactly(2, 2, 7, 8, 1, 9, 1, 1, 5);
        assertThat(flat.start(0)).isZero();
        assertThat(flat.start(1)).isEqualTo(-1);
        assertThat(flat.start(2)).isEqualTo(6);
    }

    @Test
    void setsShouldBeLaidOutInTheGivenOrder() {
        FlatSets flat = FlatSets.of(BY_INDEX, new int[] {2, 0});

        assertThat(flat.sets()).containsExactly(1, 1, 5, 2, 2, 7, 8, 1, 9);
        assertThat(flat.start(2)).isZero();
        assertThat(flat.start(0)).isEqualTo(3);
        assertThat(flat.start(1)).isEqualTo(-1);
    }
}
