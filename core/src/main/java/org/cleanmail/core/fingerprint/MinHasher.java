package org.cleanmail.core.fingerprint;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;

/**
 * Computes MinHash signatures over word shingles, as rspamd's fuzzy storage does: each
 * run of {@code shingleSize} consecutive words is hashed to 64 bits; each of the
 * {@code hashCount} hash functions (seeded deterministically from {@code seed}) remixes
 * that hash, and the signature keeps, per function, the smallest remixed value (its low
 * 32 bits). Same settings, same signature, on every machine. Thread-safe.
 */
public final class MinHasher {
    private static final HashFunction WORD_HASH = Hashing.murmur3_128(0x5eed);
    private static final long SHINGLE_MULTIPLIER = 0x9E3779B97F4A7C15L;

    /** This thread's words hashed lately: mail repeats its words, and Guava hashes each through a new buffer. */
    private static final ThreadLocal<WordHashes> KNOWN_WORDS = ThreadLocal.withInitial(WordHashes::new);

    private final int shingleSize;
    private final long[] seeds;

    public MinHasher(int shingleSize, int hashCount, long seed) {
        if (shingleSize < 1) {
            throw new IllegalArgumentException("shingleSize must be at least 1, got " + shingleSize);
        }
        if (hashCount < 1) {
            throw new IllegalArgumentException("hashCount must be at least 1, got " + hashCount);
        }
        this.shingleSize = shingleSize;
        SplittableRandom random = new SplittableRandom(seed);
        this.seeds = new long[hashCount];
        for (int i = 0; i < hashCount; i++) {
            seeds[i] = random.nextLong();
        }
    }

    public int shingleSize() {
        return shingleSize;
    }

    public int hashCount() {
        return seeds.length;
    }

    /** The signature of the words' shingles; needs at least {@code shingleSize} words. */
    public MinHashSignature signature(List<String> words) {
        if (words.size() < shingleSize) {
            throw new IllegalArgumentException("need at least " + shingleSize + " words, got " + words.size());
        }
        long[] wordHashes = new long[words.size()];
        WordHashes known = KNOWN_WORDS.get();
        for (int i = 0; i < wordHashes.length; i++) {
            wordHashes[i] = known.hash(words.get(i));
        }
        long[] minima = new long[seeds.length];
        Arrays.fill(minima, Long.MAX_VALUE);
        for (int start = 0; start + shingleSize <= wordHashes.length; start++) {
            long shingle = shingleHash(wordHashes, start);
            for (int i = 0; i < seeds.length; i++) {
                long value = mix(shingle ^ seeds[i]);
                if (value < minima[i]) {
                    minima[i] = value;
                }
            }
        }
        int[] values = new int[seeds.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (int) minima[i];
        }
        return MinHashSignature.of(values);
    }

    private long shingleHash(long[] wordHashes, int start) {
        long hash = 0;
        for (int i = start; i < start + shingleSize; i++) {
            hash = mix(hash * SHINGLE_MULTIPLIER + wordHashes[i]);
        }
        return hash;
    }

    /** The MurmurHash3 64-bit finaliser: a bijection that spreads every input bit. */
    static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /**
     * The 64-bit hashes of the words one thread hashed lately, by the slot of each word's own
     * hash code (a word displaces the one in its slot): the same hash as {@link #WORD_HASH}
     * gives, without hashing a word again. Not thread-safe.
     */
    private static final class WordHashes {
        private static final int SLOT_BITS = 11;
        private static final int SLOTS = 1 << SLOT_BITS;
        private final String[] words = new String[SLOTS];
        private final long[] hashes = new long[SLOTS];

        long hash(String word) {
            int slot = (word.hashCode() * 0x9E3779B9) >>> (Integer.SIZE - SLOT_BITS);
            if (word.equals(words[slot])) {
                return hashes[slot];
            }
            long hash = WORD_HASH.hashString(word, StandardCharsets.UTF_8).asLong();
            words[slot] = word;
            hashes[slot] = hash;
            return hash;
        }
    }
}
