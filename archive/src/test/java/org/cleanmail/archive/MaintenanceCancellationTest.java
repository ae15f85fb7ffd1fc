package org.cleanmail.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cleanmail.archive.ArchiveFixture.archive;
import static org.cleanmail.archive.ArchiveFixture.day;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import org.cleanmail.archive.search.ArchiveQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A re-indexing or repair stops when its progress says so, keeping what it did. */
class MaintenanceCancellationTest {
    @TempDir
    Path folder;

    @Test
    void aCancelledReindexingShouldStopAfterTheCurrentMessageAndKeepTheIndexWhole() throws IOException {
        ArchiveFixture fixture = new ArchiveFixture(folder);
        try (MessageArchive archive = fixture.open(TestKeys.single())) {
            for (int i = 0; i < 10; i++) {
                archive(archive, "alice@example.com", "bob@example.com", "Message " + i, "text", day(1 + i));
            }
            AtomicLong seen = new AtomicLong();
            MaintenanceProgress cancelAfterThree = new MaintenanceProgress() {
                @Override
                public void progress(long scanned, long indexed, long unreadable) {
                    seen.set(scanned);
                }

                @Override
                public boolean cancelled() {
                    return seen.get() >= 3;
                }
            };

            assertThatThrownBy(() -> archive.reindexAll(cancelAfterThree))
                .isInstanceOfSatisfying(MaintenanceCancelledException.class, e -> {
                    assertThat(e.partial().scanned()).isEqualTo(3);
                    assertThat(e.partial().indexed()).isEqualTo(3);
                });
            archive.refresh();
            assertThat(archive.search(ArchiveQuery.of("text")).total()).isEqualTo(10);
        }
    }
}
