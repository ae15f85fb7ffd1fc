package org.cleanmail.archive.crypto;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.tests.store.BaseDirectoryTestCase;

/**
 * Lucene's own conformance tests for a {@link Directory} (files, clones, slices, seeks,
 * random access, checksums, renames, temp files), run against the encrypting directory
 * over an {@link MMapDirectory}. JUnit 4, as Lucene's test framework is.
 */
public class EncryptedDirectoryConformanceTest extends BaseDirectoryTestCase {
    private static final KeyRing KEYS = KeyRing.of("k2", List.of(ArchiveKey.of("k1", new byte[32]),
        ArchiveKey.of("k2", bytes(7))));

    @Override
    protected Directory getDirectory(Path path) throws IOException {
        return new EncryptedDirectory(new MMapDirectory(path), KEYS);
    }

    private static byte[] bytes(int seed) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return key;
    }
}
