package org.cleanmail.archive.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.cleanmail.archive.model.ArchiveId;
import org.junit.jupiter.api.Test;

/** What every content store does; each implementation's test implements this interface. */
interface ArchiveContentStoreContract {
    ArchiveContentStore store();

    @Test
    default void getShouldReturnWhatPutStored() throws IOException {
        ArchiveId id = ArchiveId.random(new Random(1));
        store().put(id, new byte[] {1, 2, 3});

        assertThat(store().get(id)).hasValueSatisfying(blob -> assertThat(blob).containsExactly(1, 2, 3));
        assertThat(store().contains(id)).isTrue();
    }

    @Test
    default void getShouldBeEmptyForAnUnknownId() throws IOException {
        ArchiveId id = ArchiveId.random(new Random(2));

        assertThat(store().get(id)).isEmpty();
        assertThat(store().contains(id)).isFalse();
    }

    @Test
    default void putShouldReplaceAnExistingBlob() throws IOException {
        ArchiveId id = ArchiveId.random(new Random(3));
        store().put(id, new byte[] {1});
        store().put(id, new byte[] {2, 2});

        assertThat(store().get(id)).hasValueSatisfying(blob -> assertThat(blob).containsExactly(2, 2));
    }

    @Test
    default void putShouldStoreAnEmptyBlob() throws IOException {
        ArchiveId id = ArchiveId.random(new Random(4));
        store().put(id, new byte[0]);

        assertThat(store().get(id)).hasValueSatisfying(blob -> assertThat(blob).isEmpty());
    }

    @Test
    default void deleteShouldRemoveTheBlob() throws IOException {
        ArchiveId id = ArchiveId.random(new Random(5));
        store().put(id, new byte[] {1});

        assertThat(store().delete(id)).isTrue();
        assertThat(store().get(id)).isEmpty();
        assertThat(store().delete(id)).isFalse();
    }

    @Test
    default void idsShouldListEveryStoredId() throws IOException {
        Random random = new Random(6);
        List<ArchiveId> ids = Stream.generate(() -> ArchiveId.random(random)).limit(50).collect(Collectors.toList());
        for (ArchiveId id : ids) {
            store().put(id, new byte[] {7});
        }
        store().delete(ids.get(0));

        try (Stream<ArchiveId> listed = store().ids()) {
            assertThat(listed).containsExactlyInAnyOrderElementsOf(ids.subList(1, ids.size()));
        }
    }
}
