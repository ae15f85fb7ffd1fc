package org.cleanmail.core.fingerprint.store.embedded;

import java.util.Arrays;

/**
 * Locality-sensitive hashing over MinHash signatures: each signature is cut into
 * {@code bands} bands of {@code rows} values, and signatures that agree on a whole band
 * are candidates for each other. With 16 bands of 2 values, two signatures agreeing on
 * 53% of their values (the rspamd threshold) become candidates with probability 0.995,
 * and mail with nothing in common almost never does. With 2 values per band the index
 * misses no signature agreeing on more than half the values: 17 agreeing values in 16
 * bands fill at least one band (pigeonhole).
 * <p>
 * Compact layout: one open-addressing table (load at most 3/4) from 32-bit band key to the
 * first slot of a chain, and the chains doubly linked through two {@code int}s per slot
 * and band, so that removing an entry costs the same however many entries share its bands. Not thread-safe: the
 * store's lock guards it.
 */
final class BandIndex {
    private static final long BAND_SALT = 0x9E3779B97F4A7C15L;
    private static final int INITIAL_TABLE_SIZE = 64;

    private final int bands;
    private final int rows;
    /** Band keys, 32 bits: a collision only adds a candidate, which is then verified. */
    private int[] keys = new int[INITIAL_TABLE_SIZE];
    /** Chain head per table position, as slot + 1; 0 marks a free position. */
    private int[] heads = new int[INITIAL_TABLE_SIZE];
    private int usedPositions;
    /** Next slot in the chain, as slot + 1, at {@code slot * bands + band}; 0 ends a chain. */
    private int[] next = new int[0];
    /** Previous slot in the chain, as slot + 1; 0 at the head. Makes removal O(1) however long the chain. */
    private int[] previous = new int[0];

    BandIndex(int bands, int rows) {
        this.bands = bands;
        this.rows = rows;
    }

    void ensureSlotCapacity(int slots) {
        if (next.length < slots * bands) {
            next = Arrays.copyOf(next, slots * bands);
            previous = Arrays.copyOf(previous, slots * bands);
        }
    }

    void add(int slot, int[] signatures, int offset) {
        for (int band = 0; band < bands; band++) {
            int key = bandKey(signatures, offset, band);
            int position = findOrInsert(key);
            int head = heads[position];
            next[slot * bands + band] = head;
            previous[slot * bands + band] = 0;
            if (head != 0) {
                previous[(head - 1) * bands + band] = slot + 1;
            }
            heads[position] = slot + 1;
        }
    }

    void remove(int slot, int[] signatures, int offset) {
        for (int band = 0; band < bands; band++) {
            int position = find(bandKey(signatures, offset, band));
            if (position < 0) {
                continue;
            }
            unlink(position, slot, band);
            if (heads[position] == 0) {
                deleteAt(position);
                usedPositions--;
            }
        }
    }

    /**
     * The slots that share at least one band with the signature, at most {@code maxVisits}
     * of them (a slot sharing several bands may appear several times).
     */
    int[] candidates(int[] signatures, int offset, int maxVisits) {
        int[] found = new int[Math.min(maxVisits, 64)];
        int count = 0;
        for (int band = 0; band < bands && count < maxVisits; band++) {
            int position = find(bandKey(signatures, offset, band));
            if (position < 0) {
                continue;
            }
            for (int ref = heads[position]; ref != 0 && count < maxVisits; ref = next[(ref - 1) * bands + band]) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, Math.min(maxVisits, found.length * 2));
                }
                found[count++] = ref - 1;
            }
        }
        return Arrays.copyOf(found, count);
    }

    /** Approximate heap bytes held, for measurements. */
    long footprintBytes() {
        return (long) keys.length * Integer.BYTES + (long) heads.length * Integer.BYTES
            + 2L * next.length * Integer.BYTES;
    }

    private int bandKey(int[] signatures, int offset, int band) {
        long key = (band + 1) * BAND_SALT;
        int start = offset + band * rows;
        for (int row = 0; row < rows; row++) {
            key = Mixing.mix(key * 31 + (signatures[start + row] & 0xffffffffL));
        }
        return (int) key;
    }

    private void unlink(int position, int slot, int band) {
        int at = slot * bands + band;
        int before = previous[at];
        int after = next[at];
        if (before == 0) {
            heads[position] = after;
        } else {
            next[(before - 1) * bands + band] = after;
        }
        if (after != 0) {
            previous[(after - 1) * bands + band] = before;
        }
        next[at] = 0;
        previous[at] = 0;
    }

    private int find(int key) {
        int mask = keys.length - 1;
        for (int position = Mixing.home(key, mask); heads[position] != 0; position = (position + 1) & mask) {
            if (keys[position] == key) {
                return position;
            }
        }
        return -1;
    }

    private int findOrInsert(int key) {
        int existing = find(key);
        if (existing >= 0) {
            return existing;
        }
        if ((usedPositions + 1) * 4L > keys.length * 3L) {
            grow();
        }
        int mask = keys.length - 1;
        int position = Mixing.home(key, mask);
        while (heads[position] != 0) {
            position = (position + 1) & mask;
        }
        keys[position] = key;
        usedPositions++;
        return position;
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldHeads = heads;
        keys = new int[oldKeys.length * 2];
        heads = new int[oldHeads.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldHeads[i] != 0) {
                int position = Mixing.home(oldKeys[i], mask);
                while (heads[position] != 0) {
                    position = (position + 1) & mask;
                }
                keys[position] = oldKeys[i];
                heads[position] = oldHeads[i];
            }
        }
    }

    /** Linear-probing deletion by backward shift: no tombstones. */
    private void deleteAt(int position) {
        int mask = keys.length - 1;
        int gap = position;
        int current = position;
        while (true) {
            current = (current + 1) & mask;
            if (heads[current] == 0) {
                break;
            }
            int home = Mixing.home(keys[current], mask);
            boolean stays = gap <= current ? home > gap && home <= current : home > gap || home <= current;
            if (!stays) {
                keys[gap] = keys[current];
                heads[gap] = heads[current];
                gap = current;
            }
        }
        heads[gap] = 0;
    }
}
