package org.cleanmail.smtp;

import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.MailHook;
import org.cleanmail.core.blacklist.BlacklistEntry;
import org.cleanmail.james.sender.SenderProtection;

/**
 * Refuses a MAIL FROM address, or an address of a domain, on the blacklist:
 * {@code 550 5.7.1 Sender refused [CM-BL-ADDRESS]} or {@code [CM-BL-DOMAIN]} (or the
 * entry's own code). The null sender and trusted sessions pass; nothing happens when
 * {@code blacklist.refuse-at-smtp=false}.
 * <pre><code>
 * &lt;handler class="org.cleanmail.smtp.BlacklistedSenderHook"/&gt;
 * </code></pre>
 */
public class BlacklistedSenderHook implements MailHook {
    private final SenderProtection protection;
    private final SmtpRefusals refusals;

    @Inject
    public BlacklistedSenderHook(SenderProtection protection, SmtpRefusals refusals) {
        this.protection = protection;
        this.refusals = refusals;
    }

    @Override
    public HookResult doMail(SMTPSession session, MaybeSender sender) {
        if (!protection.settings().refuseAtSmtp() || sender.isNullSender() || SmtpClient.isTrusted(session)) {
            return HookResult.DECLINED;
        }
        Optional<BlacklistEntry> entry = protection.blacklist().matchSender(sender.asString());
        if (entry.isEmpty()) {
            return HookResult.DECLINED;
        }
        return refusals.hookResult(SmtpRefusals.blacklisted(entry.get(), 550, "Sender refused"), "MAIL FROM",
            sender.asString());
    }
}
