package org.cleanmail.core.quarantine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The index of the quarantine: one {@link QuarantineEntry} per recipient of each
 * quarantined mail (the mail itself is in James's repository). Indexed by recipient, so a
 * user's listing reads only that user's entries. Thread-safe.
 *
 * <p>Release and purge exclude each other per entry: {@link #beginRelease} claims an
 * entry for release, {@link #claimForPurge} for purging; an entry claimed one way cannot
 * be claimed the other way until the claim ends ({@link #markReleased},
 * {@link #cancelRelease}, {@link #remove}, {@link #dropPurgeClaim}). Claims are not
 * persistent: after a restart no entry is claimed.
 */
public interface QuarantineIndex {
    /** Adds an entry, or replaces the entry of the same id. */
    void add(QuarantineEntry entry);

    Optional<QuarantineEntry> get(QuarantineEntryId id);

    /** Entries matching the query, sorted and paged as it says (administrator view). */
    QuarantinePage list(QuarantineQuery query);

    /**
     * A recipient's own entries: the query restricted to {@code recipient} whatever
     * recipient it names, so a user's view never holds another user's entry.
     */
    QuarantinePage listOf(String recipient, QuarantineQuery query);

    /** Every entry of one mail (one per recipient it was quarantined for), by recipient. */
    List<QuarantineEntry> entriesOfMail(String mailKey);

    /**
     * Claims an entry for release. Fails (returns false) when the entry does not exist, is
     * already released, or is claimed for release or purge.
     */
    boolean beginRelease(QuarantineEntryId id);

    /** Marks an entry released and ends its release claim; returns false when it does not exist or is claimed for purge. */
    boolean markReleased(QuarantineEntryId id);

    /** Ends a release claim without marking the entry released (the release failed). */
    void cancelRelease(QuarantineEntryId id);

    /**
     * Claims an entry for purging: succeeds only when it exists, is expired at {@code now}
     * and is not being released.
     */
    boolean claimForPurge(QuarantineEntryId id, Instant now);

    /** Ends a purge claim without removing the entry (the purge failed). */
    void dropPurgeClaim(QuarantineEntryId id);

    /** Removes an entry (and any claim on it); returns whether it existed. */
    boolean remove(QuarantineEntryId id);

    /** Entries whose expiry is at or before {@code instant}, soonest expiry first. */
    List<QuarantineEntry> expiredAt(Instant instant);

    /** The number of entries. */
    int size();
}
