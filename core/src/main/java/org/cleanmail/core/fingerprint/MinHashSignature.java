package org.cleanmail.core.fingerprint;

import java.nio.ByteBuffer;
import java.util.Arrays;

import com.google.common.hash.Hashing;

/**
 * A MinHash signature: for each of its hash functions, the (low 32 bits of the) smallest
 * hash over the text's word shingles. The fraction of positions where two signatures
 * agree estimates the Jaccard similarity of the two shingle sets.
 */
public final class MinHashSignature {
    private final int[] values;

    private MinHashSignature(int[] values) {
        this.values = values;
    }

    public static MinHashSignature of(int... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a MinHash signature needs at least one value");
        }
        return new MinHashSignature(values.clone());
    }

    public int length() {
        return values.length;
    }

    public int value(int index) {
        return values[index];
    }

    /** A copy of the values. */
    public int[] values() {
        return values.clone();
    }

    /** How many positions hold the same value; signatures must have the same length. */
    public int agreeingValues(MinHashSignature other) {
        if (other.values.length != values.length) {
            throw new IllegalArgumentException("signatures of different lengths: " + values.length
                + " and " + other.values.length);
        }
        int agreeing = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == other.values[i]) {
                agreeing++;
            }
        }
        return agreeing;
    }

    /** The fraction of agreeing values, from 0 to 1. */
    public double similarity(MinHashSignature other) {
        return (double) agreeingValues(other) / values.length;
    }

    /** The id under which the signature is stored: the first 128 bits of the SHA-256 of its values. */
    public FingerprintId id() {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Integer.BYTES);
        for (int value : values) {
            buffer.putInt(value);
        }
        return FingerprintId.of(Hashing.sha256().hashBytes(buffer.array()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinHashSignature && Arrays.equals(values, ((MinHashSignature) o).values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "MinHashSignature" + Arrays.toString(values);
    }
}
