package org.cleanmail.core.fingerprint;

import java.util.Locale;
import java.util.Objects;

import com.google.common.hash.HashCode;

/**
 * A 128-bit fingerprint identifier (the first 128 bits of a SHA-256), held as two longs
 * so that stores can keep millions of them in primitive arrays. Its text form is 32
 * lower-case hex digits.
 */
public final class FingerprintId implements Comparable<FingerprintId> {
    private static final int HEX_LENGTH = 32;

    private final long high;
    private final long low;

    public FingerprintId(long high, long low) {
        this.high = high;
        this.low = low;
    }

    /** The first 16 bytes of a hash of at least 128 bits, big-endian. */
    public static FingerprintId of(HashCode hash) {
        byte[] bytes = hash.asBytes();
        if (bytes.length < 16) {
            throw new IllegalArgumentException("a fingerprint id needs a hash of 128 bits or more, got "
                + bytes.length * 8);
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (bytes[i] & 0xff);
            low = (low << 8) | (bytes[i + 8] & 0xff);
        }
        return new FingerprintId(high, low);
    }

    /** Parses 32 hex digits (case ignored), or the first 32 hex digits of a longer hash such as a SHA-256. */
    public static FingerprintId parse(String hex) {
        Objects.requireNonNull(hex, "fingerprint id");
        if (hex.length() < HEX_LENGTH) {
            throw new IllegalArgumentException("a fingerprint id is 32 hex digits, got '" + hex + "'");
        }
        try {
            String digits = hex.substring(0, HEX_LENGTH).toLowerCase(Locale.ROOT);
            return of(HashCode.fromString(digits));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a fingerprint id is 32 hex digits, got '" + hex + "'", e);
        }
    }

    public long high() {
        return high;
    }

    public long low() {
        return low;
    }

    public String hex() {
        return String.format(Locale.ROOT, "%016x%016x", high, low);
    }

    @Override
    public int compareTo(FingerprintId other) {
        int byHigh = Long.compareUnsigned(high, other.high);
        return byHigh != 0 ? byHigh : Long.compareUnsigned(low, other.low);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FingerprintId)) {
            return false;
        }
        FingerprintId other = (FingerprintId) o;
        return high == other.high && low == other.low;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(high * 31 + low);
    }

    @Override
    public String toString() {
        return hex();
    }
}
