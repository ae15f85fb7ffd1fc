package org.cleanmail.core.fingerprint.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.cleanmail.core.fingerprint.Fingerprint;
import org.cleanmail.core.fingerprint.FingerprintId;
import org.cleanmail.core.fingerprint.FingerprintKind;
import org.cleanmail.core.fingerprint.FingerprintSource;
import org.cleanmail.core.fingerprint.MinHashSignature;
import org.junit.jupiter.api.Test;

/**
 * What every {@link FingerprintStore} does. An implementation's test implements this
 * interface: it builds a store with {@link #ttl()} whose clock is {@link #clock()}.
 */
public interface FingerprintStoreContract {
    Instant START = Instant.parse("2026-11-25T10:00:00Z");
    double HALF_AND_ONE = 17.0 / 32;

    FingerprintStore store();

    SettableClock clock();

    /** The TTL the store was built with. */
    Duration ttl();

    static Fingerprint exact(FingerprintKind kind, long n) {
        return Fingerprint.exact(kind, new FingerprintId(n * 0x9E3779B97F4A7C15L, n));
    }

    static MinHashSignature randomSignature(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] values = new int[32];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt();
        }
        return MinHashSignature.of(values);
    }

    /** The signature with {@code changed} of its values replaced, spread over the signature. */
    static MinHashSignature nearCopy(MinHashSignature signature, int changed, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] values = signature.values();
        for (int i = 0; i < changed; i++) {
            values[(i * 7) % values.length] = random.nextInt();
        }
        return MinHashSignature.of(values);
    }

    @Test
    default void learnShouldAddANewEntryWithOneHit() {
        Fingerprint fingerprint = exact(FingerprintKind.TEXT_EXACT, 1);

        assertThat(store().learn(fingerprint, FingerprintSource.RULES, 2.5)).isEqualTo(LearnOutcome.ADDED);

        FingerprintEntry entry = store().lookup(FingerprintKind.TEXT_EXACT, fingerprint.id()).orElseThrow();
        assertThat(entry.kind()).isEqualTo(FingerprintKind.TEXT_EXACT);
        assertThat(entry.id()).isEqualTo(fingerprint.id());
        assertThat(entry.hitCount()).isEqualTo(1);
        assertThat(entry.source()).isEqualTo(FingerprintSource.RULES);
        assertThat(entry.weight()).isEqualTo(2.5);
        assertThat(entry.firstSeen()).isEqualTo(START);
        assertThat(entry.lastSeen()).isEqualTo(START);
        assertThat(entry.expiresAt()).isEqualTo(START.plus(ttl()));
        assertThat(entry.vetoed()).isFalse();
    }

    @Test
    default void learnShouldMergeHitsOfTheSameFingerprint() {
        Fingerprint fingerprint = exact(FingerprintKind.ATTACHMENT, 2);
        store().learn(fingerprint, FingerprintSource.USER_REPORT, 1.0);
        clock().advance(Duration.ofHours(1));

        assertThat(store().learn(fingerprint, FingerprintSource.ADMIN, 3.0)).isEqualTo(LearnOutcome.MERGED);
        store().learn(fingerprint, FingerprintSource.RULES, 2.0);

        FingerprintEntry entry = store().lookup(FingerprintKind.ATTACHMENT, fingerprint.id()).orElseThrow();
        assertThat(entry.hitCount()).isEqualTo(3);
        assertThat(entry.firstSeen()).isEqualTo(START);
        assertThat(entry.lastSeen()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(entry.expiresAt()).isEqualTo(START.plus(Duration.ofHours(1)).plus(ttl()));
        assertThat(entry.weight()).isEqualTo(3.0);
        assertThat(entry.source()).isEqualTo(FingerprintSource.USER_REPORT);
    }

    @Test
    default void lookupShouldTellKindsApart() {
        Fingerprint attachment = exact(FingerprintKind.ATTACHMENT, 3);
        store().learn(attachment, FingerprintSource.RULES, 1.0);

        assertThat(store().lookup(FingerprintKind.URL_SET, attachment.id())).isEmpty();
        assertThat(store().lookup(FingerprintKind.ATTACHMENT, attachment.id())).isPresent();
    }

    @Test
    default void lookupShouldFindNothingInAnEmptyStore() {
        assertThat(store().lookup(FingerprintKind.TEXT_EXACT, new FingerprintId(1, 2))).isEmpty();
        assertThat(store().lookupFuzzy(randomSignature(1), HALF_AND_ONE)).isEmpty();
    }

    @Test
    default void lookupFuzzyShouldFindASignatureAgreeingOnMoreThanHalfItsValues() {
        MinHashSignature learnt = randomSignature(10);
        store().learn(Fingerprint.fuzzy(learnt), FingerprintSource.RULES, 1.0);

        FuzzyMatch match = store().lookupFuzzy(nearCopy(learnt, 15, 11), HALF_AND_ONE).orElseThrow();

        assertThat(match.similarity()).isEqualTo(17.0 / 32);
        assertThat(match.entry().id()).isEqualTo(learnt.id());
        assertThat(match.entry().signature()).contains(learnt);
    }

    @Test
    default void lookupFuzzyShouldNotMatchASignatureAgreeingOnOnlyHalfItsValues() {
        MinHashSignature learnt = randomSignature(12);
        store().learn(Fingerprint.fuzzy(learnt), FingerprintSource.RULES, 1.0);

        assertThat(store().lookupFuzzy(nearCopy(learnt, 16, 13), HALF_AND_ONE)).isEmpty();
    }

    @Test
    default void lookupFuzzyShouldNotMatchAnUnrelatedSignature() {
        store().learn(Fingerprint.fuzzy(randomSignature(14)), FingerprintSource.RULES, 1.0);

        assertThat(store().lookupFuzzy(randomSignature(15), 0.1)).isEmpty();
    }

    @Test
    default void lookupFuzzyShouldReturnTheClosestOfSeveralCandidates() {
        MinHashSignature probe = randomSignature(20);
        MinHashSignature far = nearCopy(probe, 12, 21);
        MinHashSignature close = nearCopy(probe, 3, 22);
        store().learn(Fingerprint.fuzzy(far), FingerprintSource.RULES, 1.0);
        store().learn(Fingerprint.fuzzy(close), FingerprintSource.RULES, 1.0);

        FuzzyMatch match = store().lookupFuzzy(probe, HALF_AND_ONE).orElseThrow();

        assertThat(match.entry().id()).isEqualTo(close.id());
        assertThat(match.similarity()).isEqualTo(29.0 / 32);
    }

    @Test
    default void lookupFuzzyShouldFindAnExactCopyWithFullSimilarity() {
        MinHashSignature learnt = randomSignature(23);
        store().learn(Fingerprint.fuzzy(learnt), FingerprintSource.RULES, 1.0);

        assertThat(store().lookupFuzzy(learnt, HALF_AND_ONE).orElseThrow().similarity()).isEqualTo(1.0);
    }

    @Test
    default void removeShouldForgetTheEntry() {
        Fingerprint fingerprint = exact(FingerprintKind.URL_SET, 4);
        store().learn(fingerprint, FingerprintSource.RULES, 1.0);

        assertThat(store().remove(FingerprintKind.URL_SET, fingerprint.id())).isTrue();

        assertThat(store().lookup(FingerprintKind.URL_SET, fingerprint.id())).isEmpty();
        assertThat(store().remove(FingerprintKind.URL_SET, fingerprint.id())).isFalse();
    }

    @Test
    default void removeShouldTakeFuzzyEntriesOutOfFuzzyLookups() {
        MinHashSignature learnt = randomSignature(30);
        store().learn(Fingerprint.fuzzy(learnt), FingerprintSource.RULES, 1.0);

        store().remove(FingerprintKind.TEXT_FUZZY, learnt.id());

        assertThat(store().lookupFuzzy(learnt, HALF_AND_ONE)).isEmpty();
    }

    @Test
    default void removeShouldKeepTheOtherEntriesThatShareItsBandsFindable() {
        MinHashSignature base = randomSignature(31);
        List<MinHashSignature> copies = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            MinHashSignature copy = nearCopy(base, 2, 100 + i);
            copies.add(copy);
            store().learn(Fingerprint.fuzzy(copy), FingerprintSource.RULES, 1.0);
        }

        store().remove(FingerprintKind.TEXT_FUZZY, copies.get(0).id());
        store().remove(FingerprintKind.TEXT_FUZZY, copies.get(3).id());
        store().remove(FingerprintKind.TEXT_FUZZY, copies.get(5).id());
        store().remove(FingerprintKind.TEXT_FUZZY, copies.get(4).id());

        for (int i = 0; i < copies.size(); i++) {
            FingerprintId id = copies.get(i).id();
            Optional<FuzzyMatch> exactCopy = store().lookupFuzzy(copies.get(i), 1.0);
            if (i == 0 || i >= 3) {
                assertThat(exactCopy).as("removed copy %d", i).isEmpty();
            } else {
                assertThat(exactCopy).as("kept copy %d", i)
                    .hasValueSatisfying(match -> assertThat(match.entry().id()).isEqualTo(id));
            }
        }
        assertThat(store().lookupFuzzy(base, HALF_AND_ONE)).isPresent();
    }

    @Test
    default void vetoShouldTurnALearntEntryIntoAVetoThatRefusesRelearning() {
        Fingerprint fingerprint = exact(FingerprintKind.TEXT_EXACT, 5);
        store().learn(fingerprint, FingerprintSource.RULES, 1.0);

        store().veto(fingerprint, FingerprintSource.USER_REPORT);

        FingerprintEntry entry = store().lookup(FingerprintKind.TEXT_EXACT, fingerprint.id()).orElseThrow();
        assertThat(entry.vetoed()).isTrue();
        assertThat(entry.hitCount()).isZero();
        assertThat(entry.expiresAt()).isEqualTo(Instant.MAX);
        assertThat(store().learn(fingerprint, FingerprintSource.RULES, 1.0)).isEqualTo(LearnOutcome.VETOED);
        assertThat(store().lookup(FingerprintKind.TEXT_EXACT, fingerprint.id()).orElseThrow().vetoed()).isTrue();
    }

    @Test
    default void vetoOfAnUnknownFingerprintShouldRefuseLaterLearning() {
        Fingerprint fingerprint = exact(FingerprintKind.ATTACHMENT, 6);

        store().veto(fingerprint, FingerprintSource.ADMIN);

        assertThat(store().learn(fingerprint, FingerprintSource.RULES, 1.0)).isEqualTo(LearnOutcome.VETOED);
    }

    @Test
    default void vetoedFuzzyEntriesShouldBeFoundByNearCopiesAndFlaggedAsVetoed() {
        MinHashSignature ham = randomSignature(40);
        store().veto(Fingerprint.fuzzy(ham), FingerprintSource.USER_REPORT);

        FuzzyMatch match = store().lookupFuzzy(nearCopy(ham, 4, 41), HALF_AND_ONE).orElseThrow();

        assertThat(match.entry().vetoed()).isTrue();
    }

    @Test
    default void removeShouldLiftAVeto() {
        Fingerprint fingerprint = exact(FingerprintKind.URL_SET, 7);
        store().veto(fingerprint, FingerprintSource.ADMIN);

        store().remove(FingerprintKind.URL_SET, fingerprint.id());

        assertThat(store().learn(fingerprint, FingerprintSource.RULES, 1.0)).isEqualTo(LearnOutcome.ADDED);
    }

    @Test
    default void entriesShouldExpireAfterTheTtl() {
        Fingerprint fingerprint = exact(FingerprintKind.TEXT_EXACT, 8);
        MinHashSignature signature = randomSignature(50);
        store().learn(fingerprint, FingerprintSource.RULES, 1.0);
        store().learn(Fingerprint.fuzzy(signature), FingerprintSource.RULES, 1.0);

        clock().advance(ttl());

        assertThat(store().lookup(FingerprintKind.TEXT_EXACT, fingerprint.id())).isEmpty();
        assertThat(store().lookupFuzzy(signature, HALF_AND_ONE)).isEmpty();
        assertThat(store().stats().total()).isZero();
    }

    @Test
    default void learningAgainShouldPushTheExpiryBack() {
        Fingerprint fingerprint = exact(FingerprintKind.TEXT_EXACT, 9);
        store().learn(fingerprint, FingerprintSource.RULES, 1.0);
        clock().advance(ttl().dividedBy(2));
        store().learn(fingerprint, FingerprintSource.RULES, 1.0);

        clock().advance(ttl().dividedBy(2).plusSeconds(1));

        assertThat(store().lookup(FingerprintKind.TEXT_EXACT, fingerprint.id()).orElseThrow().hitCount()).isEqualTo(2);
    }

    @Test
    default void learningAnExpiredEntryShouldStartItAfresh() {
        Fingerprint fingerprint = exact(FingerprintKind.TEXT_EXACT, 10);
        store().learn(fingerprint, FingerprintSource.RULES, 1.0);
        clock().advance(ttl());

        assertThat(store().learn(fingerprint, FingerprintSource.ADMIN, 1.0)).isEqualTo(LearnOutcome.ADDED);

        FingerprintEntry entry = store().lookup(FingerprintKind.TEXT_EXACT, fingerprint.id()).orElseThrow();
        assertThat(entry.hitCount()).isEqualTo(1);
        assertThat(entry.firstSeen()).isEqualTo(START.plus(ttl()));
        assertThat(entry.source()).isEqualTo(FingerprintSource.ADMIN);
    }

    @Test
    default void purgeExpiredShouldDropExpiredEntriesAndKeepVetoesAndLiveOnes() {
        store().learn(exact(FingerprintKind.TEXT_EXACT, 11), FingerprintSource.RULES, 1.0);
        store().learn(Fingerprint.fuzzy(randomSignature(60)), FingerprintSource.RULES, 1.0);
        store().veto(exact(FingerprintKind.TEXT_EXACT, 12), FingerprintSource.USER_REPORT);
        clock().advance(ttl());
        store().learn(exact(FingerprintKind.TEXT_EXACT, 13), FingerprintSource.RULES, 1.0);

        assertThat(store().purgeExpired()).isEqualTo(2);

        assertThat(store().purgeExpired()).isZero();
        assertThat(store().lookup(FingerprintKind.TEXT_EXACT, exact(FingerprintKind.TEXT_EXACT, 12).id())).isPresent();
        assertThat(store().lookup(FingerprintKind.TEXT_EXACT, exact(FingerprintKind.TEXT_EXACT, 13).id())).isPresent();
        assertThat(store().stats().total()).isEqualTo(1);
        assertThat(store().stats().vetoes()).isEqualTo(1);
    }

    @Test
    default void statsShouldCountLiveEntriesByKindAndSource() {
        store().learn(exact(FingerprintKind.TEXT_EXACT, 14), FingerprintSource.RULES, 1.0);
        store().learn(exact(FingerprintKind.TEXT_EXACT, 15), FingerprintSource.USER_REPORT, 1.0);
        store().learn(exact(FingerprintKind.ATTACHMENT, 16), FingerprintSource.ADMIN, 1.0);
        store().learn(Fingerprint.fuzzy(randomSignature(70)), FingerprintSource.RULES, 1.0);
        store().veto(exact(FingerprintKind.URL_SET, 17), FingerprintSource.ADMIN);

        FingerprintStats stats = store().stats();

        assertThat(stats.count(FingerprintKind.TEXT_EXACT)).isEqualTo(2);
        assertThat(stats.count(FingerprintKind.TEXT_FUZZY)).isEqualTo(1);
        assertThat(stats.count(FingerprintKind.ATTACHMENT)).isEqualTo(1);
        assertThat(stats.count(FingerprintKind.URL_SET)).isZero();
        assertThat(stats.count(FingerprintSource.RULES)).isEqualTo(2);
        assertThat(stats.count(FingerprintSource.USER_REPORT)).isEqualTo(1);
        assertThat(stats.count(FingerprintSource.ADMIN)).isEqualTo(1);
        assertThat(stats.total()).isEqualTo(4);
        assertThat(stats.vetoes()).isEqualTo(1);
    }

    @Test
    default void listShouldPageThroughEveryEntryExactlyOnce() {
        Set<FingerprintId> learnt = new HashSet<>();
        for (long n = 100; n < 125; n++) {
            FingerprintKind kind = n % 2 == 0 ? FingerprintKind.TEXT_EXACT : FingerprintKind.URL_SET;
            Fingerprint fingerprint = exact(kind, n);
            store().learn(fingerprint, FingerprintSource.RULES, 1.0);
            learnt.add(fingerprint.id());
        }

        List<FingerprintId> listed = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            FingerprintPage page = store().list(Optional.empty(), cursor, 10);
            assertThat(page.entries()).hasSizeLessThanOrEqualTo(10);
            page.entries().forEach(entry -> listed.add(entry.id()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor.isPresent() && pages < 10);

        assertThat(listed).hasSize(25).containsExactlyInAnyOrderElementsOf(learnt);
    }

    @Test
    default void listShouldFilterByKind() {
        store().learn(exact(FingerprintKind.TEXT_EXACT, 200), FingerprintSource.RULES, 1.0);
        store().learn(exact(FingerprintKind.ATTACHMENT, 201), FingerprintSource.RULES, 1.0);
        store().learn(exact(FingerprintKind.ATTACHMENT, 202), FingerprintSource.RULES, 1.0);

        FingerprintPage page = store().list(Optional.of(FingerprintKind.ATTACHMENT), Optional.empty(), 10);

        assertThat(page.entries()).extracting(FingerprintEntry::kind)
            .containsExactly(FingerprintKind.ATTACHMENT, FingerprintKind.ATTACHMENT);
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    default void listShouldRejectACursorItDidNotIssue() {
        assertThatThrownBy(() -> store().list(Optional.empty(), Optional.of("not a cursor"), 10))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("cursor");
    }

    @Test
    default void learnShouldRejectSignaturesOfAnotherLength() {
        Fingerprint shortSignature = Fingerprint.fuzzy(MinHashSignature.of(1, 2, 3));

        assertThatThrownBy(() -> store().learn(shortSignature, FingerprintSource.RULES, 1.0))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("32");
    }

    @Test
    default void concurrentLearnersShouldLoseNoHit() throws Exception {
        int threads = 4;
        int rounds = 25;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long own = 1000L * (t + 1);
                done.add(executor.submit(() -> {
                    for (int round = 0; round < rounds; round++) {
                        for (long n = 0; n < 20; n++) {
                            store().learn(exact(FingerprintKind.TEXT_EXACT, 500 + n), FingerprintSource.RULES, 1.0);
                            store().learn(Fingerprint.fuzzy(randomSignature(500 + n)), FingerprintSource.RULES, 1.0);
                            store().lookupFuzzy(nearCopy(randomSignature(500 + n), 5, round), HALF_AND_ONE);
                        }
                        store().learn(exact(FingerprintKind.ATTACHMENT, own + round), FingerprintSource.RULES, 1.0);
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            executor.shutdownNow();
        }

        for (long n = 0; n < 20; n++) {
            assertThat(store().lookup(FingerprintKind.TEXT_EXACT, exact(FingerprintKind.TEXT_EXACT, 500 + n).id())
                .orElseThrow().hitCount()).isEqualTo(threads * rounds);
            assertThat(store().lookupFuzzy(randomSignature(500 + n), 1.0).orElseThrow().entry().hitCount())
                .isEqualTo(threads * rounds);
        }
        assertThat(store().stats().count(FingerprintKind.ATTACHMENT)).isEqualTo(threads * rounds);
    }
}
