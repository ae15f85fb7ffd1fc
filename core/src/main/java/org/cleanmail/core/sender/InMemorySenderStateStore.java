package org.cleanmail.core.sender;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The embedded {@link SenderStateStore}: Caffeine caches bounded to {@code maximumKeys}
 * entries each (windows, flags, reputation records), evicted by Caffeine's size policy
 * (by frequency and recency) when full: under a flood of distinct clients, the rarely
 * seen ones are forgotten first.
 * A window is dropped one window after its last event, a flag when it ends, a reputation
 * record after {@code reputationIdleTime} without events. Open connection counts are not
 * evicted (a lost count would under-count a live connection); they are removed when they
 * reach zero, so their number is bounded by the connections the server accepts.
 * The clock only drives eviction; counters use the instants callers pass.
 */
public final class InMemorySenderStateStore implements SenderStateStore {
    public static final int DEFAULT_MAXIMUM_KEYS = 100_000;
    public static final Duration DEFAULT_REPUTATION_IDLE_TIME = Duration.ofDays(30);

    private final Cache<String, SlidingWindow> windows;
    private final Cache<String, SenderFlag> flags;
    private final Cache<String, ReputationRecord> reputations;
    private final Map<String, Integer> connections = new ConcurrentHashMap<>();

    public InMemorySenderStateStore(Clock clock, int maximumKeys, Duration reputationIdleTime) {
        Objects.requireNonNull(clock, "clock");
        if (maximumKeys <= 0) {
            throw new IllegalArgumentException("maximumKeys must be positive, e.g. " + DEFAULT_MAXIMUM_KEYS
                + "; got " + maximumKeys);
        }
        Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
        this.windows = Caffeine.newBuilder()
            .ticker(ticker)
            .executor(Runnable::run)
            .maximumSize(maximumKeys)
            .expireAfter(new ExpireAfterWrite<String, SlidingWindow>(SlidingWindow::window))
            .build();
        this.flags = Caffeine.newBuilder()
            .ticker(ticker)
            .executor(Runnable::run)
            .maximumSize(maximumKeys)
            .expireAfter(new ExpireAfterWrite<String, SenderFlag>(flag ->
                positive(Duration.between(Instant.ofEpochMilli(clock.millis()), flag.until()))))
            .build();
        this.reputations = Caffeine.newBuilder()
            .ticker(ticker)
            .executor(Runnable::run)
            .maximumSize(maximumKeys)
            .expireAfterWrite(reputationIdleTime)
            .build();
    }

    public InMemorySenderStateStore(Clock clock) {
        this(clock, DEFAULT_MAXIMUM_KEYS, DEFAULT_REPUTATION_IDLE_TIME);
    }

    @Override
    public long addToWindow(BehaviourCounter counter, String key, Duration window, long amount, Instant now) {
        long[] total = new long[1];
        windows.asMap().compute(windowKey(counter, key), (ignored, existing) -> {
            SlidingWindow current = existing == null || !existing.window().equals(window)
                ? new SlidingWindow(window) : existing;
            total[0] = current.add(amount, now);
            return current;
        });
        return total[0];
    }

    @Override
    public long windowTotal(BehaviourCounter counter, String key, Duration window, Instant now) {
        SlidingWindow existing = windows.getIfPresent(windowKey(counter, key));
        if (existing == null || !existing.window().equals(window)) {
            return 0;
        }
        return existing.total(now);
    }

    @Override
    public void resetWindow(BehaviourCounter counter, String key) {
        windows.invalidate(windowKey(counter, key));
    }

    @Override
    public int openConnection(String key) {
        return connections.merge(key, 1, Integer::sum);
    }

    @Override
    public int closeConnection(String key) {
        Integer left = connections.computeIfPresent(key, (ignored, open) -> open <= 1 ? null : open - 1);
        return left == null ? 0 : left;
    }

    @Override
    public int openConnections(String key) {
        return connections.getOrDefault(key, 0);
    }

    @Override
    public void putFlag(SenderFlag flag) {
        flags.put(flag.key(), flag);
    }

    @Override
    public Optional<SenderFlag> activeFlag(String key, Instant now) {
        return Optional.ofNullable(flags.getIfPresent(key)).filter(flag -> flag.isActiveAt(now));
    }

    @Override
    public boolean removeFlag(String key) {
        return flags.asMap().remove(key) != null;
    }

    @Override
    public List<SenderFlag> activeFlags(Instant now) {
        return flags.asMap().values().stream()
            .filter(flag -> flag.isActiveAt(now))
            .sorted(Comparator.comparing(SenderFlag::since).thenComparing(SenderFlag::key))
            .collect(Collectors.toUnmodifiableList());
    }

    @Override
    public ReputationRecord updateReputation(String key, Instant now, UnaryOperator<ReputationRecord> change) {
        return reputations.asMap().compute(key, (ignored, existing) ->
            Objects.requireNonNull(change.apply(existing == null ? ReputationRecord.empty(now) : existing),
                "a reputation change must give a record"));
    }

    @Override
    public Optional<ReputationRecord> reputation(String key) {
        return Optional.ofNullable(reputations.getIfPresent(key));
    }

    /** Entries held, windows + flags + reputation records, after pending evictions: for tests and status. */
    long estimatedKeys() {
        windows.cleanUp();
        flags.cleanUp();
        reputations.cleanUp();
        return windows.estimatedSize() + flags.estimatedSize() + reputations.estimatedSize();
    }

    private static String windowKey(BehaviourCounter counter, String key) {
        return counter.name() + '|' + key;
    }

    /** Expires each entry a duration computed from its value after it was last written. */
    private static final class ExpireAfterWrite<K, V> implements Expiry<K, V> {
        private final Function<V, Duration> lifetime;

        private ExpireAfterWrite(Function<V, Duration> lifetime) {
            this.lifetime = lifetime;
        }

        @Override
        public long expireAfterCreate(K key, V value, long currentTime) {
            return lifetime.apply(value).toNanos();
        }

        @Override
        public long expireAfterUpdate(K key, V value, long currentTime, long currentDuration) {
            return lifetime.apply(value).toNanos();
        }

        @Override
        public long expireAfterRead(K key, V value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() || duration.isZero() ? Duration.ofMillis(1) : duration;
    }
}
