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
 * Matches the recipients for whom the mail's sender is personally blacklisted (on the recipient's black list, and not more specifically on the white one). James then splits
 * the mail: the matched recipients' copy goes to the mailet, the others' copy goes on. Lists
 * are managed under {@code /cleanmail/personal-lists} in webadmin. No condition.
 * In the shipped configuration, their copies go to the quarantine:
 * <pre><code>
 * &lt;mailet match="org.cleanmail.matchers.SenderIsPersonallyBlacklisted" class="ToProcessor"&gt;
 *   &lt;processor&gt;spam&lt;/processor&gt;
 * &lt;/mailet&gt;
 * </code></pre>
 */
public class SenderIsPersonallyBlacklisted extends GenericMatcher {
    private final SenderProtection protection;

    @Inject
    public SenderIsPersonallyBlacklisted(SenderProtection protection) {
        this.protection = protection;
    }

    @Override
    public void init() throws MessagingException {
        NoCondition.require(getCondition(), "SenderIsPersonallyBlacklisted");
    }

    @Override
    public Collection<MailAddress> match(Mail mail) {
        return PersonalListMatch.recipients(mail, protection.personalLists(), PersonalVerdict.BLACKLISTED);
    }
}
