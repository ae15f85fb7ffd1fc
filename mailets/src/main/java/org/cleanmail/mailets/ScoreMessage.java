package org.cleanmail.mailets;

import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.cleanmail.core.scan.RawMessage;
import org.cleanmail.core.scan.ScanResult;
import org.cleanmail.core.scan.StatusLine;
import org.cleanmail.james.CleanMailRuntime;
import org.cleanmail.james.SettingParser;
import org.cleanmail.james.sender.SenderProtection;
import org.cleanmail.james.verdict.CappedMessageReader;
import org.cleanmail.james.verdict.ScanVerdicts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores each message with CleanMail's scanner and records the result, in the
 * SpamAssassin tradition, as mail attributes and as headers:
 * <ul>
 *   <li>attributes {@code org.cleanmail.score} (Double), {@code org.cleanmail.hits}
 *   (names of the rules that fired), {@code org.cleanmail.spam} (Boolean),
 *   {@code org.cleanmail.status} (the status line);</li>
 *   <li>headers {@code X-CleanMail-Score: 1000.0} and
 *   {@code X-CleanMail-Status: Yes, score=1000.0 required=5.0 tests=GTUBE}.</li>
 * </ul>
 * {@code X-CleanMail-*} headers already in the message (a sender can forge them) are
 * removed before scanning. A verdict already recorded on the mail for exactly these bytes
 * (by {@code org.cleanmail.smtp.SpamRejectHook} at the end of DATA) is reused, not scanned
 * again; it also sets {@code org.cleanmail.hit-details} (each hit's points and description).
 * The sending client's reputation ({@code SENDER_BAD_REPUTATION},
 * {@code SENDER_GOOD_REPUTATION}, from the sender protection) is added into the same
 * score. Route the mail afterwards with the {@code ScoreAtLeast}
 * matcher. An error while reading the message propagates, so James sends the mail to
 * the processor named by {@code onMailetException} ({@code error} by default).
 *
 * <pre><code>
 * &lt;mailet match="All" class="org.cleanmail.mailets.ScoreMessage"&gt;
 *   &lt;!-- optional; default: scoring.threshold of cleanmail.properties (5.0) --&gt;
 *   &lt;threshold&gt;5.0&lt;/threshold&gt;
 *   &lt;!-- optional; default: true --&gt;
 *   &lt;addHeaders&gt;true&lt;/addHeaders&gt;
 * &lt;/mailet&gt;
 * </code></pre>
 */
public class ScoreMessage extends GenericMailet {
    public static final String THRESHOLD = "threshold";
    public static final String ADD_HEADERS = "addHeaders";
    public static final boolean DEFAULT_ADD_HEADERS = true;

    public static final String SCORE_HEADER = "X-CleanMail-Score";
    public static final String STATUS_HEADER = "X-CleanMail-Status";

    private static final Logger LOGGER = LoggerFactory.getLogger(ScoreMessage.class);

    private final CleanMailRuntime runtime;
    private final SenderProtection senderProtection;
    private double threshold;
    private boolean addHeaders;

    @Inject
    public ScoreMessage(CleanMailRuntime runtime, SenderProtection senderProtection) {
        this.runtime = runtime;
        this.senderProtection = senderProtection;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(Set.of(THRESHOLD, ADD_HEADERS));
        SettingParser parser = new SettingParser("mailet " + getMailetName());
        threshold = getInitParameterAsOptional(THRESHOLD)
            .map(value -> parser.parseDouble(THRESHOLD, value, "<threshold>5.0</threshold>"))
            .orElse(runtime.configuration().threshold());
        addHeaders = getInitParameterAsOptional(ADD_HEADERS)
            .map(value -> parser.parseBoolean(ADD_HEADERS, value, "<addHeaders>true</addHeaders>"))
            .orElse(DEFAULT_ADD_HEADERS);
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        MimeMessage message = mail.getMessage();
        ScanVerdicts.removeForgedHeaders(message);
        RawMessage raw = CappedMessageReader.read(message, runtime.configuration().maxMessageSize());
        Optional<ScanResult> earlier = ScanVerdicts.reusable(mail, raw);
        ScanResult result = earlier.isPresent() ? earlier.get()
            : runtime.scan(raw, threshold, senderProtection.reputationHits(mail));
        String status = StatusLine.of(result, threshold);
        ScanVerdicts.record(mail, result, threshold, ScanVerdicts.digest(raw));
        if (addHeaders) {
            message.setHeader(SCORE_HEADER, StatusLine.formatScore(result.score()));
            message.setHeader(STATUS_HEADER, status);
            message.saveChanges();
        }
        LOGGER.debug("Scored {} from {}: {}{}", mail.getName(), mail.getMaybeSender().asString(), status,
            earlier.isPresent() ? " (verdict of the SMTP session reused)" : "");
    }

    @Override
    public String getMailetInfo() {
        return "CleanMail ScoreMessage";
    }
}
