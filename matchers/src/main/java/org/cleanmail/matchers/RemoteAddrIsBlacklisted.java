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
 * Matches mail sent from a client IP address on CleanMail's blacklist (an {@code ip} or
 * {@code cidr} entry): all recipients, or none. For administrators who tag rather than
 * refuse ({@code blacklist.refuse-at-smtp=false}). No condition.
 * <pre><code>
 * &lt;mailet match="org.cleanmail.matchers.RemoteAddrIsBlacklisted" class="SetMimeHeader"&gt;
 *   &lt;name&gt;X-CleanMail-Blacklisted&lt;/name&gt;
 *   &lt;value&gt;client&lt;/value&gt;
 * &lt;/mailet&gt;
 * </code></pre>
 */
public class RemoteAddrIsBlacklisted extends GenericMatcher {
    private final SenderProtection protection;

    @Inject
    public RemoteAddrIsBlacklisted(SenderProtection protection) {
        this.protection = protection;
    }

    @Override
    public void init() throws MessagingException {
        NoCondition.require(getCondition(), "RemoteAddrIsBlacklisted");
    }

    @Override
    public Collection<MailAddress> match(Mail mail) {
        if (protection.blacklist().matchIp(mail.getRemoteAddr()).isPresent()) {
            return mail.getRecipients();
        }
        return List.of();
    }
}
