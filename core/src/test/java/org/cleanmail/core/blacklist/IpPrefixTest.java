package org.cleanmail.core.blacklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.common.net.InetAddresses;

class IpPrefixTest {
    @ParameterizedTest
    @CsvSource({
        "203.0.113.7, 203.0.113.7",
        "203.0.113.7/32, 203.0.113.7",
        "198.51.100.77/24, 198.51.100.0/24",
        "10.1.2.3/8, 10.0.0.0/8",
        "0.0.0.0/0, 0.0.0.0/0",
        "2001:DB8::1, 2001:db8::1",
        "2001:db8:aaaa:bbbb:1:2:3:4/64, 2001:db8:aaaa:bbbb::/64",
        "2001:db8::ff/121, 2001:db8::80/121",
        "::ffff:192.0.2.1, 192.0.2.1"
    })
    void parseShouldCanonicalizeNetworks(String text, String expected) {
        assertThat(IpPrefix.parse(text).toString()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "host.example", "300.1.1.1", "1.2.3.4/33", "2001:db8::/129", "1.2.3.4/-1", "1.2.3.4/x",
        "1.2.3"})
    void parseShouldRejectWhatIsNoNetwork(String text) {
        assertThatThrownBy(() -> IpPrefix.parse(text)).isInstanceOf(IllegalArgumentException.class);
        assertThat(IpPrefix.tryParse(text)).isEmpty();
    }

    @Test
    void parseShouldSayWhatAValidLengthIs() {
        assertThatThrownBy(() -> IpPrefix.parse("1.2.3.4/40"))
            .hasMessage("prefix length of '1.2.3.4/40' must be 0 to 32, e.g. 1.2.3.4/24");
    }

    @Test
    void containsShouldMatchAddressInsideCidrRange() {
        IpPrefix network = IpPrefix.parse("198.51.100.0/24");

        assertThat(network.contains(InetAddresses.forString("198.51.100.255"))).isTrue();
        assertThat(network.contains(InetAddresses.forString("198.51.101.0"))).isFalse();
        assertThat(network.contains(InetAddresses.forString("::ffff:198.51.100.3"))).isTrue();
    }

    @Test
    void containsShouldNotMixAddressFamilies() {
        assertThat(IpPrefix.parse("0.0.0.0/0").contains(InetAddresses.forString("2001:db8::1"))).isFalse();
        assertThat(IpPrefix.parse("::/0").contains(InetAddresses.forString("192.0.2.1"))).isFalse();
    }

    @Test
    void containsShouldHandleIpv6PrefixesAcrossTheMiddleBit() {
        IpPrefix network = IpPrefix.parse("2001:db8:0:0:8000::/65");

        assertThat(network.contains(InetAddresses.forString("2001:db8::8000:0:0:1"))).isTrue();
        assertThat(network.contains(InetAddresses.forString("2001:db8::7fff:0:0:1"))).isFalse();
    }

    @Test
    void equalPrefixesShouldBeEqualWhateverTheHostBitsWritten() {
        assertThat(IpPrefix.parse("192.0.2.9/24")).isEqualTo(IpPrefix.parse("192.0.2.200/24"))
            .hasSameHashCodeAs(IpPrefix.parse("192.0.2.200/24"));
        assertThat(IpPrefix.parse("192.0.2.0/24")).isNotEqualTo(IpPrefix.parse("192.0.2.0/25"));
    }
}
