package org.cleanmail.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WholeTableTest {
    private static byte[] classes() {
        byte[] classOf = new byte[256];
        classOf['x'] = 1;
        classOf['y'] = 2;
        return classOf;
    }

    /** Three classes (other, x, y), two states: after "x", "y" accepts. */
    private static WholeTable xThenY(int size) {
        byte[] classOf = classes();
        // the cells past the two states' are never read
        int[] three = new int[Math.max(size, 6)];
        three[0] = 0;
        three[1] = 3;
        three[2] = 0;
        three[3] = 0;
        three[4] = 3;
        three[5] = -1;
        return new WholeTable(three, classOf);
    }

    @Test
    void smallAndLargeTablesShouldAnswerAlike() {
        for (WholeTable table : new WholeTable[] {xThenY(6), xThenY(70_000)}) {
            assertThat(table.mayMatch("")).isFalse();
            assertThat(table.mayMatch("abc y x")).isFalse();
            assertThat(table.mayMatch("a xy")).isTrue();
            assertThat(table.mayMatch("xxxy")).isTrue();
            assertThat(table.mayMatch("x y")).isFalse();
            assertThat(table.mayMatch("\u2603")).as("a character beyond byte form passes").isTrue();
        }
    }
}
