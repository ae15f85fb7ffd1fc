package org.cleanmail.smtp;

import java.net.InetAddress;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.smtpserver.JamesMessageHook;
import org.apache.mailet.Mail;
import org.cleanmail.core.sender.BehaviourVerdict;
import org.cleanmail.james.sender.SenderProtection;

/**
 * Counts each message a client sends, and its recipients, at the end of DATA; past
 * {@code sender.max-messages-per-window} or {@code sender.max-recipients-per-window} in
 * {@code sender.message-window} the message is refused with
 * {@code 451 4.7.1 Too many messages, try again later [CM-RATE-MSG]} (or
 * {@code [CM-RATE-RCPT]}). Accepted messages count for the client's reputation. Trusted
 * sessions are not counted.
 * <pre><code>
 * &lt;handler class="org.cleanmail.smtp.MessageRateHook"/&gt;
 * </code></pre>
 */
public class MessageRateHook implements JamesMessageHook {
    private final SenderProtection protection;
    private final SmtpRefusals refusals;

    @Inject
    public MessageRateHook(SenderProtection protection, SmtpRefusals refusals) {
        this.protection = protection;
        this.refusals = refusals;
    }

    @Override
    public HookResult onMessage(SMTPSession session, Mail mail) {
        Optional<InetAddress> client = SmtpClient.address(session);
        if (client.isEmpty() || SmtpClient.isTrusted(session)) {
            return HookResult.DECLINED;
        }
        BehaviourVerdict verdict = protection.analyzer().onMessage(client.get(), SmtpClient.isAuthenticated(session),
            mail.getRecipients().size());
        if (verdict.isRefused()) {
            return refusals.hookResult(verdict, "DATA of " + mail.getName(), client.get().getHostAddress());
        }
        return HookResult.DECLINED;
    }
}
