package org.cleanmail.smtp;

import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HeloHook;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.cleanmail.core.blacklist.BlacklistEntry;
import org.cleanmail.james.sender.SenderProtection;

/**
 * Refuses a HELO or EHLO name on the blacklist:
 * {@code 550 5.7.1 HELO name refused [CM-BL-HELO]} (or the entry's own code). Trusted
 * sessions pass; nothing happens when {@code blacklist.refuse-at-smtp=false}.
 * <pre><code>
 * &lt;handler class="org.cleanmail.smtp.BlacklistedHeloHook"/&gt;
 * </code></pre>
 */
public class BlacklistedHeloHook implements HeloHook {
    private final SenderProtection protection;
    private final SmtpRefusals refusals;

    @Inject
    public BlacklistedHeloHook(SenderProtection protection, SmtpRefusals refusals) {
        this.protection = protection;
        this.refusals = refusals;
    }

    @Override
    public HookResult doHelo(SMTPSession session, String helo) {
        if (!protection.settings().refuseAtSmtp() || SmtpClient.isTrusted(session)) {
            return HookResult.DECLINED;
        }
        Optional<BlacklistEntry> entry = protection.blacklist().matchHelo(helo);
        if (entry.isEmpty()) {
            return HookResult.DECLINED;
        }
        return refusals.hookResult(SmtpRefusals.blacklisted(entry.get(), 550, "HELO name refused"), "HELO",
            SmtpClient.address(session).map(Object::toString).orElse("?") + " HELO " + entry.get().value());
    }
}
