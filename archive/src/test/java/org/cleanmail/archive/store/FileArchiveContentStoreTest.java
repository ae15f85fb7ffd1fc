package org.cleanmail.archive.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import org.cleanmail.archive.model.ArchiveId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileArchiveContentStoreTest implements ArchiveContentStoreContract {
    @TempDir
    Path root;

    private FileArchiveContentStore store;

    @BeforeEach
    void open() throws IOException {
        store = new FileArchiveContentStore(root, 1024);
    }

    @Override
    public ArchiveContentStore store() {
        return store;
    }

    @Test
    void putShouldFanOutByTheFirstDigitsOfTheId() throws IOException {
        ArchiveId id = ArchiveId.of("0f3a9c1e5b7d2f4068a1c3e5b7d9f1a2");
        store.put(id, new byte[] {1});

        assertThat(root.resolve("0f").resolve("3a").resolve("0f3a9c1e5b7d2f4068a1c3e5b7d9f1a2")).isRegularFile();
    }

    @Test
    void putShouldLeaveNoTemporaryFile() throws IOException {
        ArchiveId id = ArchiveId.random(new Random(1));
        store.put(id, new byte[] {1});

        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).containsExactly(store.path(id));
        }
    }

    @Test
    void idsShouldSkipTemporaryFilesLeftByACrash() throws IOException {
        ArchiveId id = ArchiveId.random(new Random(2));
        store.put(id, new byte[] {1});
        Files.write(store.path(id).resolveSibling("." + id.value() + ".123.tmp"), new byte[] {9});

        try (Stream<ArchiveId> ids = store.ids()) {
            assertThat(ids).containsExactly(id);
        }
    }

    @Test
    void getShouldRefuseAFileLargerThanTheCap() throws IOException {
        ArchiveId id = ArchiveId.random(new Random(3));
        store.put(id, new byte[2000]);

        assertThatThrownBy(() -> store.get(id)).isInstanceOf(IOException.class).hasMessageContaining("cap of 1024");
    }
}
