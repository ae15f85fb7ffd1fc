package org.cleanmail.core.blacklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.google.common.net.InetAddresses;

class IpPrefixTrieTest {
    private static InetAddress ip(String text) {
        return InetAddresses.forString(text);
    }

    private static IpPrefixTrie<String> trieOf(String... prefixes) {
        IpPrefixTrie<String> trie = IpPrefixTrie.empty();
        for (String prefix : prefixes) {
            trie = trie.with(IpPrefix.parse(prefix), prefix);
        }
        return trie;
    }

    @Test
    void longestMatchShouldPreferTheMostSpecificNetwork() {
        IpPrefixTrie<String> trie = trieOf("10.0.0.0/8", "10.1.0.0/16", "10.1.2.0/24", "10.1.2.3");

        assertThat(trie.longestMatch(ip("10.1.2.3"))).contains("10.1.2.3");
        assertThat(trie.longestMatch(ip("10.1.2.4"))).contains("10.1.2.0/24");
        assertThat(trie.longestMatch(ip("10.1.3.4"))).contains("10.1.0.0/16");
        assertThat(trie.longestMatch(ip("10.2.3.4"))).contains("10.0.0.0/8");
        assertThat(trie.longestMatch(ip("11.0.0.1"))).isEmpty();
    }

    @Test
    void longestMatchShouldSkipValuesThatAreNotAcceptable() {
        IpPrefixTrie<String> trie = trieOf("10.0.0.0/8", "10.1.2.0/24");

        assertThat(trie.longestMatch(ip("10.1.2.3"), value -> !value.equals("10.1.2.0/24"))).contains("10.0.0.0/8");
    }

    @Test
    void longestMatchShouldWorkForIpv6() {
        IpPrefixTrie<String> trie = trieOf("2001:db8::/32", "2001:db8:1::/48", "192.0.2.0/24");

        assertThat(trie.longestMatch(ip("2001:db8:1::5"))).contains("2001:db8:1::/48");
        assertThat(trie.longestMatch(ip("2001:db8:2::5"))).contains("2001:db8::/32");
        assertThat(trie.longestMatch(ip("2001:db9::5"))).isEmpty();
        assertThat(trie.longestMatch(ip("::ffff:192.0.2.7"))).contains("192.0.2.0/24");
    }

    @Test
    void defaultRouteShouldMatchEverythingOfItsFamily() {
        IpPrefixTrie<String> trie = trieOf("0.0.0.0/0");

        assertThat(trie.longestMatch(ip("255.255.255.255"))).contains("0.0.0.0/0");
        assertThat(trie.longestMatch(ip("::1"))).isEmpty();
    }

    @Test
    void withoutShouldRemoveOnlyThatPrefixAndLeaveTheOldTrieUnchanged() {
        IpPrefixTrie<String> trie = trieOf("10.0.0.0/8", "10.1.2.0/24", "10.1.3.0/24");

        IpPrefixTrie<String> smaller = trie.without(IpPrefix.parse("10.1.2.0/24"));

        assertThat(smaller.longestMatch(ip("10.1.2.9"))).contains("10.0.0.0/8");
        assertThat(smaller.longestMatch(ip("10.1.3.9"))).contains("10.1.3.0/24");
        assertThat(smaller.size()).isEqualTo(2);
        assertThat(trie.longestMatch(ip("10.1.2.9"))).contains("10.1.2.0/24");
        assertThat(trie.size()).isEqualTo(3);
    }

    @Test
    void withoutAnAbsentPrefixShouldReturnTheSameTrie() {
        IpPrefixTrie<String> trie = trieOf("10.0.0.0/8");

        assertThat(trie.without(IpPrefix.parse("10.0.0.0/9"))).isSameAs(trie);
    }

    @Test
    void withShouldReplaceTheValueOfAnExistingPrefix() {
        IpPrefixTrie<String> trie = trieOf("10.0.0.0/8").with(IpPrefix.parse("10.0.0.0/8"), "new");

        assertThat(trie.size()).isEqualTo(1);
        assertThat(trie.get(IpPrefix.parse("10.0.0.0/8"))).contains("new");
    }

    @Test
    void trieShouldAgreeWithALinearScanOnRandomData() {
        Random random = new Random(42);
        Map<IpPrefix, String> reference = new HashMap<>();
        IpPrefixTrie<String> trie = IpPrefixTrie.empty();
        for (int i = 0; i < 3000; i++) {
            IpPrefix prefix = IpPrefix.of(randomAddress(random), 4 + random.nextInt(29));
            reference.put(prefix, prefix.toString());
            trie = trie.with(prefix, prefix.toString());
        }
        List<IpPrefix> removed = new ArrayList<>(reference.keySet()).subList(0, 1000);
        for (IpPrefix prefix : removed) {
            trie = trie.without(prefix);
        }
        removed.forEach(reference::remove);

        assertThat(trie.size()).isEqualTo(reference.size());
        for (int i = 0; i < 5000; i++) {
            InetAddress address = randomAddress(random);
            Optional<String> expected = reference.keySet().stream()
                .filter(prefix -> prefix.contains(address))
                .max((a, b) -> Integer.compare(a.length(), b.length()))
                .map(IpPrefix::toString);
            assertThat(trie.longestMatch(address)).as("%s", address).isEqualTo(expected);
        }
    }

    @Test
    void trieShouldAgreeWithALinearScanOnRandomIpv6PrefixesAroundTheMiddleBit() {
        Random random = new Random(43);
        Map<IpPrefix, String> reference = new HashMap<>();
        IpPrefixTrie<String> trie = IpPrefixTrie.empty();
        for (int i = 0; i < 2000; i++) {
            IpPrefix prefix = IpPrefix.of(randomIpv6(random), 52 + random.nextInt(30));
            reference.put(prefix, prefix.toString());
            trie = trie.with(prefix, prefix.toString());
        }
        for (IpPrefix prefix : new ArrayList<>(reference.keySet()).subList(0, 500)) {
            trie = trie.without(prefix);
            reference.remove(prefix);
        }

        assertThat(trie.size()).isEqualTo(reference.size());
        for (int i = 0; i < 5000; i++) {
            InetAddress address = randomIpv6(random);
            Optional<String> expected = reference.keySet().stream()
                .filter(prefix -> prefix.contains(address))
                .max((a, b) -> Integer.compare(a.length(), b.length()))
                .map(IpPrefix::toString);
            assertThat(trie.longestMatch(address)).as("%s", address).isEqualTo(expected);
        }
    }

    /** 2001:db8::/32 with random bits only from bit 52 to bit 79, so prefixes of 52 to 81 bits nest. */
    private static InetAddress randomIpv6(Random random) {
        byte[] bytes = new byte[16];
        bytes[0] = 0x20;
        bytes[1] = 0x01;
        bytes[2] = 0x0d;
        bytes[3] = (byte) 0xb8;
        for (int i = 6; i < 10; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        bytes[6] &= 0x0F;
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InetAddress randomAddress(Random random) {
        // a narrow space (10.0.0.0/12) so that random prefixes nest and overlap
        return InetAddresses.fromInteger(0x0A000000 | random.nextInt(1 << 20));
    }
}
