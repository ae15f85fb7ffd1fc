package org.cleanmail.smtp;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.smtpserver.JamesMessageHook;
import org.apache.mailet.Mail;
import org.cleanmail.core.fingerprint.FingerprintSource;
import org.cleanmail.core.policy.DecisionStage;
import org.cleanmail.core.policy.DispositionPlan;
import org.cleanmail.core.policy.DispositionReason;
import org.cleanmail.core.policy.RecipientGroup;
import org.cleanmail.core.policy.RecipientPolicy;
import org.cleanmail.core.policy.ScanFindings;
import org.cleanmail.core.scan.RawMessage;
import org.cleanmail.core.scan.RuleHit;
import org.cleanmail.core.scan.ScanResult;
import org.cleanmail.core.scan.StatusLine;
import org.cleanmail.core.sender.BehaviourVerdict;
import org.cleanmail.james.CleanMailRuntime;
import org.cleanmail.james.policy.PolicyServices;
import org.cleanmail.james.policy.RecipientPolicies;
import org.cleanmail.james.sender.SenderProtection;
import org.cleanmail.james.verdict.CappedMessageReader;
import org.cleanmail.james.verdict.ScanVerdicts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses spam at the end of DATA when the policy of <em>every</em> recipient says
 * {@code REJECT} for it ({@code spamAction} or {@code certainSpamAction}; see
 * {@code docs/policies.md}): the reply is {@code 550 5.7.1 Message refused as spam [CM-SPAM]}
 * ({@code [CM-SPAM-CERTAIN]} for certain spam, {@code [CM-SPAM-BL]} for a sender on the
 * recipients' personal black lists), nothing is accepted, and the refusal is recorded as a
 * deletion with {@code "action": "REJECT"} ({@code GET /cleanmail/deletions}: Message-ID,
 * sender, recipients, reason), logged at INFO and counted in
 * {@code cleanmail.disposition.reject} and by reason code. Refused spam scored at least
 * {@code fingerprints.learn.threshold} teaches the fingerprint database, as blocked spam
 * does in the pipeline.
 *
 * <p>When no recipient's policy rejects (the default policies do not), the message is not
 * even scanned here. When only some recipients reject, SMTP cannot refuse the message for
 * them alone after DATA: it is accepted, and {@code Dispose} quarantines it for those
 * recipients while the others get their own treatment. Either way the verdict is recorded
 * on the mail ({@code org.cleanmail.score}, {@code .hits}, {@code .hit-details},
 * {@code .status}, {@code .spam}, {@code .scanned-digest}) and {@code ScoreMessage} reuses it
 * instead of scanning again, as long as the message's bytes did not change.
 *
 * <p>Sessions James trusts ({@code authorizedAddresses}, authenticated users) are never
 * refused: their mail is the server's own users' and is disposed of by {@code Dispose}. A
 * message that cannot be read or scanned is accepted (and left to {@code ScoreMessage}).
 * Put it before {@code CoreCmdHandlerLoader}, after the other CleanMail hooks:
 * <pre><code>
 * &lt;handler class="org.cleanmail.smtp.SpamRejectHook"/&gt;
 * </code></pre>
 */
public class SpamRejectHook implements JamesMessageHook {
    /** Counts the recipients of refused messages, like {@code Dispose}'s {@code cleanmail.disposition.*}. */
    public static final String METRIC = "cleanmail.disposition.reject";

    private static final Logger LOGGER = LoggerFactory.getLogger(SpamRejectHook.class);

    private final CleanMailRuntime runtime;
    private final SenderProtection senderProtection;
    private final PolicyServices policies;
    private final SmtpRefusals refusals;
    private final MetricFactory metricFactory;

    @Inject
    public SpamRejectHook(CleanMailRuntime runtime, SenderProtection senderProtection, PolicyServices policies,
                          SmtpRefusals refusals, MetricFactory metricFactory) {
        this.runtime = runtime;
        this.senderProtection = senderProtection;
        this.policies = policies;
        this.refusals = refusals;
        this.metricFactory = metricFactory;
    }

    @Override
    public HookResult onMessage(SMTPSession session, Mail mail) {
        if (SmtpClient.isTrusted(session)) {
            return HookResult.DECLINED;
        }
        try {
            return decide(session, mail);
        } catch (MessagingException | RuntimeException e) {
            LOGGER.warn("Could not score {} at the end of DATA; accepting it for the mailet pipeline to score", mail.getName(),
                e);
            return HookResult.DECLINED;
        }
    }

    private HookResult decide(SMTPSession session, Mail mail) throws MessagingException {
        Set<String> recipients = new LinkedHashSet<>();
        mail.getRecipients().forEach(recipient -> recipients.add(recipient.asString()));
        Optional<String> sender = mail.getMaybeSender().asOptional().map(MailAddress::asString);
        List<RecipientPolicy> recipientPolicies = RecipientPolicies.resolve(policies, senderProtection.personalLists(),
            sender, recipients);
        if (recipientPolicies.stream().noneMatch(recipient -> RecipientPolicies.mayReject(recipient.policy()))) {
            return HookResult.DECLINED;
        }
        // scanned once here; ScoreMessage reuses the verdict recorded on the mail
        ScanVerdicts.removeForgedHeaders(mail.getMessage());
        RawMessage raw = CappedMessageReader.read(mail.getMessage(), runtime.configuration().maxMessageSize());
        ScanResult result = score(session, mail, raw);
        DispositionPlan plan = policies.planner().plan(ScanFindings.of(result), recipientPolicies,
            DecisionStage.BEFORE_END_OF_DATA);
        if (!plan.isRejected()) {
            return HookResult.DECLINED;
        }
        learn(mail, raw, result);
        return reject(session, mail, sender, plan, result);
    }

    private ScanResult score(SMTPSession session, Mail mail, RawMessage raw) {
        double threshold = runtime.configuration().threshold();
        List<RuleHit> reputation = SmtpClient.address(session)
            .map(InetAddress::getHostAddress)
            .map(senderProtection::reputationHits)
            .orElse(List.of());
        ScanResult result = runtime.scan(raw, threshold, reputation);
        ScanVerdicts.record(mail, result, threshold, ScanVerdicts.digest(raw));
        return result;
    }

    /**
     * Refused spam teaches the fingerprint database and the Bayes filter as blocked spam does
     * in the pipeline ({@code LearnFingerprints}): when it scored at least
     * {@code fingerprints.learn.threshold}.
     */
    private void learn(Mail mail, RawMessage raw, ScanResult result) {
        boolean learns = runtime.engine().fingerprints().isPresent() || runtime.engine().bayes().isPresent();
        if (!learns || result.score() < runtime.engine().fingerprintOptions().learnThreshold()) {
            return;
        }
        try {
            runtime.engine().learnSpam(runtime.engine().parse(raw), FingerprintSource.RULES);
        } catch (RuntimeException e) {
            LOGGER.warn("Could not learn refused mail {} as spam", mail.getName(), e);
        }
    }

    private HookResult reject(SMTPSession session, Mail mail, Optional<String> sender, DispositionPlan plan,
                              ScanResult result) throws MessagingException {
        String messageId = Optional.ofNullable(mail.getMessage().getMessageID()).orElse(mail.getName());
        List<DispositionReason> reasons = new ArrayList<>();
        for (RecipientGroup group : plan.groups()) {
            policies.deletionLog().recordRejection(messageId, sender.orElse(""), group.recipients(),
                group.treatment().reason());
            reasons.add(group.treatment().reason());
        }
        metricFactory.generate(METRIC).add(plan.recipients().size());
        DispositionReason reason = reasons.get(0);
        BehaviourVerdict verdict = BehaviourVerdict.refuse(550, "5.7.1", reasonCode(reason), "Message refused as spam");
        Object client = SmtpClient.address(session).map(InetAddress::getHostAddress).orElse("unknown client");
        LOGGER.info("Rejected {} (Message-ID {}) from {} for {} at the end of DATA ({}, {})", mail.getName(), messageId,
            sender.orElse("<>"), plan.recipients(), reason, StatusLine.of(result, runtime.configuration().threshold()));
        return refusals.hookResult(verdict, "end of DATA of " + messageId, client);
    }

    static String reasonCode(DispositionReason reason) {
        switch (reason) {
            case CERTAIN_SPAM:
                return "CM-SPAM-CERTAIN";
            case BLACKLISTED:
                return "CM-SPAM-BL";
            default:
                return "CM-" + reason.name().toUpperCase(Locale.ROOT).replace('_', '-');
        }
    }
}
