package org.cleanmail.mailets;

import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.cleanmail.james.CleanMailAttributes;
import org.cleanmail.james.sender.SenderProtection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the scan verdict ({@code org.cleanmail.spam}, set by {@code ScoreMessage}) in the
 * reputation of the client IP that sent the mail: spam makes its reputation worse, ham
 * better, and later mail from it gets {@code SENDER_BAD_REPUTATION} or
 * {@code SENDER_GOOD_REPUTATION}. Mail of sessions James trusted ({@code authorizedAddresses},
 * authenticated users) and of {@code sender.trusted-networks} is not counted. A mail that was not
 * scored is left alone, with a warning. No parameter; put it right after ScoreMessage:
 * <pre><code>
 * &lt;mailet match="All" class="org.cleanmail.mailets.ScoreMessage"/&gt;
 * &lt;mailet match="All" class="org.cleanmail.mailets.RecordSenderReputation"/&gt;
 * </code></pre>
 */
public class RecordSenderReputation extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(RecordSenderReputation.class);

    private final SenderProtection protection;

    @Inject
    public RecordSenderReputation(SenderProtection protection) {
        this.protection = protection;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(Set.of());
    }

    @Override
    public void service(Mail mail) {
        Optional<Boolean> spam = mail.getAttribute(CleanMailAttributes.SPAM)
            .flatMap(attribute -> attribute.getValue().valueAs(Boolean.class));
        if (spam.isEmpty()) {
            LOGGER.warn("{} has no CleanMail verdict: its sender's reputation is not updated. Put ScoreMessage first.",
                mail.getName());
            return;
        }
        protection.recordScan(mail, spam.get());
        LOGGER.debug("Counted {} from {} as {} in its reputation", mail.getName(), mail.getRemoteAddr(),
            spam.get() ? "spam" : "ham");
    }

    @Override
    public String getMailetInfo() {
        return "CleanMail RecordSenderReputation";
    }
}
