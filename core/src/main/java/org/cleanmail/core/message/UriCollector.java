package org.cleanmail.core.message;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Gathers the URIs of one message: normalizes each candidate, adds redirector targets
 * after it, drops duplicates and stops at the URI limit. Not thread-safe: one per parse.
 */
final class UriCollector {
    private final int maxUris;
    private final Set<String> uris = new LinkedHashSet<>();
    private final Set<String> asWritten = new LinkedHashSet<>();
    private boolean limitHit;

    UriCollector(int maxUris) {
        this.maxUris = maxUris;
    }

    /** Adds the URIs found in plain or rendered text. */
    void addFromText(String text) {
        if (uris.size() >= maxUris) {
            return;
        }
        UriExtraction.candidates(text, 4 * maxUris).forEach(this::add);
    }

    /** Adds one URI as written (an HTML attribute value, a candidate found in text). */
    void add(String candidate) {
        Optional<String> normalized = UriNormalization.normalize(candidate);
        if (normalized.isEmpty()) {
            return;
        }
        addNormalized(normalized.get());
        if (asWritten.size() < maxUris) {
            UriNormalization.asWritten(candidate, normalized.get()).ifPresent(asWritten::add);
        }
        UriNormalization.embeddedTargets(normalized.get()).forEach(this::addNormalized);
    }

    private void addNormalized(String uri) {
        if (uris.contains(uri)) {
            return;
        }
        if (uris.size() >= maxUris) {
            limitHit = true;
            return;
        }
        uris.add(uri);
    }

    boolean limitHit() {
        return limitHit;
    }

    MessageUris toMessageUris() {
        return new MessageUris(List.copyOf(uris), List.copyOf(asWritten));
    }
}
