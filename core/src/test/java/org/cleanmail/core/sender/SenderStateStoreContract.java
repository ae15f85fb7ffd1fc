package org.cleanmail.core.sender;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/**
 * What every {@link SenderStateStore} does. An implementation's test implements this
 * interface; {@link #store()} gives a fresh, empty store.
 */
public interface SenderStateStoreContract {
    Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    Duration WINDOW = Duration.ofMinutes(10);
    String CLIENT = "203.0.113.7";
    String OTHER = "2001:db8::1";

    SenderStateStore store();

    @Test
    default void addToWindowShouldReturnTheTotalOfTheWindow() {
        SenderStateStore store = store();

        store.addToWindow(BehaviourCounter.CONNECTIONS, CLIENT, WINDOW, 1, NOW);
        store.addToWindow(BehaviourCounter.CONNECTIONS, CLIENT, WINDOW, 2, NOW.plusSeconds(60));

        assertThat(store.addToWindow(BehaviourCounter.CONNECTIONS, CLIENT, WINDOW, 3, NOW.plusSeconds(120))).isEqualTo(6);
        assertThat(store.windowTotal(BehaviourCounter.CONNECTIONS, CLIENT, WINDOW, NOW.plusSeconds(120))).isEqualTo(6);
    }

    @Test
    default void windowShouldForgetEventsOlderThanTheWindow() {
        SenderStateStore store = store();
        store.addToWindow(BehaviourCounter.CONNECTIONS, CLIENT, WINDOW, 5, NOW);
        store.addToWindow(BehaviourCounter.CONNECTIONS, CLIENT, WINDOW, 1, NOW.plus(Duration.ofMinutes(5)));

        assertThat(store.windowTotal(BehaviourCounter.CONNECTIONS, CLIENT, WINDOW, NOW.plus(Duration.ofMinutes(9))))
            .isEqualTo(6);
        assertThat(store.windowTotal(BehaviourCounter.CONNECTIONS, CLIENT, WINDOW, NOW.plus(Duration.ofMinutes(10))))
            .isEqualTo(1);
        assertThat(store.windowTotal(BehaviourCounter.CONNECTIONS, CLIENT, WINDOW, NOW.plus(Duration.ofMinutes(15))))
            .isZero();
    }

    @Test
    default void windowsShouldBeSeparatePerCounterAndKey() {
        SenderStateStore store = store();
        store.addToWindow(BehaviourCounter.CONNECTIONS, CLIENT, WINDOW, 5, NOW);

        assertThat(store.windowTotal(BehaviourCounter.MESSAGES, CLIENT, WINDOW, NOW)).isZero();
        assertThat(store.windowTotal(BehaviourCounter.CONNECTIONS, OTHER, WINDOW, NOW)).isZero();
        assertThat(store.addToWindow(BehaviourCounter.CONNECTIONS, OTHER, WINDOW, 1, NOW)).isEqualTo(1);
    }

    @Test
    default void resetWindowShouldForgetTheKeysEvents() {
        SenderStateStore store = store();
        store.addToWindow(BehaviourCounter.UNKNOWN_RECIPIENTS_BY_CLIENT, CLIENT, WINDOW, 5, NOW);
        store.addToWindow(BehaviourCounter.UNKNOWN_RECIPIENTS_BY_CLIENT, OTHER, WINDOW, 5, NOW);

        store.resetWindow(BehaviourCounter.UNKNOWN_RECIPIENTS_BY_CLIENT, CLIENT);

        assertThat(store.windowTotal(BehaviourCounter.UNKNOWN_RECIPIENTS_BY_CLIENT, CLIENT, WINDOW, NOW)).isZero();
        assertThat(store.windowTotal(BehaviourCounter.UNKNOWN_RECIPIENTS_BY_CLIENT, OTHER, WINDOW, NOW)).isEqualTo(5);
    }

    @Test
    default void openConnectionsShouldCountUpAndDown() {
        SenderStateStore store = store();

        assertThat(store.openConnection(CLIENT)).isEqualTo(1);
        assertThat(store.openConnection(CLIENT)).isEqualTo(2);
        assertThat(store.openConnection(OTHER)).isEqualTo(1);
        assertThat(store.closeConnection(CLIENT)).isEqualTo(1);

        assertThat(store.openConnections(CLIENT)).isEqualTo(1);
        assertThat(store.openConnections(OTHER)).isEqualTo(1);
    }

    @Test
    default void closeConnectionShouldNeverGoBelowZero() {
        SenderStateStore store = store();
        store.openConnection(CLIENT);

        store.closeConnection(CLIENT);
        assertThat(store.closeConnection(CLIENT)).isZero();

        assertThat(store.openConnections(CLIENT)).isZero();
        assertThat(store.openConnection(CLIENT)).isEqualTo(1);
    }

    @Test
    default void concurrentConnectionCountsShouldNotLoseUpdates() throws InterruptedException, ExecutionException {
        SenderStateStore store = store();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 1000; i++) {
                        store.openConnection(CLIENT);
                        store.addToWindow(BehaviourCounter.CONNECTIONS, CLIENT, WINDOW, 1, NOW);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            threads.shutdown();
        }

        assertThat(store.openConnections(CLIENT)).isEqualTo(4000);
        assertThat(store.windowTotal(BehaviourCounter.CONNECTIONS, CLIENT, WINDOW, NOW)).isEqualTo(4000);
    }

    @Test
    default void activeFlagShouldFindAFlagUntilItEnds() {
        SenderStateStore store = store();
        SenderFlag flag = new SenderFlag(CLIENT, FlagScope.CLIENT, "CM-HARVEST", "test", NOW, NOW.plusSeconds(3600));

        store.putFlag(flag);

        assertThat(store.activeFlag(CLIENT, NOW)).contains(flag);
        assertThat(store.activeFlag(CLIENT, NOW.plusSeconds(3599))).contains(flag);
        assertThat(store.activeFlag(CLIENT, NOW.plusSeconds(3600))).isEmpty();
        assertThat(store.activeFlag(OTHER, NOW)).isEmpty();
    }

    @Test
    default void putFlagShouldReplaceTheFlagOfTheSameKey() {
        SenderStateStore store = store();
        store.putFlag(new SenderFlag(CLIENT, FlagScope.CLIENT, "CM-HARVEST", "first", NOW, NOW.plusSeconds(60)));
        SenderFlag second = new SenderFlag(CLIENT, FlagScope.CLIENT, "CM-BLOCKED", "second", NOW, NOW.plusSeconds(600));

        store.putFlag(second);

        assertThat(store.activeFlags(NOW)).containsExactly(second);
    }

    @Test
    default void removeFlagShouldLiftItAtOnce() {
        SenderStateStore store = store();
        store.putFlag(new SenderFlag(CLIENT, FlagScope.CLIENT, "CM-HARVEST", "test", NOW, NOW.plusSeconds(60)));

        assertThat(store.removeFlag(CLIENT)).isTrue();

        assertThat(store.activeFlag(CLIENT, NOW)).isEmpty();
        assertThat(store.removeFlag(CLIENT)).isFalse();
    }

    @Test
    default void activeFlagsShouldListOnlyActiveFlags() {
        SenderStateStore store = store();
        SenderFlag network = new SenderFlag("198.51.100.0/24", FlagScope.NETWORK, "CM-HARVEST-NET", "test", NOW,
            NOW.plusSeconds(600));
        store.putFlag(new SenderFlag(CLIENT, FlagScope.CLIENT, "CM-HARVEST", "test", NOW, NOW.plusSeconds(60)));
        store.putFlag(network);

        assertThat(store.activeFlags(NOW.plusSeconds(120))).containsExactly(network);
    }

    @Test
    default void updateReputationShouldStartFromAnEmptyRecord() {
        SenderStateStore store = store();

        ReputationRecord record = store.updateReputation(CLIENT, NOW,
            existing -> existing.plus(ReputationEvent.SCORED_SPAM, NOW, WINDOW));

        assertThat(record).isEqualTo(new ReputationRecord(0, 1, 0, 0, 0, NOW));
        assertThat(store.reputation(CLIENT)).contains(record);
        assertThat(store.reputation(OTHER)).isEmpty();
    }

    @Test
    default void updateReputationShouldBeAtomic() throws InterruptedException, ExecutionException {
        SenderStateStore store = store();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        store.updateReputation(CLIENT, NOW, existing -> existing.plus(ReputationEvent.SCORED_HAM, NOW,
                            WINDOW));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            threads.shutdown();
        }

        assertThat(store.reputation(CLIENT).orElseThrow().ham()).isEqualTo(2000.0);
    }
}
