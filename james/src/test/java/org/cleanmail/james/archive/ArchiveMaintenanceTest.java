package org.cleanmail.james.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.cleanmail.archive.ArchiveSettings;
import org.cleanmail.archive.MessageArchive;
import org.cleanmail.archive.crypto.ArchiveKey;
import org.cleanmail.archive.crypto.KeyRing;
import org.cleanmail.archive.model.ArchiveMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The maintenance thread runs one thing at a time: a run waits behind a purge, a second run
 * is refused while one waits or runs, and a cancelled run stops after its first message.
 * The purge is held on a latch so that nothing here depends on timing.
 */
class ArchiveMaintenanceTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final int MESSAGES = 20;

    @TempDir
    Path folder;

    private MessageArchive archive;
    private ArchiveMaintenance maintenance;

    @BeforeEach
    void open() throws IOException {
        KeyRing keys = KeyRing.of("k1", List.of(ArchiveKey.of("k1", new byte[32])));
        archive = MessageArchive.open(ArchiveSettings.builder(folder, keys).build());
        for (int i = 0; i < MESSAGES; i++) {
            archive.archive(("Subject: m" + i + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII),
                ArchiveMetadata.builder(NOW.minusSeconds(i)).build());
        }
        archive.refresh();
        maintenance = new ArchiveMaintenance(archive, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() throws IOException {
        maintenance.close();
        archive.close();
    }

    @Test
    void aRunShouldWaitBehindAPurgeRefuseASecondAndStopWhenCancelled() throws Exception {
        CountDownLatch purging = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Long> purge = CompletableFuture.supplyAsync(() -> {
            try {
                // Purges the oldest message only, holding the thread until released.
                return maintenance.purgeNow(NOW.minusSeconds(MESSAGES - 2), count -> {
                    purging.countDown();
                    await(release);
                });
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(purging.await(30, TimeUnit.SECONDS)).isTrue();

        MaintenanceRun run = maintenance.start(MaintenanceRun.Kind.REINDEX).orElseThrow();
        assertThat(run.state()).isEqualTo(MaintenanceRun.State.WAITING);
        assertThat(maintenance.busy()).isTrue();
        assertThat(maintenance.start(MaintenanceRun.Kind.REPAIR)).isEmpty();
        run.cancel();
        release.countDown();

        assertThat(purge.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        run.await();
        assertThat(run.state()).isEqualTo(MaintenanceRun.State.CANCELLED);
        assertThat(run.scanned()).isEqualTo(1);
        assertThat(maintenance.busy()).isFalse();
        assertThat(maintenance.start(MaintenanceRun.Kind.REPAIR)).isPresent();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
