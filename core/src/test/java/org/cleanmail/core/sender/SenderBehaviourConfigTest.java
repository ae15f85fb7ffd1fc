package org.cleanmail.core.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.cleanmail.core.blacklist.IpPrefix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SenderBehaviourConfigTest {
    @Test
    void fromPropertiesShouldReadEveryKey() {
        SenderBehaviourConfig config = SenderBehaviourConfig.fromProperties(Map.ofEntries(
            Map.entry("connectionWindow", "30s"),
            Map.entry("maxConnectionsPerWindow", "20"),
            Map.entry("maxConcurrentConnections", "4"),
            Map.entry("messageWindow", "PT2H"),
            Map.entry("maxMessagesPerWindow", "100"),
            Map.entry("maxRecipientsPerWindow", "900"),
            Map.entry("harvestWindow", "5m"),
            Map.entry("maxUnknownRecipients", "7"),
            Map.entry("maxUnknownRecipientsPerNetwork", "0"),
            Map.entry("blockDuration", "2h"),
            Map.entry("permanentBlock", "FALSE"),
            Map.entry("ipv4NetworkPrefix", "22"),
            Map.entry("ipv6NetworkPrefix", "48"),
            Map.entry("trustedNetworks", "10.0.0.0/8, 2001:db8::/32"),
            Map.entry("reputationHalfLife", "3d"),
            Map.entry("reputationMinimumEvidence", "8"),
            Map.entry("badReputationPoints", "4.5"),
            Map.entry("goodReputationPoints", "0.5")));

        assertThat(config).isEqualTo(SenderBehaviourConfig.builder()
            .connectionWindow(Duration.ofSeconds(30)).maxConnectionsPerWindow(20).maxConcurrentConnections(4)
            .messageWindow(Duration.ofHours(2)).maxMessagesPerWindow(100).maxRecipientsPerWindow(900)
            .harvestWindow(Duration.ofMinutes(5)).maxUnknownRecipients(7).maxUnknownRecipientsPerNetwork(0)
            .blockDuration(Duration.ofHours(2)).permanentBlock(false).ipv4NetworkPrefix(22).ipv6NetworkPrefix(48)
            .trustedNetworks(List.of(IpPrefix.parse("10.0.0.0/8"), IpPrefix.parse("2001:db8::/32")))
            .reputationHalfLife(Duration.ofDays(3)).reputationMinimumEvidence(8).badReputationPoints(4.5)
            .goodReputationPoints(0.5)
            .build());
    }

    @Test
    void fromPropertiesShouldKeepDefaultsForAbsentKeys() {
        assertThat(SenderBehaviourConfig.fromProperties(Map.of())).isEqualTo(SenderBehaviourConfig.defaults());
        assertThat(SenderBehaviourConfig.defaults().maxUnknownRecipients()).isEqualTo(10);
        assertThat(SenderBehaviourConfig.defaults().trustedNetworks()).hasSize(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "maxConcurrentConnections|many|'maxConcurrentConnections' must be like maxConcurrentConnections=10; got 'many'",
        "maxConcurrentConnections|0|'maxConcurrentConnections' must be a positive integer, e.g. maxConcurrentConnections=10; got 0",
        "harvestWindow|10 minutes|'harvestWindow' must be like harvestWindow=10m; got '10 minutes'",
        "permanentBlock|treu|'permanentBlock' must be like permanentBlock=true; got 'treu'",
        "ipv4NetworkPrefix|33|'ipv4NetworkPrefix' must be 8 to 32, e.g. ipv4NetworkPrefix=24; got 33",
        "trustedNetworks|10.0.0.0/33|'trustedNetworks' must be like trustedNetworks=127.0.0.0/8, ::1; got '10.0.0.0/33'",
        "maxUnknownRecipientsPerNetwork|-1|'maxUnknownRecipientsPerNetwork' must be 0 (never flag networks) or more, e.g. maxUnknownRecipientsPerNetwork=30; got -1",
        "reputationMinimumEvidence|0.5|'reputationMinimumEvidence' must be at least 1, e.g. reputationMinimumEvidence=5; got 0.5",
        "blockDuration|1ms|'blockDuration' must be at least 10ms, e.g. blockDuration=1h; got PT0.001S"
    })
    void badValuesShouldNameTheKeyAndShowAValidValue(String key, String value, String message) {
        assertThatThrownBy(() -> SenderBehaviourConfig.fromProperties(Map.of(key, value)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(message);
    }

    @Test
    void anUnknownKeyShouldBeRefused() {
        assertThatThrownBy(() -> SenderBehaviourConfig.fromProperties(Map.of("maxConcurentConnections", "10")))
            .hasMessageStartingWith("unknown key 'maxConcurentConnections'; expected one of badReputationPoints, ");
    }

    @ParameterizedTest
    @CsvSource({"500ms, PT0.5S", "30s, PT30S", "10m, PT10M", "1h, PT1H", "7d, PT168H", "PT15M, PT15M"})
    void durationsShouldReadUnitsAndIso(String text, String iso) {
        assertThat(SenderBehaviourConfig.duration(text)).isEqualTo(Duration.parse(iso));
    }
}
