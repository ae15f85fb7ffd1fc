package org.cleanmail.mailets;

import java.util.Set;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.cleanmail.james.archive.ArchivePolicy;
import org.cleanmail.james.archive.ArchiveRequest;
import org.cleanmail.james.archive.ArchiveService;
import org.cleanmail.james.archive.MailArchiveMetadata;
import org.cleanmail.james.sender.ServerClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Archives a copy of the mail in CleanMail's encrypted message archive, in the background:
 * the copy and its metadata (envelope, direction, remote IP; verdict, score and rule hits
 * when placed after {@code ScoreMessage}) go to a bounded queue that a worker thread
 * drains. When the queue is full the mailet waits up to {@code archive.enqueue-timeout-seconds};
 * a mail that cannot be archived is retried {@code archive.retries} times, then its copy
 * is kept in {@code file://var/mail/archive-error/}. The mail itself goes on unchanged.
 *
 * <p>Which mail is archived is {@code archive.policy} of {@code cleanmail.properties}
 * ({@code all}, {@code inbound}, {@code legitimate}: not spam, {@code none}); with
 * {@code archive.enabled=false} the mailet does nothing. No parameter.
 *
 * <pre><code>
 * &lt;mailet match="All" class="org.cleanmail.mailets.ScoreMessage"/&gt;
 * &lt;mailet match="All" class="org.cleanmail.mailets.Archive"/&gt;
 * </code></pre>
 */
public class Archive extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(Archive.class);

    private final ArchiveService service;
    private final ServerClock clock;
    private ArchivePolicy policy;

    @Inject
    public Archive(ArchiveService service, ServerClock clock) {
        this.service = service;
        this.clock = clock;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(Set.of());
        policy = service.enabled() ? service.settings().policy() : ArchivePolicy.NONE;
        LOGGER.info("Archive mailet {}: policy {}", getMailetName(), policy.keyword());
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        if (!policy.accepts(MailArchiveMetadata.direction(mail), MailArchiveMetadata.spam(mail))) {
            LOGGER.debug("Not archiving {}: policy {}", mail.getName(), policy.keyword());
            return;
        }
        Mail copy = mail.duplicate();
        service.submit(new ArchiveRequest(copy, MailArchiveMetadata.of(mail, clock.clock().instant())));
    }

    @Override
    public String getMailetInfo() {
        return "CleanMail Archive";
    }
}
