package org.cleanmail.smtp;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.api.DomainListException;
import org.apache.james.rrt.api.RecipientRewriteTable;
import org.apache.james.rrt.api.RecipientRewriteTableException;
import org.apache.james.user.api.UsersRepository;
import org.apache.james.user.api.UsersRepositoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * James's own knowledge of recipients, asked the way James's {@code ValidRcptHandler}
 * asks it: a recipient of a local domain ({@link DomainList}) is known when it is a user
 * ({@link UsersRepository}) or has mappings ({@link RecipientRewriteTable}: aliases,
 * forwards, groups, domain mappings). When a store cannot answer, the recipient is taken
 * as known: a server in trouble must not flag its clients.
 */
public class JamesRecipientDirectory implements RecipientDirectory {
    private static final Logger LOGGER = LoggerFactory.getLogger(JamesRecipientDirectory.class);

    private final UsersRepository users;
    private final RecipientRewriteTable recipientRewriteTable;
    private final DomainList domains;

    @Inject
    public JamesRecipientDirectory(UsersRepository users, RecipientRewriteTable recipientRewriteTable,
                                   DomainList domains) {
        this.users = users;
        this.recipientRewriteTable = recipientRewriteTable;
        this.domains = domains;
    }

    @Override
    public boolean isUnknownLocalRecipient(MailAddress recipient) {
        try {
            if (!domains.containsDomain(recipient.getDomain())) {
                return false;
            }
            if (users.contains(users.getUsername(recipient))) {
                return false;
            }
            return recipientRewriteTable.getResolvedMappings(recipient.getLocalPart(), recipient.getDomain()).isEmpty();
        } catch (RecipientRewriteTable.ErrorMappingException e) {
            return false;
        } catch (DomainListException | UsersRepositoryException | RecipientRewriteTableException e) {
            LOGGER.warn("Cannot tell whether {} is a known recipient, taking it as known: {}", recipient.asString(),
                e.getMessage());
            return false;
        }
    }
}
