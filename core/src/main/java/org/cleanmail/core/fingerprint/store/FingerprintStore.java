package org.cleanmail.core.fingerprint.store;

import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;

import org.cleanmail.core.fingerprint.Fingerprint;
import org.cleanmail.core.fingerprint.FingerprintId;
import org.cleanmail.core.fingerprint.FingerprintKind;
import org.cleanmail.core.fingerprint.FingerprintSource;
import org.cleanmail.core.fingerprint.MinHashSignature;

/**
 * The spam fingerprint database. Entries are keyed by kind and id; an entry expires a
 * configured time after it was last learnt, and expired entries are invisible to every
 * read before {@link #purgeExpired()} drops them. A veto (a ham report) turns an entry
 * into a veto marker: it never expires, it is returned with {@code vetoed() == true} so
 * that callers never count it as spam, and learning it again is refused. Lookups do not
 * change the store. Implementations are thread-safe.
 */
public interface FingerprintStore extends Closeable {
    /**
     * Learns a fingerprint: a new entry, or one more hit on the existing entry (last seen
     * and expiry move forward, the weight becomes the larger of the two, the first source
     * stays). Refused when the fingerprint is vetoed.
     */
    LearnOutcome learn(Fingerprint fingerprint, FingerprintSource source, double weight);

    /** The live or vetoed entry of that kind and id. */
    Optional<FingerprintEntry> lookup(FingerprintKind kind, FingerprintId id);

    /**
     * The TEXT_FUZZY entry (live or vetoed) whose signature agrees best with this one, if it
     * reaches {@code minSimilarity} (fraction of agreeing values); on a tie a veto wins.
     * Found through an index, never by scanning all entries. The signature must have the
     * store's length (32 values by default), or this throws {@link IllegalArgumentException}.
     */
    Optional<FuzzyMatch> lookupFuzzy(MinHashSignature signature, double minSimilarity);

    /** Forgets the entry, veto included; false when there was none. */
    boolean remove(FingerprintKind kind, FingerprintId id);

    /** Vetoes the fingerprint, whether or not it was learnt: its hits are dropped. */
    void veto(Fingerprint fingerprint, FingerprintSource source);

    /**
     * A page of entries (vetoes included), of one kind or of all. Start with an empty
     * cursor and pass each page's {@link FingerprintPage#nextCursor()} until it is empty.
     * Entries added or removed while paging may or may not be listed.
     */
    FingerprintPage list(Optional<FingerprintKind> kind, Optional<String> cursor, int limit);

    FingerprintStats stats();

    /** Drops the entries that expired (never vetoes); returns how many. */
    int purgeExpired();

    @Override
    void close() throws IOException;
}
