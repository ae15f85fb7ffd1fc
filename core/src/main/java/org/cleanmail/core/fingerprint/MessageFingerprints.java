package org.cleanmail.core.fingerprint;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every fingerprint of one message: the exact text fingerprint (absent when the text is
 * empty), the fuzzy one (absent for short texts), one per non-empty attachment, and the
 * URL host set's (absent when the message links nowhere).
 */
public final class MessageFingerprints {
    private final Optional<Fingerprint> textExact;
    private final Optional<Fingerprint> textFuzzy;
    private final List<Fingerprint> attachments;
    private final Optional<Fingerprint> urlSet;

    public MessageFingerprints(Optional<Fingerprint> textExact, Optional<Fingerprint> textFuzzy,
                               List<Fingerprint> attachments, Optional<Fingerprint> urlSet) {
        this.textExact = Objects.requireNonNull(textExact, "text exact fingerprint");
        this.textFuzzy = Objects.requireNonNull(textFuzzy, "text fuzzy fingerprint");
        this.attachments = List.copyOf(attachments);
        this.urlSet = Objects.requireNonNull(urlSet, "URL set fingerprint");
    }

    public Optional<Fingerprint> textExact() {
        return textExact;
    }

    public Optional<Fingerprint> textFuzzy() {
        return textFuzzy;
    }

    public List<Fingerprint> attachments() {
        return attachments;
    }

    public Optional<Fingerprint> urlSet() {
        return urlSet;
    }

    /** All of them: text exact, text fuzzy, attachments, URL set. */
    public List<Fingerprint> all() {
        return Stream.of(textExact.stream(), textFuzzy.stream(), attachments.stream(), urlSet.stream())
            .flatMap(stream -> stream)
            .collect(Collectors.toUnmodifiableList());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageFingerprints && all().equals(((MessageFingerprints) o).all());
    }

    @Override
    public int hashCode() {
        return all().hashCode();
    }

    @Override
    public String toString() {
        return "MessageFingerprints" + all();
    }
}
