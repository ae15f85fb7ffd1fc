package org.cleanmail.mailets;

import java.util.Set;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.mailrepository.api.MailKey;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.cleanmail.james.CleanMailAttributes;
import org.cleanmail.james.CleanMailRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the mail, with its CleanMail attributes (score, hits, status), in the
 * quarantine mail repository and ends its processing. The repository is the one named
 * by {@code quarantine.repository} in {@code cleanmail.properties} (default
 * {@code file://var/mail/quarantine/}), the same that webadmin's
 * {@code /cleanmail/status} counts; James's {@code /mailRepositories} routes list,
 * read and re-process its mails. A failure to store propagates, so the mail goes to the
 * {@code onMailetException} processor ({@code error} by default) and is never lost.
 *
 * <pre><code>
 * &lt;mailet match="org.cleanmail.matchers.ScoreAtLeast" class="org.cleanmail.mailets.Quarantine"/&gt;
 * </code></pre>
 */
public class Quarantine extends GenericMailet {
    private static final Logger LOGGER = LoggerFactory.getLogger(Quarantine.class);

    private final CleanMailRuntime runtime;
    private final MailRepositoryStore repositoryStore;
    private MailRepository repository;

    @Inject
    public Quarantine(CleanMailRuntime runtime, MailRepositoryStore repositoryStore) {
        this.runtime = runtime;
        this.repositoryStore = repositoryStore;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(Set.of());
        String url = runtime.configuration().quarantineRepository();
        try {
            repository = repositoryStore.select(MailRepositoryUrl.from(url));
        } catch (MailRepositoryStore.MailRepositoryStoreException | IllegalArgumentException e) {
            throw new MessagingException("cleanmail.properties: 'quarantine.repository' names a repository James cannot open ("
                + url + "); use a protocol listed in mailrepositorystore.xml, e.g. file://var/mail/quarantine/", e);
        }
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        MailKey key = repository.store(mail);
        mail.setState(Mail.GHOST);
        LOGGER.info("Quarantined {} (key {}) from {} to {}: {}", mail.getName(), key.asString(),
            mail.getMaybeSender().asString(), mail.getRecipients(),
            mail.getAttribute(CleanMailAttributes.STATUS).flatMap(a -> a.getValue().valueAs(String.class)).orElse("not scored"));
    }

    @Override
    public String getMailetInfo() {
        return "CleanMail Quarantine";
    }
}
