package org.cleanmail.matchers;

import java.util.Collection;
import java.util.List;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;
import org.cleanmail.james.sender.SenderProtection;

/**
 * Matches mail whose envelope sender (MAIL FROM), or its domain, is on CleanMail's
 * blacklist ({@code address} or {@code domain} entries): all recipients, or none. Never
 * matches the null sender. For administrators who tag rather than refuse
 * ({@code blacklist.refuse-at-smtp=false}). No condition.
 * <pre><code>
 * &lt;mailet match="org.cleanmail.matchers.SenderIsBlacklisted" class="ToProcessor"&gt;
 *   &lt;processor&gt;spam&lt;/processor&gt;
 * &lt;/mailet&gt;
 * </code></pre>
 */
public class SenderIsBlacklisted extends GenericMatcher {
    private final SenderProtection protection;

    @Inject
    public SenderIsBlacklisted(SenderProtection protection) {
        this.protection = protection;
    }

    @Override
    public void init() throws MessagingException {
        NoCondition.require(getCondition(), "SenderIsBlacklisted");
    }

    @Override
    public Collection<MailAddress> match(Mail mail) {
        boolean listed = mail.getMaybeSender().asOptional()
            .flatMap(sender -> protection.blacklist().matchSender(sender.asString()))
            .isPresent();
        return listed ? mail.getRecipients() : List.of();
    }
}
