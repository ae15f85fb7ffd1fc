package org.cleanmail.core.quarantine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.cleanmail.core.blacklist.MailNames;
import org.cleanmail.core.policy.DispositionAction;
import org.cleanmail.core.policy.RecipientGroup;
import org.cleanmail.core.policy.ScanFindings;
import org.cleanmail.core.policy.Treatment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the index entries of a quarantined copy from its disposition group. */
public final class QuarantineEntries {
    private static final Logger LOGGER = LoggerFactory.getLogger(QuarantineEntries.class);

    private QuarantineEntries() {
    }

    /**
     * One entry per recipient of {@code group}, stored under {@code mailKey}, expiring at
     * {@code arrival} plus the group's retention. Recipients that are not mail addresses
     * are skipped with a warning.
     *
     * @throws IllegalArgumentException when the group's action is not {@code QUARANTINE}
     */
    public static List<QuarantineEntry> forGroup(String mailKey, RecipientGroup group, String sender, String subject,
                                                 ScanFindings findings, Instant arrival) {
        Treatment treatment = group.treatment();
        if (treatment.action() != DispositionAction.QUARANTINE || treatment.retention().isEmpty()) {
            throw new IllegalArgumentException("only a QUARANTINE group has quarantine entries; this group is "
                + treatment.action());
        }
        List<QuarantineEntry> entries = new ArrayList<>();
        for (String recipient : group.recipients()) {
            if (MailNames.address(recipient).isEmpty()) {
                LOGGER.warn("Mail {}: recipient '{}' is no mail address; it gets no quarantine entry", mailKey, recipient);
                continue;
            }
            entries.add(QuarantineEntry.builder()
                .mailKey(mailKey)
                .recipient(recipient)
                .sender(sender)
                .subject(subject)
                .score(findings.score())
                .hits(findings.scan().hitNames())
                .reason(treatment.reason())
                .arrival(arrival)
                .retention(treatment.retention().get())
                .build());
        }
        return List.copyOf(entries);
    }
}
