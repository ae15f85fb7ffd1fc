package org.cleanmail.archive;

import java.util.List;
import java.util.Random;

import org.cleanmail.archive.crypto.ArchiveKey;
import org.cleanmail.archive.crypto.KeyRing;

/** Keys for tests, derived from a seed so that runs repeat. */
public final class TestKeys {
    private TestKeys() {
    }

    public static ArchiveKey key(String id, long seed) {
        byte[] material = new byte[ArchiveKey.KEY_BYTES];
        new Random(seed).nextBytes(material);
        return ArchiveKey.of(id, material);
    }

    public static KeyRing ring(String activeId, ArchiveKey... keys) {
        return KeyRing.of(activeId, List.of(keys));
    }

    /** One key, {@code k1}, active. */
    public static KeyRing single() {
        return ring("k1", key("k1", 1));
    }
}
