package org.cleanmail.smtp;

import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.james.core.Username;
import org.apache.james.protocols.api.ProtocolSession;
import org.apache.james.protocols.smtp.SMTPSession;

/** SMTP sessions for hook tests: a client address, trust, login and attachments; nothing else. */
final class FakeSessions {
    private FakeSessions() {
    }

    static SMTPSession from(String ip) {
        return session(ip, false, null);
    }

    static SMTPSession relayingAllowed(String ip) {
        return session(ip, true, null);
    }

    static SMTPSession authenticated(String ip, String user) {
        return session(ip, false, Username.of(user));
    }

    private static SMTPSession session(String ip, boolean relayingAllowed, Username user) {
        Map<ProtocolSession.AttachmentKey<?>, Object> attachments = new HashMap<>();
        return (SMTPSession) Proxy.newProxyInstance(FakeSessions.class.getClassLoader(), new Class<?>[] {SMTPSession.class},
            (proxy, method, args) -> {
                switch (method.getName()) {
                    case "getRemoteAddress":
                        return new InetSocketAddress(ip, 40000);
                    case "isRelayingAllowed":
                        return relayingAllowed;
                    case "getUsername":
                        return user;
                    case "setAttachment":
                        return Optional.ofNullable(attachments.put((ProtocolSession.AttachmentKey<?>) args[0], args[1]));
                    case "getAttachment":
                        return Optional.ofNullable(attachments.get(args[0]));
                    case "toString":
                        return "FakeSession(" + ip + ")";
                    default:
                        throw new UnsupportedOperationException(method.getName());
                }
            });
    }
}
