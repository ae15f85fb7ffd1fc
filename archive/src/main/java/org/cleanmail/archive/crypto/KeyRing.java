package org.cleanmail.archive.crypto;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The archive's keys by id, with the one active key that encrypts new messages. Older
 * keys stay in the ring to decrypt what they encrypted (see {@link KeyRingFile} for
 * rotation). Immutable; never shows key material.
 */
public final class KeyRing {
    private final Map<String, ArchiveKey> keys;
    private final ArchiveKey active;

    private KeyRing(Map<String, ArchiveKey> keys, ArchiveKey active) {
        this.keys = keys;
        this.active = active;
    }

    /**
     * A ring of these keys in which {@code activeId} encrypts new messages.
     *
     * @throws IllegalArgumentException on duplicate ids or an active id that is not in the ring
     */
    public static KeyRing of(String activeId, Collection<ArchiveKey> keys) {
        Map<String, ArchiveKey> byId = new LinkedHashMap<>();
        for (ArchiveKey key : keys) {
            if (byId.putIfAbsent(key.id(), key) != null) {
                throw new IllegalArgumentException("Key id '" + key.id() + "' appears twice; each key needs its own id");
            }
        }
        ArchiveKey active = byId.get(Objects.requireNonNull(activeId, "active key id"));
        if (active == null) {
            throw new IllegalArgumentException("The active key '" + activeId + "' is not among the keys " + byId.keySet()
                + "; name one of them, e.g. active=" + byId.keySet().stream().reduce((a, b) -> b).orElse("2026-01"));
        }
        return new KeyRing(Map.copyOf(byId), active);
    }

    /** The key that encrypts new messages. */
    public ArchiveKey active() {
        return active;
    }

    public Optional<ArchiveKey> key(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    public Set<String> ids() {
        return keys.keySet();
    }

    @Override
    public String toString() {
        return "KeyRing{active=" + active.id() + ", ids=" + keys.keySet() + "}";
    }
}
