package org.cleanmail.mailets;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.cleanmail.core.policy.ScanFindings;
import org.cleanmail.core.policy.TagStyle;
import org.cleanmail.core.policy.Treatment;
import org.cleanmail.core.scan.StatusLine;

/** Marks a copy of a message as its treatment's tag style says: subject prefix and verdict headers. */
final class TagWriter {
    static final String STATUS_HEADER = "X-CleanMail-Status";
    static final String SCORE_HEADER = "X-CleanMail-Score";
    static final String REPORT_HEADER = "X-CleanMail-Report";
    static final String SPAM_FLAG_HEADER = "X-Spam-Flag";
    static final String SPAM_STATUS_HEADER = "X-Spam-Status";

    private TagWriter() {
    }

    static void tag(MimeMessage message, Treatment treatment, ScanFindings findings) throws MessagingException {
        TagStyle style = treatment.tagStyle().orElseThrow(() ->
            new IllegalArgumentException(treatment.action() + " does not tag"));
        double threshold = treatment.spamThreshold().orElse(findings.score());
        String status = StatusLine.of(findings.scan(), threshold);
        if (!style.subjectPrefix().isEmpty()) {
            String subject = message.getSubject();
            String prefix = style.subjectPrefix();
            if (subject == null || !subject.startsWith(prefix)) {
                message.setSubject(subject == null || subject.isEmpty() ? prefix : prefix + " " + subject, "UTF-8");
            }
        }
        if (style.addCleanMailHeaders()) {
            message.setHeader(SCORE_HEADER, StatusLine.formatScore(findings.score()));
            message.setHeader(STATUS_HEADER, status);
            message.setHeader(REPORT_HEADER, treatment.reason() + ": " + status);
        }
        if (style.addSpamAssassinHeaders()) {
            message.setHeader(SPAM_FLAG_HEADER, "YES");
            message.setHeader(SPAM_STATUS_HEADER, status);
        }
        message.saveChanges();
    }
}
