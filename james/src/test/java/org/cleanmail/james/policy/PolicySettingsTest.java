package org.cleanmail.james.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.cleanmail.james.ConfigurationException;
import org.junit.jupiter.api.Test;

class PolicySettingsTest {
    @Test
    void noKeyShouldGiveTheDefaults() {
        PolicySettings settings = PolicySettings.from(Map.of());

        assertThat(settings.defaultsFile()).isEmpty();
        assertThat(settings.purgeInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.deletionLogCapacity()).isEqualTo(10_000);
    }

    @Test
    void everyKeyShouldBeRead() {
        PolicySettings settings = PolicySettings.from(Map.of("defaults-file", "file://conf/p.json",
            "purge-interval", "30m", "deletion-log.capacity", "50"));

        assertThat(settings.defaultsFile()).contains("file://conf/p.json");
        assertThat(settings.purgeInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.deletionLogCapacity()).isEqualTo(50);
    }

    @Test
    void zeroShouldTurnThePeriodicPurgeOff() {
        assertThat(PolicySettings.from(Map.of("purge-interval", "0")).purgeInterval()).isZero();
    }

    @Test
    void aBadIntervalShouldNameTheFileAndKey() {
        assertThatThrownBy(() -> PolicySettings.from(Map.of("purge-interval", "hourly")))
            .isInstanceOf(ConfigurationException.class)
            .hasMessage("cleanmail.properties: 'policy.purge-interval' must be a duration such as 30m, 1h or 1d "
                + "(0 turns the periodic purge off), e.g. policy.purge-interval=1h; got 'hourly'");
    }

    @Test
    void aBadCapacityShouldNameTheFileAndKey() {
        assertThatThrownBy(() -> PolicySettings.from(Map.of("deletion-log.capacity", "-1")))
            .isInstanceOf(ConfigurationException.class)
            .hasMessage("cleanmail.properties: 'policy.deletion-log.capacity' must be a positive integer, "
                + "e.g. policy.deletion-log.capacity=10000; got '-1'");
    }

    @Test
    void anUnknownKeyShouldBeRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> PolicySettings.from(Map.of("purge-intervall", "1h")))
            .isInstanceOf(ConfigurationException.class)
            .hasMessage("cleanmail.properties: unknown key 'policy.purge-intervall'; the policy keys are "
                + "policy.defaults-file, policy.purge-interval, policy.deletion-log.capacity");
    }
}
