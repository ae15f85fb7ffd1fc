package org.cleanmail.core.fingerprint.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;

import org.cleanmail.core.fingerprint.Fingerprint;
import org.cleanmail.core.fingerprint.FingerprintId;
import org.cleanmail.core.fingerprint.FingerprintKind;
import org.cleanmail.core.fingerprint.FingerprintSource;
import org.cleanmail.core.fingerprint.MeasurementLog;
import org.cleanmail.core.fingerprint.MinHashSignature;
import org.cleanmail.core.fingerprint.store.FingerprintStoreContract;
import org.cleanmail.core.fingerprint.store.SettableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory per entry and lookup throughput of the embedded store with a million synthetic
 * entries. Takes about a minute, so it runs only on demand:
 * {@code mvn -B -q -pl core verify -Dcleanmail.measure=true -Dtest=EmbeddedStoreMeasurement}.
 * Figures go to {@code target/measurements/embedded-store.txt}.
 */
@EnabledIfSystemProperty(named = "cleanmail.measure", matches = "true")
class EmbeddedStoreMeasurement {
    private static final int ENTRIES = 1_000_000;
    private static final int LOOKUPS = 1_000_000;
    private static final int FUZZY_LOOKUPS = 200_000;
    private static final double GIB = 1024.0 * 1024 * 1024;

    private final MeasurementLog log = new MeasurementLog("embedded-store");
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-25T10:00:00Z"));

    @TempDir
    Path folder;

    @Test
    void measureExactEntries() throws IOException {
        long before = usedHeap();
        try (EmbeddedFingerprintStore store = EmbeddedFingerprintStore.open(EmbeddedStoreSettings.inMemory().build(), clock)) {
            long start = System.nanoTime();
            for (int n = 0; n < ENTRIES; n++) {
                store.learn(FingerprintStoreContract.exact(FingerprintKind.TEXT_EXACT, n), FingerprintSource.RULES, 1.0);
            }
            double insertSeconds = seconds(start);
            long heap = usedHeap() - before;
            log.line("exact: %,d entries learnt in %.1f s (%,.0f/s, in memory); heap %.0f MiB = %.0f bytes/entry"
                    + " = %.1f M entries per GiB (estimated from arrays: %.0f bytes/entry)",
                ENTRIES, insertSeconds, ENTRIES / insertSeconds, heap / 1048576.0, (double) heap / ENTRIES,
                GIB / heap * ENTRIES / 1e6, (double) store.footprintBytes() / ENTRIES);

            SplittableRandom random = new SplittableRandom(1);
            int found = 0;
            start = System.nanoTime();
            for (int i = 0; i < LOOKUPS; i++) {
                long n = random.nextInt(2 * ENTRIES);
                found += store.lookup(FingerprintKind.TEXT_EXACT,
                    new FingerprintId(n * 0x9E3779B97F4A7C15L, n)).isPresent() ? 1 : 0;
            }
            double lookupSeconds = seconds(start);
            log.line("exact: %,d lookups (half of them hits) in %.2f s = %,.0f lookups/s on one thread",
                LOOKUPS, lookupSeconds, LOOKUPS / lookupSeconds);
            assertThat(found).isBetween(LOOKUPS / 3, 2 * LOOKUPS / 3);
        }
    }

    @Test
    void measureFuzzyEntries() throws IOException {
        long before = usedHeap();
        try (EmbeddedFingerprintStore store = EmbeddedFingerprintStore.open(EmbeddedStoreSettings.inMemory().build(), clock)) {
            long start = System.nanoTime();
            for (int n = 0; n < ENTRIES; n++) {
                store.learn(Fingerprint.fuzzy(FingerprintStoreContract.randomSignature(n)), FingerprintSource.RULES, 1.0);
            }
            double insertSeconds = seconds(start);
            long heap = usedHeap() - before;
            log.line("fuzzy: %,d entries learnt in %.1f s (%,.0f/s, in memory); heap %.0f MiB = %.0f bytes/entry"
                    + " = %.1f M entries per GiB (estimated from arrays: %.0f bytes/entry)",
                ENTRIES, insertSeconds, ENTRIES / insertSeconds, heap / 1048576.0, (double) heap / ENTRIES,
                GIB / heap * ENTRIES / 1e6, (double) store.footprintBytes() / ENTRIES);

            SplittableRandom random = new SplittableRandom(2);
            int found = 0;
            start = System.nanoTime();
            for (int i = 0; i < FUZZY_LOOKUPS; i++) {
                int n = random.nextInt(2 * ENTRIES);
                MinHashSignature probe = FingerprintStoreContract.nearCopy(FingerprintStoreContract.randomSignature(n), 10, i);
                found += store.lookupFuzzy(probe, 17.0 / 32).isPresent() ? 1 : 0;
            }
            double lookupSeconds = seconds(start);
            log.line("fuzzy: %,d lookups of near copies (10 of 32 values changed, half of them learnt) in %.2f s"
                + " = %,.0f lookups/s on one thread", FUZZY_LOOKUPS, lookupSeconds, FUZZY_LOOKUPS / lookupSeconds);
            assertThat(found).isBetween(FUZZY_LOOKUPS / 3, 2 * FUZZY_LOOKUPS / 3);
        }
    }

    @Test
    void measurePersistence() throws IOException {
        int synced = 2_000;
        EmbeddedStoreSettings durable = EmbeddedStoreSettings.inFolder(folder).build();
        try (EmbeddedFingerprintStore store = EmbeddedFingerprintStore.open(durable, clock)) {
            long start = System.nanoTime();
            for (int n = 0; n < synced; n++) {
                store.learn(FingerprintStoreContract.exact(FingerprintKind.ATTACHMENT, n), FingerprintSource.RULES, 1.0);
            }
            double seconds = seconds(start);
            log.line("journal with fsync per write: %,d learns in %.2f s = %,.0f learns/s", synced, seconds, synced / seconds);
        }
        EmbeddedStoreSettings fast = EmbeddedStoreSettings.inFolder(folder).syncEachWrite(false).build();
        try (EmbeddedFingerprintStore store = EmbeddedFingerprintStore.open(fast, clock)) {
            long start = System.nanoTime();
            for (int n = 0; n < ENTRIES; n++) {
                store.learn(n % 2 == 0 ? FingerprintStoreContract.exact(FingerprintKind.TEXT_EXACT, n)
                    : Fingerprint.fuzzy(FingerprintStoreContract.randomSignature(n)), FingerprintSource.RULES, 1.0);
            }
            double seconds = seconds(start);
            log.line("journal without fsync: %,d learns (half fuzzy) in %.1f s = %,.0f learns/s", ENTRIES, seconds,
                ENTRIES / seconds);
            start = System.nanoTime();
            store.compact();
            log.line("compaction of %,d entries: %.1f s, snapshot %.0f MiB", ENTRIES + synced, seconds(start),
                Files.size(folder.resolve(EmbeddedFingerprintStore.SNAPSHOT_FILE)) / 1048576.0);
        }
        long start = System.nanoTime();
        try (EmbeddedFingerprintStore store = EmbeddedFingerprintStore.open(durable, clock)) {
            log.line("restart: %,d entries loaded from the snapshot in %.1f s", store.stats().total(), seconds(start));
            assertThat(store.stats().total()).isEqualTo(ENTRIES + synced);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
