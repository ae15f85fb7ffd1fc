package org.cleanmail.core.scoring;

import java.util.Arrays;

/**
 * A state of a subset construction as a map key: the sorted numbers of the nondeterministic
 * automaton's states it holds, and a tag that tells apart states holding the same set
 * ({@link GroupTable}: the patterns whose strings end on entering it; 0 where nothing does).
 */
final class SubsetKey {
    private final int[] set;
    private final long tag;
    private final int hash;

    SubsetKey(int[] set, long tag) {
        this.set = set;
        this.tag = tag;
        this.hash = Arrays.hashCode(set) * 31 + Long.hashCode(tag);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SubsetKey && ((SubsetKey) other).tag == tag && Arrays.equals(set, ((SubsetKey) other).set);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
