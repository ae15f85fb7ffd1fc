package org.cleanmail.smtp;

import java.net.InetAddress;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.api.handler.ConnectHandler;
import org.apache.james.protocols.api.handler.DisconnectHandler;
import org.apache.james.protocols.smtp.SMTPSession;
import org.cleanmail.core.blacklist.BlacklistEntry;
import org.cleanmail.core.sender.BehaviourVerdict;
import org.cleanmail.james.sender.SenderProtection;

/**
 * Refuses, before the greeting, a client whose IP is blacklisted
 * ({@code 554 5.7.1 Connection refused [CM-BL-IP]}, or the entry's own code), a client or
 * network flagged by behaviour analysis ({@code 554 5.7.1 ... [CM-HARVEST]}), and a client
 * opening connections too fast or too many at once ({@code 421 4.7.0 ... [CM-RATE-CONN]},
 * {@code [CM-CONCURRENCY]}). It also counts the client's open connections down when a
 * connection ends, which is why connect and disconnect are one handler. Sessions James
 * trusts ({@code authorizedAddresses}) and {@code sender.trusted-networks} are never refused.
 *
 * <p>Put it first in {@code smtpserver.xml}'s handler chain, before
 * {@code CoreCmdHandlerLoader}:
 * <pre><code>
 * &lt;handlerchain&gt;
 *   &lt;handler class="org.cleanmail.smtp.SenderConnectionHandler"/&gt;
 *   ...
 *   &lt;handler class="org.apache.james.smtpserver.CoreCmdHandlerLoader"/&gt;
 * &lt;/handlerchain&gt;
 * </code></pre>
 * No parameter: thresholds are the {@code sender.} keys of {@code cleanmail.properties}.
 */
public class SenderConnectionHandler implements ConnectHandler<SMTPSession>, DisconnectHandler<SMTPSession> {
    /** Set on a session whose connection the analyzer counted, so that its end is counted too. */
    static final ProtocolSession.AttachmentKey<InetAddress> COUNTED_CLIENT =
        ProtocolSession.AttachmentKey.of("org.cleanmail.smtp.countedClient", InetAddress.class);

    private final SenderProtection protection;
    private final SmtpRefusals refusals;

    @Inject
    public SenderConnectionHandler(SenderProtection protection, SmtpRefusals refusals) {
        this.protection = protection;
        this.refusals = refusals;
    }

    @Override
    public Response onConnect(SMTPSession session) {
        Optional<InetAddress> client = SmtpClient.address(session);
        if (client.isEmpty() || SmtpClient.isTrusted(session)) {
            return NoReply.INSTANCE;
        }
        if (protection.settings().refuseAtSmtp()) {
            Optional<BlacklistEntry> entry = protection.blacklist().matchIp(client.get());
            if (entry.isPresent()) {
                return refusals.connectResponse(SmtpRefusals.blacklisted(entry.get(), 554, "Connection refused"),
                    client.get().getHostAddress());
            }
        }
        BehaviourVerdict verdict = protection.analyzer().onConnect(client.get());
        session.setAttachment(COUNTED_CLIENT, client.get(), ProtocolSession.State.Connection);
        if (verdict.isRefused()) {
            return refusals.connectResponse(verdict, client.get().getHostAddress());
        }
        return NoReply.INSTANCE;
    }

    @Override
    public void onDisconnect(SMTPSession session) {
        session.getAttachment(COUNTED_CLIENT, ProtocolSession.State.Connection)
            .ifPresent(client -> protection.analyzer().onDisconnect(client));
    }
}
