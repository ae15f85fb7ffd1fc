package org.cleanmail.core.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanmail.core.quarantine.QuarantineIndexContract.ALICE;
import static org.cleanmail.core.quarantine.QuarantineIndexContract.BOB;
import static org.cleanmail.core.quarantine.QuarantineIndexContract.T0;
import static org.cleanmail.core.quarantine.QuarantineIndexContract.entry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RetentionPurgerTest {
    private final SettableClock clock = new SettableClock(T0);
    private final EmbeddedQuarantineIndex index = EmbeddedQuarantineIndex.inMemory();
    private final RetentionPurger purger = new RetentionPurger(index, clock);
    private final List<String> deletedMails = new ArrayList<>();
    private final QuarantinedMailDeleter deleter = deletedMails::add;

    @Test
    void nothingShouldBePurgedBeforeItsExpiry() {
        index.add(entry("m1", ALICE, 7.5, T0));
        clock.set(T0.plus(Duration.ofDays(15)).minusSeconds(1));

        PurgeResult result = purger.purgeExpired(deleter);

        assertThat(result).isEqualTo(new PurgeResult(0, 0, 0, 0, 0));
        assertThat(deletedMails).isEmpty();
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void expiredEntriesShouldBePurgedWithTheirMailAndOthersKept() {
        index.add(entry("old", ALICE, 7.5, T0));
        index.add(entry("new", ALICE, 7.5, T0.plus(Duration.ofDays(2))));
        index.add(entry("older", BOB, 7.5, T0.minus(Duration.ofDays(1))).toBuilder()
            .expiry(T0.plus(Duration.ofDays(1))).build());
        clock.set(T0.plus(Duration.ofDays(15)));

        PurgeResult result = purger.purgeExpired(deleter);

        assertThat(result).isEqualTo(new PurgeResult(2, 2, 2, 0, 0));
        assertThat(deletedMails).containsExactly("older", "old");
        assertThat(index.list(QuarantineQuery.all()).entries()).extracting(QuarantineEntry::mailKey).containsExactly("new");
    }

    @Test
    void theMailShouldBeDeletedBeforeItsEntriesAreRemoved() {
        index.add(entry("m1", ALICE, 7.5, T0));
        clock.advance(Duration.ofDays(16));
        List<Integer> sizeWhenDeleting = new ArrayList<>();

        purger.purgeExpired(mailKey -> sizeWhenDeleting.add(index.size()));

        assertThat(sizeWhenDeleting).containsExactly(1);
        assertThat(index.size()).isZero();
    }

    @Test
    void anEntryBeingReleasedShouldNotBePurgedNorItsMailDeleted() {
        index.add(entry("m1", ALICE, 7.5, T0));
        index.beginRelease(QuarantineEntryId.of("m1", ALICE));
        clock.advance(Duration.ofDays(16));

        PurgeResult result = purger.purgeExpired(deleter);

        assertThat(result).isEqualTo(new PurgeResult(1, 0, 0, 1, 0));
        assertThat(deletedMails).isEmpty();
        assertThat(index.markReleased(QuarantineEntryId.of("m1", ALICE))).isTrue();
    }

    @Test
    void aMailStillQuarantinedForAnotherRecipientShouldBeKept() {
        index.add(entry("m1", ALICE, 7.5, T0));
        index.add(entry("m1", BOB, 7.5, T0));
        index.beginRelease(QuarantineEntryId.of("m1", BOB));
        clock.advance(Duration.ofDays(16));

        PurgeResult result = purger.purgeExpired(deleter);

        assertThat(result).isEqualTo(new PurgeResult(2, 1, 0, 1, 0));
        assertThat(deletedMails).isEmpty();
        assertThat(index.entriesOfMail("m1")).extracting(QuarantineEntry::recipient).containsExactly(BOB);
    }

    @Test
    void allRecipientsOfOneMailShouldGiveOneDeletion() {
        index.add(entry("m1", ALICE, 7.5, T0));
        index.add(entry("m1", BOB, 7.5, T0));
        clock.advance(Duration.ofDays(16));

        PurgeResult result = purger.purgeExpired(deleter);

        assertThat(result).isEqualTo(new PurgeResult(2, 2, 1, 0, 0));
        assertThat(deletedMails).containsExactly("m1");
    }

    @Test
    void aFailedDeletionShouldKeepTheEntriesForTheNextPurge() {
        index.add(entry("m1", ALICE, 7.5, T0));
        index.add(entry("m2", ALICE, 7.5, T0));
        clock.advance(Duration.ofDays(16));

        PurgeResult failed = purger.purgeExpired(mailKey -> {
            if (mailKey.equals("m1")) {
                throw new IllegalStateException("repository unavailable");
            }
        });

        assertThat(failed).isEqualTo(new PurgeResult(2, 1, 1, 0, 1));
        assertThat(index.entriesOfMail("m1")).hasSize(1);
        assertThat(purger.purgeExpired(deleter)).isEqualTo(new PurgeResult(1, 1, 1, 0, 0));
        assertThat(index.size()).isZero();
    }

    @Test
    void releasedEntriesShouldBePurgedAtExpiryToo() {
        index.add(entry("m1", ALICE, 7.5, T0));
        index.markReleased(QuarantineEntryId.of("m1", ALICE));
        clock.advance(Duration.ofDays(15));

        assertThat(purger.purgeExpired(deleter).purgedEntries()).isEqualTo(1);
    }

    @Test
    void progressShouldShowTheCountsOfThePurge() {
        index.add(entry("m1", ALICE, 7.5, T0));
        clock.advance(Duration.ofDays(16));
        PurgeProgress progress = new PurgeProgress();

        purger.purgeExpired(deleter, progress);

        assertThat(progress.snapshot()).isEqualTo(new PurgeResult(1, 1, 1, 0, 0));
    }
}
