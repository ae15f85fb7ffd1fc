package org.cleanmail.core.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.cleanmail.core.policy.DispositionReason;
import org.junit.jupiter.api.Test;

/**
 * What every {@link QuarantineIndex} does. An implementation's test implements this
 * interface; {@link #index()} gives a fresh, empty index.
 */
interface QuarantineIndexContract {
    Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    String ALICE = "alice@example.com";
    String BOB = "bob@example.com";
    String SPAMMER = "spammer@bad.example";

    QuarantineIndex index();

    static QuarantineEntry entry(String mailKey, String recipient, double score, Instant arrival) {
        return QuarantineEntry.builder()
            .mailKey(mailKey).recipient(recipient).sender(SPAMMER).subject("Cheap " + mailKey)
            .score(score).hits(List.of("RULE_A", "RULE_B")).reason(DispositionReason.SPAM)
            .arrival(arrival).retention(Duration.ofDays(15))
            .build();
    }

    @Test
    default void getShouldReturnWhatWasAdded() {
        QuarantineIndex index = index();
        QuarantineEntry entry = entry("m1", ALICE, 7.5, T0);

        index.add(entry);

        assertThat(index.get(QuarantineEntryId.of("m1", "ALICE@example.com"))).contains(entry);
        assertThat(index.get(QuarantineEntryId.of("m1", BOB))).isEmpty();
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    default void addingTheSameIdShouldReplaceTheEntry() {
        QuarantineIndex index = index();
        index.add(entry("m1", ALICE, 7.5, T0));
        index.add(entry("m1", ALICE, 9.0, T0));

        assertThat(index.size()).isEqualTo(1);
        assertThat(index.get(QuarantineEntryId.of("m1", ALICE)).orElseThrow().score()).isEqualTo(9.0);
    }

    @Test
    default void aUsersListShouldNeverHoldAnotherUsersEntries() {
        QuarantineIndex index = index();
        index.add(entry("m1", ALICE, 7.5, T0));
        index.add(entry("m1", BOB, 7.5, T0));
        index.add(entry("m2", BOB, 8.0, T0.plusSeconds(60)));

        QuarantinePage alices = index.listOf(ALICE, QuarantineQuery.builder().recipient(BOB).build());

        assertThat(alices.entries()).extracting(QuarantineEntry::recipient).containsOnly(ALICE);
        assertThat(alices.total()).isEqualTo(1);
        assertThat(index.listOf("not an address", QuarantineQuery.all()).entries()).isEmpty();
    }

    @Test
    default void listShouldFilterBySenderReasonDatesAndScore() {
        QuarantineIndex index = index();
        index.add(entry("m1", ALICE, 5.0, T0));
        index.add(entry("m2", ALICE, 10.0, T0.plusSeconds(3600)));
        index.add(entry("m3", ALICE, 20.0, T0.plusSeconds(7200)).toBuilder().reason(DispositionReason.VIRUS).build());
        index.add(entry("m4", ALICE, 12.0, T0.plusSeconds(3600)).toBuilder().sender("friend@good.example").build());

        assertThat(keys(index.list(QuarantineQuery.builder().sender("Friend@Good.example").build())))
            .containsExactly("m4");
        assertThat(keys(index.list(QuarantineQuery.builder().reason(DispositionReason.VIRUS).build())))
            .containsExactly("m3");
        assertThat(keys(index.list(QuarantineQuery.builder()
            .arrivedFrom(T0.plusSeconds(3600)).arrivedBefore(T0.plusSeconds(7200))
            .sort(QuarantineSort.SCORE_ASCENDING).build())))
            .containsExactly("m2", "m4");
        assertThat(keys(index.list(QuarantineQuery.builder().minScore(10.0).maxScore(12.0)
            .sort(QuarantineSort.SCORE_ASCENDING).build())))
            .containsExactly("m2", "m4");
    }

    @Test
    default void listShouldSortAndPage() {
        QuarantineIndex index = index();
        for (int i = 0; i < 7; i++) {
            index.add(entry("m" + i, ALICE, 10 - i, T0.plusSeconds(i)));
        }

        QuarantinePage newest = index.list(QuarantineQuery.builder().limit(3).build());
        QuarantinePage second = index.list(QuarantineQuery.builder().offset(3).limit(3).build());
        QuarantinePage last = index.list(QuarantineQuery.builder().offset(6).limit(3).build());
        QuarantinePage byScore = index.list(QuarantineQuery.builder().sort(QuarantineSort.SCORE_DESCENDING).limit(2).build());
        QuarantinePage oldest = index.list(QuarantineQuery.builder().sort(QuarantineSort.ARRIVAL_ASCENDING).limit(2).build());

        assertThat(keys(newest)).containsExactly("m6", "m5", "m4");
        assertThat(newest.total()).isEqualTo(7);
        assertThat(newest.hasMore()).isTrue();
        assertThat(keys(second)).containsExactly("m3", "m2", "m1");
        assertThat(keys(last)).containsExactly("m0");
        assertThat(last.hasMore()).isFalse();
        assertThat(keys(byScore)).containsExactly("m0", "m1");
        assertThat(keys(oldest)).containsExactly("m0", "m1");
        assertThat(index.list(QuarantineQuery.builder().offset(50).build()).entries()).isEmpty();
    }

    @Test
    default void releaseShouldBeClaimedThenMarked() {
        QuarantineIndex index = index();
        QuarantineEntryId id = QuarantineEntryId.of("m1", ALICE);
        index.add(entry("m1", ALICE, 7.5, T0));

        assertThat(index.beginRelease(id)).isTrue();
        assertThat(index.beginRelease(id)).isFalse();
        assertThat(index.markReleased(id)).isTrue();

        assertThat(index.get(id).orElseThrow().released()).isTrue();
        assertThat(index.beginRelease(id)).isFalse();
    }

    @Test
    default void cancelledReleaseShouldLeaveTheEntryReleasable() {
        QuarantineIndex index = index();
        QuarantineEntryId id = QuarantineEntryId.of("m1", ALICE);
        index.add(entry("m1", ALICE, 7.5, T0));
        index.beginRelease(id);

        index.cancelRelease(id);

        assertThat(index.get(id).orElseThrow().released()).isFalse();
        assertThat(index.beginRelease(id)).isTrue();
    }

    @Test
    default void anEntryBeingReleasedShouldNotBeClaimedForPurge() {
        QuarantineIndex index = index();
        QuarantineEntryId id = QuarantineEntryId.of("m1", ALICE);
        index.add(entry("m1", ALICE, 7.5, T0));
        Instant afterExpiry = T0.plus(Duration.ofDays(16));

        index.beginRelease(id);

        assertThat(index.claimForPurge(id, afterExpiry)).isFalse();
        index.markReleased(id);
        assertThat(index.claimForPurge(id, afterExpiry)).isTrue();
    }

    @Test
    default void anEntryClaimedForPurgeShouldNotBeReleased() {
        QuarantineIndex index = index();
        QuarantineEntryId id = QuarantineEntryId.of("m1", ALICE);
        index.add(entry("m1", ALICE, 7.5, T0));

        assertThat(index.claimForPurge(id, T0.plus(Duration.ofDays(15)))).isTrue();

        assertThat(index.beginRelease(id)).isFalse();
        assertThat(index.markReleased(id)).isFalse();
        index.dropPurgeClaim(id);
        assertThat(index.beginRelease(id)).isTrue();
    }

    @Test
    default void anEntryShouldNotBeClaimedForPurgeBeforeItsExpiry() {
        QuarantineIndex index = index();
        QuarantineEntryId id = QuarantineEntryId.of("m1", ALICE);
        index.add(entry("m1", ALICE, 7.5, T0));

        assertThat(index.claimForPurge(id, T0.plus(Duration.ofDays(15)).minusMillis(1))).isFalse();
    }

    @Test
    default void expiredAtShouldIncludeTheExpiryInstantAndNothingLater() {
        QuarantineIndex index = index();
        index.add(entry("m1", ALICE, 7.5, T0));
        index.add(entry("m2", ALICE, 7.5, T0.plusSeconds(10)));

        assertThat(index.expiredAt(T0.plus(Duration.ofDays(15)).minusMillis(1))).isEmpty();
        assertThat(index.expiredAt(T0.plus(Duration.ofDays(15)))).extracting(QuarantineEntry::mailKey).containsExactly("m1");
        assertThat(index.expiredAt(T0.plus(Duration.ofDays(20)))).extracting(QuarantineEntry::mailKey)
            .containsExactly("m1", "m2");
    }

    @Test
    default void removeShouldDropTheEntryFromEveryView() {
        QuarantineIndex index = index();
        index.add(entry("m1", ALICE, 7.5, T0));
        index.add(entry("m1", BOB, 7.5, T0));

        assertThat(index.remove(QuarantineEntryId.of("m1", ALICE))).isTrue();
        assertThat(index.remove(QuarantineEntryId.of("m1", ALICE))).isFalse();

        assertThat(index.listOf(ALICE, QuarantineQuery.all()).entries()).isEmpty();
        assertThat(index.entriesOfMail("m1")).extracting(QuarantineEntry::recipient).containsExactly(BOB);
        assertThat(index.expiredAt(T0.plus(Duration.ofDays(30)))).extracting(QuarantineEntry::recipient).containsExactly(BOB);
        assertThat(index.size()).isEqualTo(1);
    }

    private static List<String> keys(QuarantinePage page) {
        return page.entries().stream().map(QuarantineEntry::mailKey).toList();
    }
}
