package org.cleanmail.core.quarantine;

import java.util.List;
import java.util.Objects;

/** One page of a quarantine listing, with the number of entries matching the filters in all. Immutable. */
public final class QuarantinePage {
    private final List<QuarantineEntry> entries;
    private final int total;
    private final int offset;
    private final int limit;

    public QuarantinePage(List<QuarantineEntry> entries, int total, int offset, int limit) {
        this.entries = List.copyOf(entries);
        this.total = total;
        this.offset = offset;
        this.limit = limit;
    }

    public List<QuarantineEntry> entries() {
        return entries;
    }

    /** How many entries match the query's filters, over all pages. */
    public int total() {
        return total;
    }

    public int offset() {
        return offset;
    }

    public int limit() {
        return limit;
    }

    public boolean hasMore() {
        return offset + entries.size() < total;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof QuarantinePage)) {
            return false;
        }
        QuarantinePage other = (QuarantinePage) o;
        return entries.equals(other.entries) && total == other.total && offset == other.offset && limit == other.limit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(entries, total, offset, limit);
    }

    @Override
    public String toString() {
        return "QuarantinePage{" + offset + "+" + entries.size() + " of " + total + "}";
    }
}
