package org.cleanmail.core.fingerprint.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of a listing, and the opaque cursor of the next page (empty on the last one). */
public final class FingerprintPage {
    private final List<FingerprintEntry> entries;
    private final Optional<String> nextCursor;

    public FingerprintPage(List<FingerprintEntry> entries, Optional<String> nextCursor) {
        this.entries = List.copyOf(entries);
        this.nextCursor = Objects.requireNonNull(nextCursor, "next cursor");
    }

    public List<FingerprintEntry> entries() {
        return entries;
    }

    public Optional<String> nextCursor() {
        return nextCursor;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FingerprintPage)) {
            return false;
        }
        FingerprintPage other = (FingerprintPage) o;
        return entries.equals(other.entries) && nextCursor.equals(other.nextCursor);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entries, nextCursor);
    }

    @Override
    public String toString() {
        return "FingerprintPage{" + entries.size() + " entries, next=" + nextCursor.orElse("none") + "}";
    }
}
