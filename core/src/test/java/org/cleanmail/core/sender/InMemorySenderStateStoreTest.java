package org.cleanmail.core.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.cleanmail.core.blacklist.SettableClock;
import org.junit.jupiter.api.Test;

class InMemorySenderStateStoreTest implements SenderStateStoreContract {
    private final SettableClock clock = new SettableClock(NOW);

    @Override
    public SenderStateStore store() {
        return new InMemorySenderStateStore(clock);
    }

    @Test
    void storeShouldKeepAtMostMaximumKeysPerKindOfState() {
        InMemorySenderStateStore store = new InMemorySenderStateStore(clock, 100, Duration.ofDays(1));

        for (int i = 0; i < 10_000; i++) {
            String key = "10.0." + (i / 256) + "." + (i % 256);
            store.addToWindow(BehaviourCounter.CONNECTIONS, key, WINDOW, 1, NOW);
            store.updateReputation(key, NOW, record -> record);
        }

        assertThat(store.estimatedKeys()).isLessThanOrEqualTo(200);
    }

    @Test
    void windowsShouldBeDroppedOneWindowAfterTheirLastEvent() {
        InMemorySenderStateStore store = new InMemorySenderStateStore(clock, 100, Duration.ofDays(1));
        store.addToWindow(BehaviourCounter.CONNECTIONS, CLIENT, WINDOW, 1, NOW);

        clock.advance(WINDOW.plusSeconds(1));

        assertThat(store.estimatedKeys()).isZero();
    }

    @Test
    void flagsShouldBeDroppedWhenTheyEnd() {
        InMemorySenderStateStore store = new InMemorySenderStateStore(clock, 100, Duration.ofDays(1));
        store.putFlag(new SenderFlag(CLIENT, FlagScope.CLIENT, "CM-HARVEST", "test", NOW, NOW.plusSeconds(60)));

        clock.advance(Duration.ofSeconds(61));

        assertThat(store.estimatedKeys()).isZero();
    }

    @Test
    void constructorShouldRejectANonPositiveSize() {
        assertThatThrownBy(() -> new InMemorySenderStateStore(clock, 0, Duration.ofDays(1)))
            .hasMessage("maximumKeys must be positive, e.g. 100000; got 0");
    }
}
