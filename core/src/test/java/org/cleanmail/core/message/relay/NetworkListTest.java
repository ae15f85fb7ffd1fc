package org.cleanmail.core.message.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NetworkListTest {
    @Test
    void entriesShouldBeReadAsSpamAssassinsNetSet() {
        NetworkList networks = NetworkList.empty().plus("192.168. !10.0.1.5 10.0.1/24 212.17.35.15 2001:db8::/32");

        assertThat(networks.contains("192.168.200.1")).isTrue();
        assertThat(networks.contains("10.0.1.9")).isTrue();
        assertThat(networks.contains("10.0.1.5")).isFalse();
        assertThat(networks.contains("10.0.2.1")).isFalse();
        assertThat(networks.contains("212.17.35.15")).isTrue();
        assertThat(networks.contains("212.17.35.16")).isFalse();
        assertThat(networks.contains("2001:db8:5::1")).isTrue();
        assertThat(networks.contains("::ffff:192.168.1.1")).isTrue();
        assertThat(networks.contains("mail.example.com")).isFalse();
        assertThat(networks.contains("")).isFalse();
    }

    @Test
    void loopbackShouldBeTrustedByDefault() {
        assertThat(NetworkList.loopback().contains("127.0.0.1")).isTrue();
        assertThat(NetworkList.loopback().contains("::1")).isTrue();
        assertThat(NetworkList.loopback().contains("128.0.0.1")).isFalse();
    }

    @Test
    void badEntryShouldBeNamedWithExamples() {
        assertThatThrownBy(() -> NetworkList.check("10.0.0.0/8 mail.example.com"))
            .hasMessageContaining("'mail.example.com' is not a network").hasMessageContaining("192.168.0.0/16");
        assertThatThrownBy(() -> NetworkList.check("10.0.0.0/40")).hasMessageContaining("'10.0.0.0/40'");
    }
}
