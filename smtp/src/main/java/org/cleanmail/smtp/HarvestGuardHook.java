package org.cleanmail.smtp;

import java.net.InetAddress;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.RcptHook;
import org.cleanmail.core.sender.BehaviourVerdict;
import org.cleanmail.james.sender.SenderProtection;

/**
 * Directory-harvest detection at RCPT TO. Each recipient of a local domain that James does
 * not know (no user, no alias: see {@link JamesRecipientDirectory}) is counted for the client
 * and its network; past {@code sender.max-unknown-recipients} in
 * {@code sender.harvest-window} the client is flagged for {@code sender.block-duration}:
 * this RCPT and every later one get {@code 550 5.7.1 Recipients refused to your address
 * [CM-HARVEST]} ({@code 450 4.7.1} when {@code sender.permanent-block=false}), known
 * recipients included, and its next connections are refused.
 *
 * <p>Otherwise the hook answers DECLINED, never OK, so James's own checks run next: the
 * relay check, and {@code ValidRcptHandler}, which refuses the unknown recipient itself
 * ({@code 550 5.1.1}). Put it before {@code ValidRcptHandler}:
 * <pre><code>
 * &lt;handler class="org.cleanmail.smtp.HarvestGuardHook"/&gt;
 * &lt;handler class="org.apache.james.smtpserver.fastfail.ValidRcptHandler"/&gt;
 * </code></pre>
 * Trusted sessions ({@code authorizedAddresses}, authenticated, {@code sender.trusted-networks})
 * are not counted.
 */
public class HarvestGuardHook implements RcptHook {
    private final SenderProtection protection;
    private final SmtpRefusals refusals;
    private final RecipientDirectory directory;

    @Inject
    public HarvestGuardHook(SenderProtection protection, SmtpRefusals refusals, JamesRecipientDirectory directory) {
        this(protection, refusals, (RecipientDirectory) directory);
    }

    public HarvestGuardHook(SenderProtection protection, SmtpRefusals refusals, RecipientDirectory directory) {
        this.protection = protection;
        this.refusals = refusals;
        this.directory = directory;
    }

    @Override
    public HookResult doRcpt(SMTPSession session, MaybeSender sender, MailAddress recipient) {
        Optional<InetAddress> client = SmtpClient.address(session);
        if (client.isEmpty() || SmtpClient.isTrusted(session)) {
            return HookResult.DECLINED;
        }
        boolean known = !directory.isUnknownLocalRecipient(recipient);
        BehaviourVerdict verdict = protection.analyzer().onRcpt(client.get(), SmtpClient.isAuthenticated(session),
            recipient.asString(), known);
        if (verdict.isRefused()) {
            return refusals.hookResult(verdict, SmtpRefusals.RCPT_STAGE + " " + recipient.asString(), client.get().getHostAddress());
        }
        return HookResult.DECLINED;
    }
}
