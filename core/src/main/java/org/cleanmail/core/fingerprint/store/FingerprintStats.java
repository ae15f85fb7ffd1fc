package org.cleanmail.core.fingerprint.store;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.cleanmail.core.fingerprint.FingerprintKind;
import org.cleanmail.core.fingerprint.FingerprintSource;

/**
 * Counts of live (unexpired, not vetoed) entries by kind and by source, and the number of
 * vetoes. Every kind and every source has a count, zero included.
 */
public final class FingerprintStats {
    private final Map<FingerprintKind, Long> byKind;
    private final Map<FingerprintSource, Long> bySource;
    private final long vetoes;

    public FingerprintStats(Map<FingerprintKind, Long> byKind, Map<FingerprintSource, Long> bySource, long vetoes) {
        this.byKind = complete(FingerprintKind.class, FingerprintKind.values(), byKind);
        this.bySource = complete(FingerprintSource.class, FingerprintSource.values(), bySource);
        this.vetoes = vetoes;
    }

    private static <K extends Enum<K>> Map<K, Long> complete(Class<K> type, K[] keys, Map<K, Long> counts) {
        EnumMap<K, Long> all = new EnumMap<>(type);
        for (K key : keys) {
            all.put(key, counts.getOrDefault(key, 0L));
        }
        return Map.copyOf(all);
    }

    public Map<FingerprintKind, Long> byKind() {
        return byKind;
    }

    public Map<FingerprintSource, Long> bySource() {
        return bySource;
    }

    public long count(FingerprintKind kind) {
        return byKind.get(kind);
    }

    public long count(FingerprintSource source) {
        return bySource.get(source);
    }

    /** Live entries, vetoes not included. */
    public long total() {
        return byKind.values().stream().mapToLong(Long::longValue).sum();
    }

    public long vetoes() {
        return vetoes;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FingerprintStats)) {
            return false;
        }
        FingerprintStats other = (FingerprintStats) o;
        return byKind.equals(other.byKind) && bySource.equals(other.bySource) && vetoes == other.vetoes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(byKind, bySource, vetoes);
    }

    @Override
    public String toString() {
        return "FingerprintStats{byKind=" + byKind + ", bySource=" + bySource + ", vetoes=" + vetoes + "}";
    }
}
