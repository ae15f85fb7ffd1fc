package org.cleanmail.core.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanmail.core.quarantine.QuarantineIndexContract.ALICE;
import static org.cleanmail.core.quarantine.QuarantineIndexContract.T0;
import static org.cleanmail.core.quarantine.QuarantineIndexContract.entry;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class PurgeDuringReleaseTest {
    private static final int MAILS = 2000;

    @Test
    void aReleaseShouldAlwaysFindItsMailWhileAPurgeRuns() throws Exception {
        EmbeddedQuarantineIndex index = EmbeddedQuarantineIndex.inMemory();
        Set<String> repository = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < MAILS; i++) {
            index.add(entry("m" + i, ALICE, 9.0, T0));
            repository.add("m" + i);
        }
        SettableClock clock = new SettableClock(T0.plus(Duration.ofDays(30)));
        RetentionPurger purger = new RetentionPurger(index, clock);
        AtomicInteger releasesWithoutMail = new AtomicInteger();
        AtomicInteger released = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            Future<PurgeResult> purge = executor.submit(() -> {
                start.await();
                return purger.purgeExpired(repository::remove);
            });
            Future<?> releases = executor.submit(() -> {
                start.await();
                for (int i = MAILS - 1; i >= 0; i--) {
                    QuarantineEntryId id = QuarantineEntryId.of("m" + i, ALICE);
                    if (index.beginRelease(id)) {
                        if (!repository.contains("m" + i)) {
                            releasesWithoutMail.incrementAndGet();
                        }
                        index.markReleased(id);
                        released.incrementAndGet();
                    }
                }
                return null;
            });
            start.countDown();
            PurgeResult result = purge.get();
            releases.get();

            assertThat(releasesWithoutMail).hasValue(0);
            assertThat(result.purgedEntries() + result.skippedEntries()).isEqualTo(MAILS);
            assertThat(index.size() + result.purgedEntries()).isEqualTo(MAILS);
            assertThat(repository).hasSize(index.size());
        } finally {
            executor.shutdownNow();
        }
    }
}
