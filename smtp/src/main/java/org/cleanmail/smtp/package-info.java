/**
 * CleanMail's SMTP handlers for James's {@code smtpserver.xml}: thin adapters from James's
 * hooks to {@link org.cleanmail.james.sender.SenderProtection} (blacklist and behaviour
 * analysis). Each refuses with a reply naming a public reason code, answers DECLINED
 * otherwise (never OK, which would skip James's relay check), and never refuses a session
 * James trusts.
 */
package org.cleanmail.smtp;
