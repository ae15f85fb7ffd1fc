package org.cleanmail.core.blacklist;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * An immutable map from IP prefixes to values, as a path-compressed binary trie (one per
 * address family). Lookups walk at most one node per distinct prefix length on the path,
 * so they cost at most 33 (IPv4) or 129 (IPv6) node visits whatever the size. Changes
 * copy only the path they touch and return a new trie, so readers of an old trie are
 * never disturbed: publish the new trie through a {@code volatile} field for
 * copy-on-write snapshots.
 *
 * @param <V> the value stored for each prefix
 */
public final class IpPrefixTrie<V> {
    private static final IpPrefixTrie<?> EMPTY = new IpPrefixTrie<>(null, null, 0);

    private final Node<V> ipv4;
    private final Node<V> ipv6;
    private final int size;

    private IpPrefixTrie(Node<V> ipv4, Node<V> ipv6, int size) {
        this.ipv4 = ipv4;
        this.ipv6 = ipv6;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    public static <V> IpPrefixTrie<V> empty() {
        return (IpPrefixTrie<V>) EMPTY;
    }

    public int size() {
        return size;
    }

    /** A trie where {@code prefix} maps to {@code value}, replacing any value it had. */
    public IpPrefixTrie<V> with(IpPrefix prefix, V value) {
        Objects.requireNonNull(value, "value");
        int newSize = get(prefix).isPresent() ? size : size + 1;
        Node<V> root = insert(root(prefix), prefix.high(), prefix.low(), prefix.length(), value);
        return prefix.isIpv6() ? new IpPrefixTrie<>(ipv4, root, newSize) : new IpPrefixTrie<>(root, ipv6, newSize);
    }

    /** A trie without {@code prefix}; this very trie when it had no value for it. */
    public IpPrefixTrie<V> without(IpPrefix prefix) {
        if (get(prefix).isEmpty()) {
            return this;
        }
        Node<V> root = remove(root(prefix), prefix.high(), prefix.low(), prefix.length());
        return prefix.isIpv6() ? new IpPrefixTrie<>(ipv4, root, size - 1) : new IpPrefixTrie<>(root, ipv6, size - 1);
    }

    /** The value of exactly this prefix. */
    public Optional<V> get(IpPrefix prefix) {
        Node<V> node = root(prefix);
        long high = prefix.high();
        long low = prefix.low();
        int length = prefix.length();
        while (node != null && node.length <= length
            && commonPrefix(node.high, node.low, high, low, node.length) == node.length) {
            if (node.length == length) {
                return Optional.ofNullable(node.value);
            }
            node = bit(high, low, node.length) == 0 ? node.zero : node.one;
        }
        return Optional.empty();
    }

    /** The value of the longest prefix that contains {@code address}. */
    public Optional<V> longestMatch(InetAddress address) {
        return longestMatch(address, value -> true);
    }

    /**
     * The value of the longest prefix that contains {@code address} among those whose
     * value passes {@code acceptable} (e.g. entries that have not expired).
     */
    public Optional<V> longestMatch(InetAddress address, Predicate<? super V> acceptable) {
        return longestMatch(IpPrefix.host(address), acceptable);
    }

    /**
     * The value of the longest prefix that contains {@code prefix} (itself included) among
     * those whose value passes {@code acceptable}.
     */
    public Optional<V> longestMatch(IpPrefix host, Predicate<? super V> acceptable) {
        long high = host.high();
        long low = host.low();
        int length = host.length();
        Node<V> node = root(host);
        V best = null;
        while (node != null && node.length <= length
            && commonPrefix(node.high, node.low, high, low, node.length) == node.length) {
            if (node.value != null && acceptable.test(node.value)) {
                best = node.value;
            }
            if (node.length == length) {
                break;
            }
            node = bit(high, low, node.length) == 0 ? node.zero : node.one;
        }
        return Optional.ofNullable(best);
    }

    /** Visits every value, IPv4 first, each family in address order. */
    public void forEach(Consumer<? super V> action) {
        visit(ipv4, action);
        visit(ipv6, action);
    }

    private Node<V> root(IpPrefix prefix) {
        return prefix.isIpv6() ? ipv6 : ipv4;
    }

    private static <V> void visit(Node<V> node, Consumer<? super V> action) {
        if (node == null) {
            return;
        }
        if (node.value != null) {
            action.accept(node.value);
        }
        visit(node.zero, action);
        visit(node.one, action);
    }

    private static <V> Node<V> insert(Node<V> node, long high, long low, int length, V value) {
        if (node == null) {
            return new Node<>(high, low, length, value, null, null);
        }
        int common = commonPrefix(node.high, node.low, high, low, Math.min(node.length, length));
        if (common == node.length && common == length) {
            return new Node<>(node.high, node.low, length, value, node.zero, node.one);
        }
        if (common == node.length) {
            if (bit(high, low, node.length) == 0) {
                return new Node<>(node.high, node.low, node.length, node.value,
                    insert(node.zero, high, low, length, value), node.one);
            }
            return new Node<>(node.high, node.low, node.length, node.value,
                node.zero, insert(node.one, high, low, length, value));
        }
        if (common == length) {
            return bit(node.high, node.low, length) == 0
                ? new Node<>(high, low, length, value, node, null)
                : new Node<>(high, low, length, value, null, node);
        }
        Node<V> leaf = new Node<>(high, low, length, value, null, null);
        long forkHigh = high & IpPrefix.maskHigh(common);
        long forkLow = low & IpPrefix.maskLow(common);
        return bit(high, low, common) == 0
            ? new Node<>(forkHigh, forkLow, common, null, leaf, node)
            : new Node<>(forkHigh, forkLow, common, null, node, leaf);
    }

    private static <V> Node<V> remove(Node<V> node, long high, long low, int length) {
        if (node == null || node.length > length
            || commonPrefix(node.high, node.low, high, low, node.length) < node.length) {
            return node;
        }
        if (node.length == length) {
            return compact(node.high, node.low, node.length, null, node.zero, node.one);
        }
        if (bit(high, low, node.length) == 0) {
            return compact(node.high, node.low, node.length, node.value, remove(node.zero, high, low, length), node.one);
        }
        return compact(node.high, node.low, node.length, node.value, node.zero, remove(node.one, high, low, length));
    }

    /** A node, or its only child when it holds no value: keeps the trie path-compressed. */
    private static <V> Node<V> compact(long high, long low, int length, V value, Node<V> zero, Node<V> one) {
        if (value == null && zero == null) {
            return one;
        }
        if (value == null && one == null) {
            return zero;
        }
        return new Node<>(high, low, length, value, zero, one);
    }

    private static int bit(long high, long low, int index) {
        if (index < 64) {
            return (int) (high >>> (63 - index)) & 1;
        }
        return (int) (low >>> (127 - index)) & 1;
    }

    private static int commonPrefix(long high1, long low1, long high2, long low2, int max) {
        long highDiff = high1 ^ high2;
        int common;
        if (highDiff != 0) {
            common = Long.numberOfLeadingZeros(highDiff);
        } else {
            common = 64 + Long.numberOfLeadingZeros(low1 ^ low2);
        }
        return Math.min(common, max);
    }

    /** A prefix (its bits and length), its value if any, and the subtrees under bit 0 and bit 1. */
    private static final class Node<V> {
        private final long high;
        private final long low;
        private final int length;
        private final V value;
        private final Node<V> zero;
        private final Node<V> one;

        private Node(long high, long low, int length, V value, Node<V> zero, Node<V> one) {
            this.high = high;
            this.low = low;
            this.length = length;
            this.value = value;
            this.zero = zero;
            this.one = one;
        }
    }
}
