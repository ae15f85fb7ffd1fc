package org.cleanmail.core.fingerprint.store.embedded;

/** Hash mixing for the open-addressing tables. */
final class Mixing {
    private Mixing() {
    }

    /** The MurmurHash3 64-bit finaliser. */
    static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** The home position of a key in a table of {@code mask + 1} (a power of two) positions. */
    static int home(long key, int mask) {
        return (int) mix(key) & mask;
    }
}
