package org.cleanmail.archive.search;

import java.util.List;
import java.util.Objects;

/** One page of a search: the exact number of matching messages and the hits of the page. Immutable. */
public final class ArchiveSearchResult {
    private final long total;
    private final int offset;
    private final List<ArchiveHit> hits;

    public ArchiveSearchResult(long total, int offset, List<ArchiveHit> hits) {
        this.total = total;
        this.offset = offset;
        this.hits = List.copyOf(hits);
    }

    /** How many messages match the whole query. */
    public long total() {
        return total;
    }

    public int offset() {
        return offset;
    }

    public List<ArchiveHit> hits() {
        return hits;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArchiveSearchResult && total == ((ArchiveSearchResult) o).total
            && offset == ((ArchiveSearchResult) o).offset && hits.equals(((ArchiveSearchResult) o).hits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(total, offset, hits);
    }

    @Override
    public String toString() {
        return "ArchiveSearchResult{total=" + total + ", offset=" + offset + ", " + hits.size() + " hits}";
    }
}
