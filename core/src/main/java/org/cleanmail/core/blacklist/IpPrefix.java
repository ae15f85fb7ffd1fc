package org.cleanmail.core.blacklist;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;

import com.google.common.net.InetAddresses;

/**
 * An IPv4 or IPv6 network: an address and a prefix length, with the host bits cleared.
 * A prefix of full length ({@code /32}, {@code /128}) is a single host. IPv4-mapped IPv6
 * addresses ({@code ::ffff:192.0.2.1}) are read as the IPv4 addresses they carry.
 *
 * <p>Text forms: {@code 198.51.100.0/24}, {@code 2001:db8::/32}, {@code 203.0.113.7}
 * (a host). Host bits given in the text are cleared: {@code 198.51.100.7/24} is read as
 * {@code 198.51.100.0/24}.
 */
public final class IpPrefix {
    private final boolean ipv6;
    /** Bits 0 to 63 of the address; an IPv4 address sits in the upper 32 bits. */
    private final long high;
    /** Bits 64 to 127 of the address; always zero for IPv4. */
    private final long low;
    private final int length;

    private IpPrefix(boolean ipv6, long high, long low, int length) {
        this.ipv6 = ipv6;
        this.high = high & maskHigh(length);
        this.low = low & maskLow(length);
        this.length = length;
    }

    /** Reads {@code address} or {@code address/length}; throws with a precise message on bad input. */
    public static IpPrefix parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("expected an IP address or network such as 198.51.100.0/24; got nothing");
        }
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String addressPart = slash < 0 ? trimmed : trimmed.substring(0, slash);
        InetAddress address;
        try {
            address = InetAddresses.forString(addressPart);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + addressPart + "' is not an IP address, e.g. 203.0.113.7 or 2001:db8::1");
        }
        int max = address instanceof Inet4Address ? 32 : 128;
        if (slash < 0) {
            return of(address, max);
        }
        String lengthPart = trimmed.substring(slash + 1);
        int length;
        try {
            length = Integer.parseInt(lengthPart);
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length < 0 || length > max) {
            throw new IllegalArgumentException("prefix length of '" + trimmed + "' must be 0 to " + max
                + ", e.g. " + addressPart + "/" + (max == 32 ? 24 : 64));
        }
        return of(address, length);
    }

    /** Like {@link #parse(String)}, empty on bad input. */
    public static Optional<IpPrefix> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The network of {@code length} bits that holds {@code address}. */
    public static IpPrefix of(InetAddress address, int length) {
        Objects.requireNonNull(address, "address");
        byte[] bytes = address.getAddress();
        boolean v6 = bytes.length == 16;
        int max = v6 ? 128 : 32;
        if (length < 0 || length > max) {
            throw new IllegalArgumentException("prefix length must be 0 to " + max + "; got " + length);
        }
        if (!v6) {
            return new IpPrefix(false, (ipv4Bits(bytes) & 0xFFFFFFFFL) << 32, 0L, length);
        }
        return new IpPrefix(true, longAt(bytes, 0), longAt(bytes, 8), length);
    }

    /** The single-host prefix of {@code address}. */
    public static IpPrefix host(InetAddress address) {
        return of(address, address.getAddress().length * 8);
    }

    public boolean isIpv6() {
        return ipv6;
    }

    public int length() {
        return length;
    }

    /** 32 for IPv4, 128 for IPv6. */
    public int maxLength() {
        return ipv6 ? 128 : 32;
    }

    public boolean isHost() {
        return length == maxLength();
    }

    public boolean contains(InetAddress address) {
        return contains(host(address));
    }

    public boolean contains(IpPrefix other) {
        return other.ipv6 == ipv6 && other.length >= length
            && (other.high & maskHigh(length)) == high && (other.low & maskLow(length)) == low;
    }

    /** The first address of the network. */
    public InetAddress address() {
        byte[] bytes = new byte[ipv6 ? 16 : 4];
        if (ipv6) {
            putLong(bytes, 0, high);
            putLong(bytes, 8, low);
        } else {
            int bits = (int) (high >>> 32);
            bytes[0] = (byte) (bits >>> 24);
            bytes[1] = (byte) (bits >>> 16);
            bytes[2] = (byte) (bits >>> 8);
            bytes[3] = (byte) bits;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes always make an address", e);
        }
    }

    long high() {
        return high;
    }

    long low() {
        return low;
    }

    static long maskHigh(int length) {
        if (length >= 64) {
            return -1L;
        }
        return length == 0 ? 0L : -1L << (64 - length);
    }

    static long maskLow(int length) {
        if (length <= 64) {
            return 0L;
        }
        return length == 128 ? -1L : -1L << (128 - length);
    }

    private static int ipv4Bits(byte[] bytes) {
        return (bytes[0] & 0xFF) << 24 | (bytes[1] & 0xFF) << 16 | (bytes[2] & 0xFF) << 8 | (bytes[3] & 0xFF);
    }

    private static long longAt(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | (bytes[offset + i] & 0xFF);
        }
        return value;
    }

    private static void putLong(byte[] bytes, int offset, long value) {
        for (int i = 7; i >= 0; i--) {
            bytes[offset + 7 - i] = (byte) (value >>> (i * 8));
        }
    }

    /** {@code 203.0.113.7} for a host, {@code 198.51.100.0/24} for a network. */
    @Override
    public String toString() {
        String text = InetAddresses.toAddrString(address());
        return isHost() ? text : text + "/" + length;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof IpPrefix)) {
            return false;
        }
        IpPrefix other = (IpPrefix) o;
        return ipv6 == other.ipv6 && high == other.high && low == other.low && length == other.length;
    }

    @Override
    public int hashCode() {
        int hash = Long.hashCode(high);
        hash = 31 * hash + Long.hashCode(low);
        return 31 * hash + (ipv6 ? length + 256 : length);
    }
}
