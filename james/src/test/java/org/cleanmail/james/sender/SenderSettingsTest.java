package org.cleanmail.james.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.cleanmail.core.blacklist.IpPrefix;
import org.cleanmail.james.ConfigurationException;
import org.junit.jupiter.api.Test;

class SenderSettingsTest {
    @Test
    void emptySectionsShouldGiveEngineDefaultsWithoutTrustedNetworks() {
        SenderSettings settings = SenderSettings.from(Map.of(), Map.of());

        assertThat(settings.behaviour().maxUnknownRecipients()).isEqualTo(10);
        assertThat(settings.behaviour().harvestWindow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.behaviour().trustedNetworks()).isEmpty();
        assertThat(settings.refuseAtSmtp()).isTrue();
        assertThat(settings.storeMaximumKeys()).isEqualTo(100_000);
    }

    @Test
    void dashedKeysShouldSetTheEngineSettings() {
        SenderSettings settings = SenderSettings.from(Map.of(
            "max-unknown-recipients", "5",
            "harvest-window", "30m",
            "permanent-block", "false",
            "trusted-networks", "192.0.2.0/24, 2001:db8::/32",
            "ipv4-network-prefix", "16",
            "store.maximum-keys", "500",
            "store.reputation-idle-time", "2d"), Map.of("refuse-at-smtp", "false"));

        assertThat(settings.behaviour().maxUnknownRecipients()).isEqualTo(5);
        assertThat(settings.behaviour().harvestWindow()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.behaviour().permanentBlock()).isFalse();
        assertThat(settings.behaviour().trustedNetworks())
            .containsExactly(IpPrefix.parse("192.0.2.0/24"), IpPrefix.parse("2001:db8::/32"));
        assertThat(settings.behaviour().ipv4NetworkPrefix()).isEqualTo(16);
        assertThat(settings.storeMaximumKeys()).isEqualTo(500);
        assertThat(settings.storeReputationIdleTime()).isEqualTo(Duration.ofDays(2));
        assertThat(settings.refuseAtSmtp()).isFalse();
    }

    @Test
    void badEngineValueShouldNameTheFileAndTheFullKey() {
        assertThatThrownBy(() -> SenderSettings.from(Map.of("max-unknown-recipients", "0"), Map.of()))
            .isInstanceOf(ConfigurationException.class)
            .hasMessage("cleanmail.properties: 'sender.max-unknown-recipients' must be a positive integer, "
                + "e.g. sender.max-unknown-recipients=10; got 0");
    }

    @Test
    void badNetworkValueShouldNameTheNetworkKeyNotItsPrefix() {
        assertThatThrownBy(() -> SenderSettings.from(Map.of("max-unknown-recipients-per-network", "-1"), Map.of()))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageStartingWith("cleanmail.properties: 'sender.max-unknown-recipients-per-network' must be 0");
    }

    @Test
    void unknownSenderKeyShouldBeRefusedWithTheKnownKeys() {
        assertThatThrownBy(() -> SenderSettings.from(Map.of("max-unknown-recipient", "5"), Map.of()))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageStartingWith("cleanmail.properties: unknown key 'sender.max-unknown-recipient'; the sender keys are ")
            .hasMessageContaining("sender.max-unknown-recipients,");
    }

    @Test
    void blacklistSwitchShouldBeParsedStrictly() {
        assertThatThrownBy(() -> SenderSettings.from(Map.of(), Map.of("refuse-at-smtp", "treu")))
            .isInstanceOf(ConfigurationException.class)
            .hasMessage("cleanmail.properties: 'blacklist.refuse-at-smtp' must be true or false, "
                + "e.g. blacklist.refuse-at-smtp=true; got 'treu'");
        assertThatThrownBy(() -> SenderSettings.from(Map.of(), Map.of("file", "x")))
            .isInstanceOf(ConfigurationException.class)
            .hasMessage("cleanmail.properties: unknown key 'blacklist.file'; the blacklist keys are blacklist.refuse-at-smtp");
    }

    @Test
    void badStoreValuesShouldNameTheirKeys() {
        assertThatThrownBy(() -> SenderSettings.from(Map.of("store.maximum-keys", "many"), Map.of()))
            .hasMessage("cleanmail.properties: 'sender.store.maximum-keys' must be a positive integer, "
                + "e.g. sender.store.maximum-keys=100000; got 'many'");
        assertThatThrownBy(() -> SenderSettings.from(Map.of("store.reputation-idle-time", "forever"), Map.of()))
            .hasMessage("cleanmail.properties: 'sender.store.reputation-idle-time' must be a duration such as 30s, 10m, "
                + "1h or 7d, e.g. sender.store.reputation-idle-time=30d; got 'forever'");
    }

    @Test
    void kebabShouldLowerCaseAndDash() {
        assertThat(SenderSettings.kebab("maxUnknownRecipientsPerNetwork")).isEqualTo("max-unknown-recipients-per-network");
        assertThat(SenderSettings.kebab("ipv4NetworkPrefix")).isEqualTo("ipv4-network-prefix");
    }
}
