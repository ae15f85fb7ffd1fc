package org.cleanmail.james.sender;

import org.apache.mailet.AttributeName;
import org.apache.mailet.Mail;

/**
 * Whether James trusted the SMTP session a mail came in by: the client was in
 * {@code authorizedAddresses} ({@code org.apache.james.SMTPIsAuthNetwork}) or authenticated
 * ({@code org.apache.james.SMTPAuthUser}). Such mail is the server's own users' and counts
 * for no client's reputation.
 */
public final class TrustedSessions {
    public static final AttributeName SMTP_IS_AUTH_NETWORK = AttributeName.of("org.apache.james.SMTPIsAuthNetwork");

    private TrustedSessions() {
    }

    public static boolean isTrusted(Mail mail) {
        boolean authorizedNetwork = mail.getAttribute(SMTP_IS_AUTH_NETWORK)
            .flatMap(attribute -> attribute.getValue().valueAs(Boolean.class))
            .orElse(false);
        return authorizedNetwork || mail.getAttribute(Mail.SMTP_AUTH_USER).isPresent();
    }
}
