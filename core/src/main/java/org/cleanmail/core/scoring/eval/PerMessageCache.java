package org.cleanmail.core.scoring.eval;

import java.lang.ref.WeakReference;
import java.util.Objects;
import java.util.function.Function;

import org.cleanmail.core.message.MessageFeatures;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Remembers a value worked out from one message, so that the many rules that need it
 * (every {@code html_*} rule needs the same HTML analysis) compute it once. Keys are held
 * weakly and compared by identity: a message's entry goes when the message does. The last
 * message's value is also kept aside, read without the cache (a scan asks for one message's
 * value many times in a row). Thread-safe.
 */
final class PerMessageCache<T> {
    /**
     * Messages remembered at most. Entries also go when their message is collected; the bound
     * caps memory between collections (a message's facts hold at most 512K characters of text).
     */
    private static final int MAXIMUM_MESSAGES = 64;

    private final Cache<MessageFeatures, T> cache = Caffeine.newBuilder()
        .weakKeys()
        .maximumSize(MAXIMUM_MESSAGES)
        .build();
    private final Function<MessageFeatures, T> computation;
    private volatile Last<T> last;

    PerMessageCache(Function<MessageFeatures, T> computation) {
        this.computation = Objects.requireNonNull(computation, "computation");
    }

    T get(MessageFeatures features) {
        Last<T> remembered = last;
        if (remembered != null && remembered.features.get() == features) {
            return remembered.value;
        }
        T value = cache.get(features, computation);
        last = new Last<>(features, value);
        return value;
    }

    /** The last message asked for (held weakly, as in the cache) and its value. */
    private static final class Last<T> {
        private final WeakReference<MessageFeatures> features;
        private final T value;

        Last(MessageFeatures features, T value) {
            this.features = new WeakReference<>(features);
            this.value = value;
        }
    }
}
