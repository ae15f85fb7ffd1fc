package org.cleanmail.core.message.relay;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.google.common.net.InetAddresses;

/**
 * A list of networks as SpamAssassin's {@code NetSet} reads them: {@code 192.168.0.0/16},
 * {@code 192.168.} or {@code 192.168/16} (missing octets are zero), {@code 212.17.35.15},
 * {@code 2001:db8::/32}, and exclusions with {@code !}; the first entry that contains an
 * address decides, so {@code !10.0.1.5 10.0.1/24} is all of 10.0.1.* but 10.0.1.5.
 * Loopback (127/8, ::1) is included first in the trusted and internal lists. Immutable.
 */
public final class NetworkList {
    private static final NetworkList EMPTY = new NetworkList(List.of());
    private static final NetworkList LOOPBACK = new NetworkList(List.of(
        Entry.parse("127.0.0.0/8"), Entry.parse("::1")));

    private final List<Entry> entries;

    private NetworkList(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static NetworkList empty() {
        return EMPTY;
    }

    /** 127.0.0.0/8 and ::1, where SpamAssassin starts trusted_networks and internal_networks. */
    public static NetworkList loopback() {
        return LOOPBACK;
    }

    /** This list plus the entries of one directive value (white-space separated); fails naming a bad entry. */
    public NetworkList plus(String value) {
        List<Entry> more = new ArrayList<>(entries);
        for (String token : value.trim().split("\\s+")) {
            if (!token.isEmpty()) {
                more.add(Entry.parse(token));
            }
        }
        return new NetworkList(more);
    }

    /** Checks the entries of one directive value; the message names the bad entry and shows good ones. */
    public static void check(String value) {
        EMPTY.plus(value);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Whether an address (as Received parsing gives it) is in the list; false for anything not an IP. */
    public boolean contains(String ip) {
        if (ip.isEmpty() || !InetAddresses.isInetAddress(ip)) {
            return false;
        }
        byte[] address = normalized(InetAddresses.forString(ip));
        for (Entry entry : entries) {
            if (entry.matches(address)) {
                return !entry.excluded;
            }
        }
        return false;
    }

    /** IPv4-mapped IPv6 addresses compare as IPv4. */
    private static byte[] normalized(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16) {
            boolean mapped = bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
            for (int i = 0; i < 10 && mapped; i++) {
                mapped = bytes[i] == 0;
            }
            if (mapped) {
                return new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
            }
        }
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkList && entries.equals(((NetworkList) o).entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return entries.toString();
    }

    /** One network, or an exclusion. */
    private static final class Entry {
        private final boolean excluded;
        private final byte[] network;
        private final int bits;
        private final String text;

        private Entry(boolean excluded, byte[] network, int bits, String text) {
            this.excluded = excluded;
            this.network = network;
            this.bits = bits;
            this.text = text;
        }

        static Entry parse(String token) {
            String text = token;
            boolean excluded = text.startsWith("!");
            if (excluded) {
                text = text.substring(1);
            }
            String address = text;
            Integer bits = null;
            int slash = text.indexOf('/');
            if (slash >= 0) {
                address = text.substring(0, slash);
                bits = parseBits(token, text.substring(slash + 1));
            }
            if (address.startsWith("[") && address.endsWith("]")) {
                address = address.substring(1, address.length() - 1);
            }
            byte[] network;
            if (address.indexOf(':') >= 0) {
                network = parseAddress(token, address);
            } else {
                String[] octets = address.endsWith(".") ? address.substring(0, address.length() - 1).split("\\.", -1)
                    : address.split("\\.", -1);
                if (octets.length > 4 || octets.length == 0) {
                    throw bad(token);
                }
                network = new byte[4];
                for (int i = 0; i < octets.length; i++) {
                    network[i] = (byte) parseOctet(token, octets[i]);
                }
                if (bits == null) {
                    bits = octets.length * 8;
                }
            }
            int max = network.length * 8;
            int prefix = bits == null ? max : bits;
            if (prefix > max) {
                throw bad(token);
            }
            return new Entry(excluded, network, prefix, token.toLowerCase(Locale.ROOT));
        }

        private static byte[] parseAddress(String token, String address) {
            if (!InetAddresses.isInetAddress(address)) {
                throw bad(token);
            }
            return normalized(InetAddresses.forString(address));
        }

        private static int parseOctet(String token, String octet) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit)) {
                throw bad(token);
            }
            int value = Integer.parseInt(octet);
            if (value > 255) {
                throw bad(token);
            }
            return value;
        }

        private static int parseBits(String token, String bits) {
            if (bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)) {
                throw bad(token);
            }
            return Integer.parseInt(bits);
        }

        private static IllegalArgumentException bad(String token) {
            return new IllegalArgumentException("'" + token + "' is not a network; write an address, a CIDR block or "
                + "a prefix, optionally after '!', e.g. 192.168.0.0/16, 10.0.1.5, 172.16. or !10.0.1.5, 2001:db8::/32");
        }

        boolean matches(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry && text.equals(((Entry) o).text);
        }

        @Override
        public int hashCode() {
            return Objects.hash(text);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
