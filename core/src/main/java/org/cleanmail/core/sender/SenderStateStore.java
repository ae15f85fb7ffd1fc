package org.cleanmail.core.sender;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where behaviour analysis keeps its state: sliding-window counters, open connection
 * counts, flags and reputation records, keyed by client address or network in canonical
 * text form. Implementations are thread-safe, bound their memory, and take the current
 * instant from the caller so that every node of a cluster agrees on windows.
 * {@link InMemorySenderStateStore} serves one server; a shared store (Redis) serves a
 * cluster. Both pass {@code SenderStateStoreContract}.
 */
public interface SenderStateStore {
    /**
     * Counts {@code amount} events for {@code key} at {@code now} in a sliding window of
     * {@code window}, and returns the window's total including them. Windows are kept in
     * buckets of a tenth of the window, aligned on the epoch (see {@link SlidingWindow}): an
     * event counts until at least 0.9 and at most 1 window after it happened, in every
     * implementation alike.
     */
    long addToWindow(BehaviourCounter counter, String key, Duration window, long amount, Instant now);

    /** The events counted for {@code key} in the window of {@code window} ending at {@code now}. */
    long windowTotal(BehaviourCounter counter, String key, Duration window, Instant now);

    /** Forgets the events counted for {@code key}. */
    void resetWindow(BehaviourCounter counter, String key);

    /** Counts one more open connection for {@code key}; returns how many are open now. */
    int openConnection(String key);

    /** Counts one connection less (never below zero); returns how many are still open. */
    int closeConnection(String key);

    /** How many connections are open for {@code key}. */
    int openConnections(String key);

    /** Stores the flag, replacing the flag of the same key. */
    void putFlag(SenderFlag flag);

    /** The flag of {@code key} if it is active at {@code now}. */
    Optional<SenderFlag> activeFlag(String key, Instant now);

    /** Removes the flag of {@code key}; returns whether there was one. */
    boolean removeFlag(String key);

    /** Every flag active at {@code now}. */
    List<SenderFlag> activeFlags(Instant now);

    /**
     * Replaces the reputation record of {@code key} by {@code change} applied to it (to
     * {@code ReputationRecord.empty(now)} when there is none) atomically, and returns the
     * new record.
     */
    ReputationRecord updateReputation(String key, Instant now, UnaryOperator<ReputationRecord> change);

    /** The stored reputation record of {@code key}, not decayed. */
    Optional<ReputationRecord> reputation(String key);
}
