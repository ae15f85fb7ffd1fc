package org.cleanmail.smtp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;

import org.apache.james.protocols.smtp.SMTPSession;

/** What the hooks need to know of the client of an SMTP session. */
final class SmtpClient {
    private SmtpClient() {
    }

    /** The client's IP address; empty when the transport does not know it. */
    static Optional<InetAddress> address(SMTPSession session) {
        InetSocketAddress remote = session.getRemoteAddress();
        return Optional.ofNullable(remote).map(InetSocketAddress::getAddress);
    }

    /**
     * Whether James trusts the session: the client is in {@code authorizedAddresses} or has
     * authenticated. Trusted sessions are never refused by CleanMail's hooks.
     */
    static boolean isTrusted(SMTPSession session) {
        return session.isRelayingAllowed() || session.getUsername() != null;
    }

    static boolean isAuthenticated(SMTPSession session) {
        return session.getUsername() != null;
    }
}
