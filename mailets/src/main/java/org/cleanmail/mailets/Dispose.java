package org.cleanmail.mailets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.MailAddress;
import org.apache.james.core.Username;
import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.metrics.api.MetricFactory;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.ProcessingState;
import org.apache.mailet.StorageDirective;
import org.apache.mailet.base.GenericMailet;
import org.cleanmail.core.policy.DecisionStage;
import org.cleanmail.core.policy.DispositionAction;
import org.cleanmail.core.policy.DispositionPlan;
import org.cleanmail.core.policy.RecipientGroup;
import org.cleanmail.core.policy.RecipientPolicy;
import org.cleanmail.core.policy.ScanFindings;
import org.cleanmail.core.quarantine.QuarantineEntries;
import org.cleanmail.james.CleanMailAttributes;
import org.cleanmail.james.policy.PolicyServices;
import org.cleanmail.james.policy.QuarantineActions;
import org.cleanmail.james.policy.RecipientPolicies;
import org.cleanmail.james.sender.SenderProtection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Disposes of a scored mail as each recipient's policy says. For every recipient it
 * resolves the effective policy (user, groups, domain, global; see
 * {@code docs/policies.md}), reads the recipient's personal white and black lists when
 * that policy enables them, and asks the disposition planner; recipients with the same
 * treatment share one copy (James's way: {@code mail.duplicate()} with a subset of the
 * recipients), so no recipient is lost or served twice:
 * <ul>
 *   <li>{@code DELIVER}: the mail itself, with those recipients only, goes on unchanged
 *   to the next mailet (put a {@code ToProcessor transport} after this one);</li>
 *   <li>{@code DELIVER_TAGGED}: a copy with the policy's subject prefix and
 *   {@code X-CleanMail-Status/-Score/-Report} (and {@code X-Spam-Flag/-Status} when the
 *   policy asks) is sent to the {@code deliveryProcessor}; with {@code attachReport} the copy
 *   is a new {@code multipart/mixed} message: a plain-text spam report (score, threshold,
 *   each rule with its points and description) and the original, unchanged, attached as
 *   {@code message/rfc822} (SpamAssassin's {@code report_safe 1}); the Message-ID is kept;</li>
 *   <li>{@code DELIVER_TO_SPAM_FOLDER}: the same, with James's storage directive that files
 *   it into each recipient's {@code spamFolder};</li>
 *   <li>{@code QUARANTINE}: a copy is stored in the quarantine repository
 *   ({@code quarantine.repository}) and indexed per recipient with score, hits, reason,
 *   arrival and expiry (the recipient's retention);</li>
 *   <li>{@code DELETE}: dropped, recorded in the deletion log and logged at INFO;</li>
 *   <li>{@code REJECT}: James has already accepted the mail, so it is quarantined instead
 *   (a bounce now would be backscatter). The refusal itself happens before, in the SMTP
 *   hook {@code org.cleanmail.smtp.SpamRejectHook}, when every recipient rejects; a mail
 *   reaching {@code Dispose} with a recipient whose policy rejects had other recipients that
 *   did not, or came through a trusted session.</li>
 * </ul>
 * Quarantine and deletion happen before any copy is sent on, and a failure to store
 * propagates (the mail goes to the {@code error} processor whole). When no recipient is
 * delivered clean the mail ends ({@code GHOST}). Mail released from the quarantine
 * (attribute {@code org.cleanmail.released}) passes untouched; an
 * {@code X-CleanMail-Released} or {@code X-CleanMail-Report} header on any other mail is a
 * forgery and is removed. The
 * mail must have been scored by {@code ScoreMessage} before; unscored mail is an error.
 *
 * <pre><code>
 * &lt;mailet match="All" class="org.cleanmail.mailets.ScoreMessage"/&gt;
 * &lt;mailet match="All" class="org.cleanmail.mailets.Dispose"&gt;
 *   &lt;deliveryProcessor&gt;transport&lt;/deliveryProcessor&gt;   default: transport
 *   &lt;spamFolder&gt;Spam&lt;/spamFolder&gt;                      default: Spam
 * &lt;/mailet&gt;
 * &lt;mailet match="All" class="ToProcessor"&gt;
 *   &lt;processor&gt;transport&lt;/processor&gt;
 * &lt;/mailet&gt;
 * </code></pre>
 */
public class Dispose extends GenericMailet {
    public static final String DELIVERY_PROCESSOR = "deliveryProcessor";
    public static final String SPAM_FOLDER = "spamFolder";
    public static final String DEFAULT_DELIVERY_PROCESSOR = "transport";
    public static final String DEFAULT_SPAM_FOLDER = "Spam";

    private static final Logger LOGGER = LoggerFactory.getLogger(Dispose.class);

    /** Counts recipients by action: {@code cleanmail.disposition.deliver}, {@code .deliver_tagged}, {@code .quarantine}, ... */
    public static final String METRIC_PREFIX = "cleanmail.disposition.";

    private final PolicyServices policies;
    private final SenderProtection senderProtection;
    private final MetricFactory metricFactory;
    private String deliveryProcessor;
    private String spamFolder;

    @Inject
    public Dispose(PolicyServices policies, SenderProtection senderProtection, MetricFactory metricFactory) {
        this.policies = policies;
        this.senderProtection = senderProtection;
        this.metricFactory = metricFactory;
    }

    @Override
    public void init() throws MessagingException {
        checkInitParameters(Set.of(DELIVERY_PROCESSOR, SPAM_FOLDER));
        deliveryProcessor = nonBlank(DELIVERY_PROCESSOR, DEFAULT_DELIVERY_PROCESSOR);
        spamFolder = nonBlank(SPAM_FOLDER, DEFAULT_SPAM_FOLDER);
        policies.repository().repository();
    }

    private String nonBlank(String name, String defaultValue) throws MessagingException {
        String value = getInitParameter(name, defaultValue);
        if (value == null || value.isBlank()) {
            throw new MessagingException("'" + name + "' must not be empty, e.g. <" + name + ">" + defaultValue
                + "</" + name + ">");
        }
        return value.trim();
    }

    @Override
    public Collection<ProcessingState> requiredProcessingState() {
        return List.of(new ProcessingState(deliveryProcessor));
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        if (isReleased(mail)) {
            return;
        }
        removeForged(mail.getMessage(), QuarantineActions.RELEASED_HEADER);
        removeForged(mail.getMessage(), TagWriter.REPORT_HEADER);
        ScanFindings findings = ScoredMail.findings(mail).orElseThrow(() -> new MessagingException("Mail "
            + mail.getName() + " was not scored: put org.cleanmail.mailets.ScoreMessage before Dispose"));
        Map<String, MailAddress> recipients = new LinkedHashMap<>();
        mail.getRecipients().forEach(recipient -> recipients.put(recipient.asString(), recipient));
        DispositionPlan plan = policies.planner().plan(findings, recipientPolicies(mail, recipients.keySet()),
            DecisionStage.AFTER_ACCEPTANCE);
        List<MailAddress> clean = new ArrayList<>();
        List<RecipientGroup> delivered = new ArrayList<>();
        for (RecipientGroup group : plan.groups()) {
            DispositionAction action = group.treatment().action();
            metricFactory.generate(METRIC_PREFIX + action.name().toLowerCase(Locale.ROOT)).add(group.recipients().size());
            if (action == DispositionAction.DELIVER) {
                group.recipients().forEach(recipient -> clean.add(recipients.get(recipient)));
            } else if (action.delivers()) {
                delivered.add(group);
            } else if (action == DispositionAction.DELETE) {
                delete(mail, group);
            } else {
                quarantine(mail, group, findings, addresses(group, recipients));
            }
        }
        for (RecipientGroup group : delivered) {
            deliverTagged(mail, group, findings, addresses(group, recipients));
        }
        if (clean.isEmpty()) {
            mail.setState(Mail.GHOST);
        } else {
            mail.setRecipients(clean);
        }
    }

    private static void removeForged(MimeMessage message, String header) throws MessagingException {
        if (message.getHeader(header) != null) {
            message.removeHeader(header);
        }
    }

    private static boolean isReleased(Mail mail) {
        return mail.getAttribute(CleanMailAttributes.RELEASED)
            .flatMap(attribute -> attribute.getValue().valueAs(Boolean.class))
            .orElse(false);
    }

    private List<RecipientPolicy> recipientPolicies(Mail mail, Collection<String> recipients) {
        return RecipientPolicies.resolve(policies, senderProtection.personalLists(),
            mail.getMaybeSender().asOptional().map(MailAddress::asString), recipients);
    }

    private static List<MailAddress> addresses(RecipientGroup group, Map<String, MailAddress> recipients) {
        return group.recipients().stream().map(recipients::get).collect(Collectors.toList());
    }

    private void deliverTagged(Mail mail, RecipientGroup group, ScanFindings findings, List<MailAddress> addresses)
        throws MessagingException {
        Mail copy = mail.duplicate();
        copy.setRecipients(addresses);
        copy.setMessage(TagWriter.tag(new PreservedIdMessage(mail.getMessage()), group.treatment(), findings));
        copy.setAttribute(new Attribute(CleanMailAttributes.DISPOSITION,
            AttributeValue.of(group.treatment().action().name())));
        if (group.treatment().action() == DispositionAction.DELIVER_TO_SPAM_FOLDER) {
            StorageDirective directive = StorageDirective.builder().targetFolder(spamFolder).build();
            for (MailAddress address : addresses) {
                directive.encodeAsAttributes(Username.fromMailAddress(address)).forEach(copy::setAttribute);
            }
        }
        try {
            getMailetContext().sendMail(copy, deliveryProcessor);
        } finally {
            LifecycleUtil.dispose(copy);
        }
        LOGGER.info("Mail {} from {}: {} for {} ({})", mail.getName(), mail.getMaybeSender().asString(),
            group.treatment().action(), group.recipients(), group.treatment().reason());
    }

    private void quarantine(Mail mail, RecipientGroup group, ScanFindings findings, List<MailAddress> addresses)
        throws MessagingException {
        Mail copy = mail.duplicate();
        copy.setRecipients(addresses);
        copy.setAttribute(new Attribute(CleanMailAttributes.DISPOSITION,
            AttributeValue.of(DispositionAction.QUARANTINE.name())));
        Instant arrival = policies.clock().instant();
        String key;
        try {
            key = policies.repository().store(copy);
        } catch (MessagingException e) {
            throw new MessagingException("Quarantine of " + mail.getName() + " in " + policies.repository().url()
                + " failed: " + e.getMessage(), e);
        } finally {
            LifecycleUtil.dispose(copy);
        }
        String subject = Optional.ofNullable(mail.getMessage().getSubject()).orElse("");
        QuarantineEntries.forGroup(key, group, mail.getMaybeSender().asString(""), subject, findings, arrival)
            .forEach(policies.index()::add);
        LOGGER.info("Quarantined {} (key {}) from {} for {} ({}, score {})", mail.getName(), key,
            mail.getMaybeSender().asString(), group.recipients(), group.treatment().reason(), findings.score());
    }

    private void delete(Mail mail, RecipientGroup group) throws MessagingException {
        String messageId = Optional.ofNullable(mail.getMessage().getMessageID()).orElse(mail.getName());
        policies.deletionLog().record(messageId, mail.getMaybeSender().asString(""), group.recipients(),
            group.treatment().reason());
        LOGGER.info("Deleted {} (Message-ID {}) from {} for {} ({})", mail.getName(), messageId,
            mail.getMaybeSender().asString(), group.recipients(), group.treatment().reason());
    }

    @Override
    public String getMailetInfo() {
        return "CleanMail Dispose";
    }
}
