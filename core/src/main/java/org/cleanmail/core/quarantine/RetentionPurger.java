package org.cleanmail.core.quarantine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes quarantine entries whose retention has elapsed, and their mails.
 *
 * <p>For each mail with expired entries: each expired entry is claimed for purging
 * ({@link QuarantineIndex#claimForPurge}; an entry being released cannot be claimed and is
 * skipped). When no other entry of the mail remains, the mail is deleted from the
 * repository through the {@link QuarantinedMailDeleter} first, then the claimed entries are
 * removed; when other recipients' entries of the same mail remain, only the claimed
 * entries are removed and the mail stays. A failed deletion keeps the entries, counts the
 * failure and goes on. Nothing is purged before its expiry by the injected clock, read
 * once when the purge starts. Thread-safe; purges may run concurrently with releases.
 */
public final class RetentionPurger {
    private static final Logger LOGGER = LoggerFactory.getLogger(RetentionPurger.class);

    private final QuarantineIndex index;
    private final Clock clock;

    public RetentionPurger(QuarantineIndex index, Clock clock) {
        this.index = Objects.requireNonNull(index, "quarantine index");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public PurgeResult purgeExpired(QuarantinedMailDeleter deleter) {
        return purgeExpired(deleter, new PurgeProgress());
    }

    /** Purges what is expired now, counting into {@code progress} as it goes. */
    public PurgeResult purgeExpired(QuarantinedMailDeleter deleter, PurgeProgress progress) {
        Instant now = clock.instant();
        List<QuarantineEntry> expired = index.expiredAt(now);
        progress.expired(expired.size());
        Map<String, List<QuarantineEntryId>> byMail = new LinkedHashMap<>();
        expired.forEach(entry -> byMail.computeIfAbsent(entry.mailKey(), any -> new ArrayList<>()).add(entry.id()));
        byMail.forEach((mailKey, ids) -> purgeMail(mailKey, ids, now, deleter, progress));
        PurgeResult result = progress.snapshot();
        LOGGER.info("Quarantine purge at {}: {}", now, result);
        return result;
    }

    private void purgeMail(String mailKey, List<QuarantineEntryId> expiredIds, Instant now,
                           QuarantinedMailDeleter deleter, PurgeProgress progress) {
        List<QuarantineEntryId> claimed = new ArrayList<>();
        for (QuarantineEntryId id : expiredIds) {
            if (index.claimForPurge(id, now)) {
                claimed.add(id);
            } else {
                progress.skipped(1);
            }
        }
        if (claimed.isEmpty()) {
            return;
        }
        boolean othersRemain = index.entriesOfMail(mailKey).stream().anyMatch(entry -> !claimed.contains(entry.id()));
        if (!othersRemain) {
            try {
                deleter.delete(mailKey);
                progress.deletedMail();
            } catch (Exception e) {
                LOGGER.warn("Could not delete quarantined mail {}; its {} entries are kept for the next purge",
                    mailKey, claimed.size(), e);
                claimed.forEach(index::dropPurgeClaim);
                progress.failedMail();
                return;
            }
        }
        for (QuarantineEntryId id : claimed) {
            if (index.remove(id)) {
                progress.purged(1);
            }
        }
    }
}
