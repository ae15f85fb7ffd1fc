package org.cleanmail.core.quarantine;

import java.util.Comparator;

/** Orders of quarantine listings; ties are broken by mail key and recipient, so pages are stable. */
public enum QuarantineSort {
    ARRIVAL_ASCENDING(Comparator.comparing(QuarantineEntry::arrival)),
    ARRIVAL_DESCENDING(Comparator.comparing(QuarantineEntry::arrival).reversed()),
    SCORE_ASCENDING(Comparator.comparingDouble(QuarantineEntry::score)),
    SCORE_DESCENDING(Comparator.comparingDouble(QuarantineEntry::score).reversed());

    private final Comparator<QuarantineEntry> comparator;

    QuarantineSort(Comparator<QuarantineEntry> primary) {
        this.comparator = primary.thenComparing(QuarantineEntry::id);
    }

    public Comparator<QuarantineEntry> comparator() {
        return comparator;
    }
}
