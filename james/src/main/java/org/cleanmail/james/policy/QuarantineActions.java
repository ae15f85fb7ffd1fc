package org.cleanmail.james.policy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Singleton;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;
import org.cleanmail.core.blacklist.PersonalListKind;
import org.cleanmail.core.fingerprint.FingerprintSource;
import org.cleanmail.core.quarantine.QuarantineEntry;
import org.cleanmail.core.quarantine.QuarantineEntryId;
import org.cleanmail.core.quarantine.QuarantineIndex;
import org.cleanmail.core.scan.RawMessage;
import org.cleanmail.james.CleanMailAttributes;
import org.cleanmail.james.CleanMailRuntime;
import org.cleanmail.james.sender.SenderProtection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an administrator or a recipient does with a quarantined message, for one
 * recipient: release it (deliver a copy to that recipient only, through the
 * {@value #DELIVERY_PROCESSOR} processor, marked {@value #RELEASED_HEADER}{@code : yes} and with the
 * {@code org.cleanmail.released} attribute so no mailet quarantines it again; counted as a
 * ham report for the fingerprint database), release and white-list the sender, or delete
 * it. The mail leaves the repository once no recipient's entry still holds it.
 */
@Singleton
public class QuarantineActions {
    public static final String RELEASED_HEADER = "X-CleanMail-Released";
    public static final String DELIVERY_PROCESSOR = "transport";

    private static final Logger LOGGER = LoggerFactory.getLogger(QuarantineActions.class);

    /** The outcome of an action on one entry. */
    public enum Outcome {
        DONE,
        NOT_FOUND,
        /** Already released, or being released or purged. */
        BUSY
    }

    private final PolicyServices services;
    private final CleanMailRuntime runtime;
    private final SenderProtection senderProtection;
    private final MailetContext mailetContext;

    @Inject
    public QuarantineActions(PolicyServices services, CleanMailRuntime runtime, SenderProtection senderProtection,
                             MailetContext mailetContext) {
        this.services = services;
        this.runtime = runtime;
        this.senderProtection = senderProtection;
        this.mailetContext = mailetContext;
    }

    /**
     * Releases the entry: its recipient alone receives the mail. With {@code whitelistSender}
     * the sender joins the recipient's personal white list too.
     */
    public Outcome release(QuarantineEntryId id, boolean whitelistSender) throws MessagingException {
        QuarantineIndex index = services.index();
        Optional<QuarantineEntry> entry = index.get(id);
        if (entry.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        if (!index.beginRelease(id)) {
            return Outcome.BUSY;
        }
        try {
            Optional<Mail> stored = services.repository().retrieve(id.mailKey());
            if (stored.isEmpty()) {
                index.cancelRelease(id);
                return Outcome.NOT_FOUND;
            }
            deliver(stored.get(), entry.get());
        } catch (MessagingException | RuntimeException e) {
            index.cancelRelease(id);
            throw e;
        }
        index.markReleased(id);
        LOGGER.info("Released quarantined mail {} to {}", id.mailKey(), id.recipient());
        if (whitelistSender && !entry.get().sender().isEmpty()) {
            senderProtection.personalLists().add(id.recipient(), PersonalListKind.WHITELIST, entry.get().sender());
            LOGGER.info("White-listed {} for {}", entry.get().sender(), id.recipient());
        }
        removeMailWhenNoEntryHoldsIt(id.mailKey());
        return Outcome.DONE;
    }

    private void deliver(Mail stored, QuarantineEntry entry) throws MessagingException {
        Mail copy = stored.duplicate();
        copy.setRecipients(List.of(new MailAddress(entry.recipient())));
        copy.getMessage().setHeader(RELEASED_HEADER, "yes");
        copy.getMessage().saveChanges();
        copy.setAttribute(new Attribute(CleanMailAttributes.RELEASED, AttributeValue.of(true)));
        reportHam(copy);
        try {
            mailetContext.sendMail(copy, DELIVERY_PROCESSOR);
        } finally {
            LifecycleUtil.dispose(copy);
            LifecycleUtil.dispose(stored);
        }
    }

    /** A release is a ham report: the fingerprints are vetoed and the Bayes filter learns the mail as ham. */
    private void reportHam(Mail copy) {
        if (runtime.engine().fingerprints().isEmpty() && runtime.engine().bayes().isEmpty()) {
            return;
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            copy.getMessage().writeTo(bytes);
            runtime.engine().learnHam(runtime.engine().parse(RawMessage.of(bytes.toByteArray())),
                FingerprintSource.USER_REPORT);
        } catch (IOException | MessagingException | RuntimeException e) {
            LOGGER.warn("Released mail {} could not be reported as ham; the fingerprint and Bayes databases are unchanged",
                copy.getName(), e);
        }
    }

    /** Deletes the entry, and the mail when no other recipient's entry holds it. */
    public Outcome delete(QuarantineEntryId id) throws MessagingException {
        if (!services.index().remove(id)) {
            return Outcome.NOT_FOUND;
        }
        LOGGER.info("Deleted quarantined mail {} for {}", id.mailKey(), id.recipient());
        removeMailWhenNoEntryHoldsIt(id.mailKey());
        return Outcome.DONE;
    }

    /** Removes the mail once every entry left is released, and those entries with it. */
    private void removeMailWhenNoEntryHoldsIt(String mailKey) throws MessagingException {
        List<QuarantineEntry> entries = services.index().entriesOfMail(mailKey);
        if (entries.stream().allMatch(QuarantineEntry::released)) {
            services.repository().remove(mailKey);
            entries.forEach(entry -> services.index().remove(entry.id()));
        }
    }
}
