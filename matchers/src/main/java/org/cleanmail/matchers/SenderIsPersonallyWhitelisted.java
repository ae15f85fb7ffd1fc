package org.cleanmail.matchers;

import java.util.Collection;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMatcher;
import org.cleanmail.core.blacklist.PersonalVerdict;
import org.cleanmail.james.sender.SenderProtection;

/**
 * Matches the recipients for whom the mail's sender is personally whitelisted (an address, or a domain and its subdomains, on the recipient's white list). James then splits
 * the mail: the matched recipients' copy goes to the mailet, the others' copy goes on. Lists
 * are managed under {@code /cleanmail/personal-lists} in webadmin. No condition.
 * In the shipped configuration, their copies are delivered without scoring:
 * <pre><code>
 * &lt;mailet match="org.cleanmail.matchers.SenderIsPersonallyWhitelisted" class="ToProcessor"&gt;
 *   &lt;processor&gt;transport&lt;/processor&gt;
 * &lt;/mailet&gt;
 * </code></pre>
 */
public class SenderIsPersonallyWhitelisted extends GenericMatcher {
    private final SenderProtection protection;

    @Inject
    public SenderIsPersonallyWhitelisted(SenderProtection protection) {
        this.protection = protection;
    }

    @Override
    public void init() throws MessagingException {
        NoCondition.require(getCondition(), "SenderIsPersonallyWhitelisted");
    }

    @Override
    public Collection<MailAddress> match(Mail mail) {
        return PersonalListMatch.recipients(mail, protection.personalLists(), PersonalVerdict.WHITELISTED);
    }
}
