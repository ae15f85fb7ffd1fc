package org.cleanmail.james.policy;

import java.util.Optional;

import javax.mail.MessagingException;

import org.apache.james.mailrepository.api.MailKey;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.mailet.Mail;
import org.cleanmail.james.CleanMailConfiguration;

/**
 * The James mail repository of the quarantine ({@code quarantine.repository} of
 * {@code cleanmail.properties}), selected on first use: the repository store is ready
 * only once James has started.
 */
public class QuarantineRepository {
    private final MailRepositoryStore store;
    private final String url;
    private volatile MailRepository repository;

    public QuarantineRepository(MailRepositoryStore store, String url) {
        this.store = store;
        this.url = url;
    }

    public String url() {
        return url;
    }

    /** The repository; fails with a message naming the key when James cannot open it. */
    public MailRepository repository() throws MessagingException {
        MailRepository selected = repository;
        if (selected == null) {
            try {
                selected = store.select(MailRepositoryUrl.from(url));
            } catch (MailRepositoryStore.MailRepositoryStoreException | IllegalArgumentException e) {
                throw new MessagingException(CleanMailConfiguration.FILE + ": '" + CleanMailConfiguration.QUARANTINE_REPOSITORY
                    + "' names a repository James cannot open (" + url
                    + "); use a protocol listed in mailrepositorystore.xml, e.g. file://var/mail/quarantine/", e);
            }
            repository = selected;
        }
        return selected;
    }

    /** Stores a copy; returns its key. */
    public String store(Mail mail) throws MessagingException {
        return repository().store(mail).asString();
    }

    public Optional<Mail> retrieve(String key) throws MessagingException {
        return Optional.ofNullable(repository().retrieve(new MailKey(key)));
    }

    /** Removes the mail of that key; removing a mail already gone succeeds. */
    public void remove(String key) throws MessagingException {
        repository().remove(new MailKey(key));
    }
}
