package org.cleanmail.core.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SlidingWindowTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final SlidingWindow window = new SlidingWindow(Duration.ofSeconds(100));

    @Test
    void totalShouldCountEventsOfTheLastWindow() {
        window.add(1, START);
        window.add(2, START.plusSeconds(50));

        assertThat(window.add(3, START.plusSeconds(89))).isEqualTo(6);
        assertThat(window.total(START.plusSeconds(99))).isEqualTo(6);
    }

    @Test
    void eventsShouldStopCountingOneWindowLater() {
        window.add(1, START);
        window.add(2, START.plusSeconds(50));

        assertThat(window.total(START.plusSeconds(100))).isEqualTo(2);
        assertThat(window.total(START.plusSeconds(150))).isZero();
    }

    @Test
    void aReusedBucketShouldForgetItsOldCount() {
        window.add(5, START);

        assertThat(window.add(1, START.plusSeconds(100))).isEqualTo(1);
    }

    @Test
    void totalShouldIgnoreBucketsFromTheFuture() {
        window.add(5, START.plusSeconds(50));

        assertThat(window.total(START)).isZero();
    }

    @Test
    void aWindowTooShortForItsBucketsShouldBeRefused() {
        assertThatThrownBy(() -> new SlidingWindow(Duration.ofMillis(5))).isInstanceOf(IllegalArgumentException.class);
    }
}
