package org.cleanmail.mailets;

import java.util.Optional;

import org.apache.mailet.Mail;
import org.cleanmail.core.policy.ScanFindings;
import org.cleanmail.james.verdict.ScanVerdicts;

/** The scan findings {@code ScoreMessage} (or the SMTP-time rejection hook) left on a mail as attributes. */
final class ScoredMail {
    private ScoredMail() {
    }

    /**
     * The findings, empty when the mail was not scored: every hit with its points and
     * description (see {@link ScanVerdicts#result}).
     */
    static Optional<ScanFindings> findings(Mail mail) {
        return ScanVerdicts.result(mail).map(ScanFindings::of);
    }
}
