package org.cleanmail.mailets;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

/**
 * A message whose {@code saveChanges()} keeps its {@code Message-ID} (JavaMail's replaces it
 * with a new one): a tagged copy or a report wrapper is still the same message for the
 * recipient's client (threads, replies, "where did my mail go" by Message-ID).
 */
final class PreservedIdMessage extends MimeMessage {
    PreservedIdMessage(MimeMessage source) throws MessagingException {
        super(source);
    }

    PreservedIdMessage(Session session) {
        super(session);
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        if (getHeader("Message-ID") == null) {
            super.updateMessageID();
        }
    }
}
