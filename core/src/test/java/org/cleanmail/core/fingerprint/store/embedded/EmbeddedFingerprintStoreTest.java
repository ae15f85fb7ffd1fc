package org.cleanmail.core.fingerprint.store.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

import org.cleanmail.core.fingerprint.Fingerprint;
import org.cleanmail.core.fingerprint.FingerprintKind;
import org.cleanmail.core.fingerprint.FingerprintSource;
import org.cleanmail.core.fingerprint.MinHashSignature;
import org.cleanmail.core.fingerprint.store.FingerprintEntry;
import org.cleanmail.core.fingerprint.store.FingerprintStore;
import org.cleanmail.core.fingerprint.store.FingerprintStoreContract;
import org.cleanmail.core.fingerprint.store.LearnOutcome;
import org.cleanmail.core.fingerprint.store.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedFingerprintStoreTest implements FingerprintStoreContract {
    private static final Duration TTL = Duration.ofDays(7);

    @TempDir
    Path folder;

    private SettableClock clock;
    private EmbeddedFingerprintStore store;

    @BeforeEach
    void setUp() throws IOException {
        clock = new SettableClock(START);
        store = open(settings().build());
    }

    @AfterEach
    void tearDown() throws IOException {
        store.close();
    }

    private EmbeddedStoreSettings.Builder settings() {
        return EmbeddedStoreSettings.inFolder(folder).ttl(TTL);
    }

    private EmbeddedFingerprintStore open(EmbeddedStoreSettings settings) throws IOException {
        return EmbeddedFingerprintStore.open(settings, clock);
    }

    private EmbeddedFingerprintStore reopen() throws IOException {
        store.close();
        store = open(settings().build());
        return store;
    }

    @Override
    public FingerprintStore store() {
        return store;
    }

    @Override
    public SettableClock clock() {
        return clock;
    }

    @Override
    public Duration ttl() {
        return TTL;
    }

    @Nested
    class Persistence {
        @Test
        void entriesShouldSurviveARestart() throws IOException {
            Fingerprint text = FingerprintStoreContract.exact(FingerprintKind.TEXT_EXACT, 1);
            MinHashSignature signature = FingerprintStoreContract.randomSignature(1);
            store.learn(text, FingerprintSource.RULES, 2.0);
            store.learn(text, FingerprintSource.RULES, 1.0);
            store.learn(Fingerprint.fuzzy(signature), FingerprintSource.USER_REPORT, 1.0);
            FingerprintEntry before = store.lookup(FingerprintKind.TEXT_EXACT, text.id()).orElseThrow();

            reopen();

            assertThat(store.lookup(FingerprintKind.TEXT_EXACT, text.id())).contains(before);
            assertThat(store.lookupFuzzy(FingerprintStoreContract.nearCopy(signature, 10, 2), HALF_AND_ONE))
                .hasValueSatisfying(match -> assertThat(match.entry().id()).isEqualTo(signature.id()));
        }

        @Test
        void removalsVetoesAndPurgesShouldSurviveARestart() throws IOException {
            Fingerprint removed = FingerprintStoreContract.exact(FingerprintKind.ATTACHMENT, 2);
            Fingerprint vetoed = FingerprintStoreContract.exact(FingerprintKind.URL_SET, 3);
            Fingerprint expired = FingerprintStoreContract.exact(FingerprintKind.TEXT_EXACT, 4);
            store.learn(removed, FingerprintSource.RULES, 1.0);
            store.learn(vetoed, FingerprintSource.RULES, 1.0);
            store.learn(expired, FingerprintSource.RULES, 1.0);
            store.remove(FingerprintKind.ATTACHMENT, removed.id());
            store.veto(vetoed, FingerprintSource.USER_REPORT);
            clock.advance(TTL);
            store.purgeExpired();
            clock.advance(Duration.ofDays(-7));

            reopen();

            assertThat(store.lookup(FingerprintKind.ATTACHMENT, removed.id())).isEmpty();
            assertThat(store.lookup(FingerprintKind.TEXT_EXACT, expired.id())).isEmpty();
            assertThat(store.learn(vetoed, FingerprintSource.RULES, 1.0)).isEqualTo(LearnOutcome.VETOED);
        }

        @Test
        void entriesShouldSurviveCompactionAndLaterChanges() throws IOException {
            Fingerprint first = FingerprintStoreContract.exact(FingerprintKind.TEXT_EXACT, 5);
            Fingerprint second = FingerprintStoreContract.exact(FingerprintKind.TEXT_EXACT, 6);
            store.learn(first, FingerprintSource.RULES, 1.0);
            store.compact();
            store.learn(second, FingerprintSource.RULES, 1.0);
            store.learn(first, FingerprintSource.RULES, 1.0);

            reopen();

            assertThat(Files.size(folder.resolve(EmbeddedFingerprintStore.SNAPSHOT_FILE))).isPositive();
            assertThat(store.lookup(FingerprintKind.TEXT_EXACT, first.id()).orElseThrow().hitCount()).isEqualTo(2);
            assertThat(store.lookup(FingerprintKind.TEXT_EXACT, second.id())).isPresent();
        }

        @Test
        void aLargeJournalShouldBeCompactedIntoASnapshot() throws IOException {
            store.close();
            store = open(settings().compactAfterJournalBytes(1000).build());
            for (long n = 0; n < 100; n++) {
                store.learn(FingerprintStoreContract.exact(FingerprintKind.TEXT_EXACT, n), FingerprintSource.RULES, 1.0);
            }

            assertThat(Files.size(folder.resolve(EmbeddedFingerprintStore.JOURNAL_FILE))).isLessThanOrEqualTo(1000);
            reopen();
            assertThat(store.stats().count(FingerprintKind.TEXT_EXACT)).isEqualTo(100);
        }

        @Test
        void aJournalCutInTheMiddleOfARecordShouldKeepTheRecordsBeforeIt() throws IOException {
            Fingerprint first = FingerprintStoreContract.exact(FingerprintKind.TEXT_EXACT, 7);
            Fingerprint second = FingerprintStoreContract.exact(FingerprintKind.TEXT_EXACT, 8);
            Fingerprint third = FingerprintStoreContract.exact(FingerprintKind.TEXT_EXACT, 9);
            store.learn(first, FingerprintSource.RULES, 1.0);
            store.learn(second, FingerprintSource.RULES, 1.0);
            store.learn(third, FingerprintSource.RULES, 1.0);
            store.close();
            Path journal = folder.resolve(EmbeddedFingerprintStore.JOURNAL_FILE);
            try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.WRITE)) {
                channel.truncate(channel.size() - 5);
            }

            store = open(settings().build());

            assertThat(store.lookup(FingerprintKind.TEXT_EXACT, first.id())).isPresent();
            assertThat(store.lookup(FingerprintKind.TEXT_EXACT, second.id())).isPresent();
            assertThat(store.lookup(FingerprintKind.TEXT_EXACT, third.id())).isEmpty();
            store.learn(third, FingerprintSource.RULES, 1.0);
            reopen();
            assertThat(store.lookup(FingerprintKind.TEXT_EXACT, third.id())).isPresent();
        }

        @Test
        void garbageAfterTheLastRecordShouldBeDropped() throws IOException {
            Fingerprint learnt = FingerprintStoreContract.exact(FingerprintKind.URL_SET, 10);
            store.learn(learnt, FingerprintSource.RULES, 1.0);
            store.close();
            Files.write(folder.resolve(EmbeddedFingerprintStore.JOURNAL_FILE),
                "\0\0\0\u0010garbage that fails its checksum".getBytes(StandardCharsets.ISO_8859_1),
                StandardOpenOption.APPEND);

            store = open(settings().build());

            assertThat(store.lookup(FingerprintKind.URL_SET, learnt.id())).isPresent();
            assertThat(store.stats().total()).isEqualTo(1);
        }

        @Test
        void aSnapshotLeftHalfWrittenByACrashShouldBeIgnored() throws IOException {
            Fingerprint learnt = FingerprintStoreContract.exact(FingerprintKind.TEXT_EXACT, 11);
            store.learn(learnt, FingerprintSource.RULES, 1.0);
            store.close();
            Files.write(folder.resolve(EmbeddedFingerprintStore.SNAPSHOT_FILE + ".tmp"), new byte[] {1, 2, 3});

            store = open(settings().build());

            assertThat(store.lookup(FingerprintKind.TEXT_EXACT, learnt.id())).isPresent();
        }

        @Test
        void aDamagedSnapshotShouldFailTheOpeningRatherThanStartEmpty() throws IOException {
            store.learn(FingerprintStoreContract.exact(FingerprintKind.TEXT_EXACT, 12), FingerprintSource.RULES, 1.0);
            store.compact();
            store.close();
            Path snapshot = folder.resolve(EmbeddedFingerprintStore.SNAPSHOT_FILE);
            byte[] bytes = Files.readAllBytes(snapshot);
            bytes[20] ^= 0x40;
            Files.write(snapshot, bytes);

            assertThatThrownBy(() -> open(settings().build()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("damaged");
            store = open(EmbeddedStoreSettings.inMemory().build());
        }

        @Test
        void aSecondStoreShouldNotOpenAFolderInUse() {
            assertThatThrownBy(() -> open(settings().build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in use");
        }

        @Test
        void aClosedStoreShouldRefuseWork() throws IOException {
            store.close();

            assertThatThrownBy(() -> store.stats()).isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class InMemory {
        @Test
        void aStoreWithoutFolderShouldLearnAndList() throws IOException {
            try (EmbeddedFingerprintStore memory = EmbeddedFingerprintStore.open(
                EmbeddedStoreSettings.inMemory().build(), clock)) {
                memory.learn(FingerprintStoreContract.exact(FingerprintKind.TEXT_EXACT, 13), FingerprintSource.RULES, 1.0);
                memory.compact();

                assertThat(memory.list(Optional.empty(), Optional.empty(), 10).entries()).hasSize(1);
            }
        }
    }
}
