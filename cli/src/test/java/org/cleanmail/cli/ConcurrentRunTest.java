package org.cleanmail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

class ConcurrentRunTest {
    @Test
    void threadsShouldWarmUpPassAfterPassWhileAskedThenRunEachTaskOnce() {
        AtomicIntegerArray runs = new AtomicIntegerArray(50);
        AtomicInteger asked = new AtomicInteger();

        ConcurrentRun run = ConcurrentRun.of(50, 2, runs::incrementAndGet, () -> asked.incrementAndGet() <= 2, 1);

        // one pass required, two more asked for, the third answer ends the warm-up
        assertThat(run.warmUpPasses()).isEqualTo(3);
        assertThat(asked.get()).isEqualTo(3);
        for (int i = 0; i < 50; i++) {
            assertThat(runs.get(i)).as("task %d: 3 passes on each of 2 threads, then once timed", i).isEqualTo(2 * 3 + 1);
        }
        assertThat(run.timings()).isNotNull();
        assertThat(run.failures()).isZero();
    }

    @Test
    void withoutWarmUpEachTaskShouldRunOnce() {
        AtomicIntegerArray runs = new AtomicIntegerArray(20);

        ConcurrentRun run = ConcurrentRun.of(20, 3, runs::incrementAndGet);

        assertThat(run.warmUpPasses()).isZero();
        for (int i = 0; i < 20; i++) {
            assertThat(runs.get(i)).isEqualTo(1);
        }
    }
}
