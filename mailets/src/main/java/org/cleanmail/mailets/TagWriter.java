package org.cleanmail.mailets;

import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.cleanmail.core.policy.ScanFindings;
import org.cleanmail.core.policy.SpamReport;
import org.cleanmail.core.policy.TagStyle;
import org.cleanmail.core.policy.Treatment;
import org.cleanmail.core.scan.StatusLine;

/**
 * Marks a copy of a message as its treatment's tag style says: subject prefix and verdict
 * headers, and with {@code attachReport} the spam report with the original attached
 * ({@link ReportWrapper}).
 */
final class TagWriter {
    static final String STATUS_HEADER = "X-CleanMail-Status";
    static final String SCORE_HEADER = "X-CleanMail-Score";
    static final String REPORT_HEADER = "X-CleanMail-Report";
    static final String SPAM_FLAG_HEADER = "X-Spam-Flag";
    static final String SPAM_STATUS_HEADER = "X-Spam-Status";

    private TagWriter() {
    }

    /**
     * The message to deliver: {@code message} itself, tagged, or with {@code attachReport} a
     * new message holding the report and {@code message} unchanged, the wrapper tagged.
     */
    static MimeMessage tag(MimeMessage message, Treatment treatment, ScanFindings findings) throws MessagingException {
        TagStyle style = treatment.tagStyle().orElseThrow(() ->
            new IllegalArgumentException(treatment.action() + " does not tag"));
        double threshold = treatment.spamThreshold().orElse(findings.score());
        MimeMessage tagged = style.attachReport()
            ? ReportWrapper.wrap(message, SpamReport.of(findings.scan(), threshold, treatment.reason()))
            : message;
        String status = StatusLine.of(findings.scan(), threshold);
        if (!style.subjectPrefix().isEmpty()) {
            String subject = tagged.getSubject();
            String prefix = style.subjectPrefix();
            if (subject == null || !subject.startsWith(prefix)) {
                tagged.setSubject(subject == null || subject.isEmpty() ? prefix : prefix + " " + subject, "UTF-8");
            }
        }
        if (style.addCleanMailHeaders()) {
            tagged.setHeader(SCORE_HEADER, StatusLine.formatScore(findings.score()));
            tagged.setHeader(STATUS_HEADER, status);
            tagged.setHeader(REPORT_HEADER, treatment.reason() + ": " + status);
        }
        if (style.addSpamAssassinHeaders()) {
            tagged.setHeader(SPAM_FLAG_HEADER, "YES");
            tagged.setHeader(SPAM_STATUS_HEADER, status);
        }
        tagged.saveChanges();
        return tagged;
    }
}
