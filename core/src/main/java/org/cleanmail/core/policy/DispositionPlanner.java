package org.cleanmail.core.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cleanmail.core.blacklist.PersonalVerdict;

/**
 * Decides, for each recipient of a scanned message, what happens to it, and groups the
 * recipients whose copies are treated alike. Stateless and thread-safe.
 *
 * <p>For each recipient, the first rule that applies decides:
 * <ol>
 *   <li>a virus: the policy's {@code virusAction} (reason {@code VIRUS}); white lists do not help;</li>
 *   <li>banned content: {@code bannedContentAction} ({@code BANNED_CONTENT});</li>
 *   <li>personal lists enabled and the sender white-listed: delivered clean ({@code WHITELISTED});</li>
 *   <li>personal lists enabled and the sender black-listed: {@code certainSpamAction} ({@code BLACKLISTED});</li>
 *   <li>score at or above both thresholds: {@code certainSpamAction} ({@code CERTAIN_SPAM});</li>
 *   <li>score at or above the spam threshold: {@code spamAction} ({@code SPAM});</li>
 *   <li>otherwise delivered clean ({@code CLEAN}).</li>
 * </ol>
 * {@code REJECT} stands only at {@link DecisionStage#BEFORE_END_OF_DATA} and only when every
 * recipient's action is {@code REJECT} (SMTP answers DATA once for all recipients); in any
 * other case it becomes {@code QUARANTINE}, with the same reason. A recipient given twice
 * is planned once.
 */
public final class DispositionPlanner {

    /** The plan for a message to {@code recipients}. */
    public DispositionPlan plan(ScanFindings findings, List<RecipientPolicy> recipients, DecisionStage stage) {
        Map<String, Treatment> treatments = new LinkedHashMap<>();
        Map<String, EffectivePolicy> policies = new LinkedHashMap<>();
        for (RecipientPolicy recipient : recipients) {
            if (!treatments.containsKey(recipient.recipient())) {
                treatments.put(recipient.recipient(), decide(findings, recipient));
                policies.put(recipient.recipient(), recipient.policy());
            }
        }
        boolean everyoneRejects = !treatments.isEmpty() && stage == DecisionStage.BEFORE_END_OF_DATA
            && treatments.values().stream().allMatch(treatment -> treatment.action() == DispositionAction.REJECT);
        if (!everyoneRejects) {
            treatments.replaceAll((recipient, treatment) -> treatment.action() == DispositionAction.REJECT
                ? Treatment.of(DispositionAction.QUARANTINE, treatment.reason(), policies.get(recipient))
                : treatment);
        }
        Map<Treatment, Set<String>> grouped = new LinkedHashMap<>();
        treatments.forEach((recipient, treatment) ->
            grouped.computeIfAbsent(treatment, any -> new LinkedHashSet<>()).add(recipient));
        List<RecipientGroup> groups = new ArrayList<>();
        grouped.forEach((treatment, members) -> groups.add(new RecipientGroup(treatment, new ArrayList<>(members))));
        return new DispositionPlan(groups);
    }

    /** The treatment of one recipient, before the REJECT rule for the whole message. */
    Treatment decide(ScanFindings findings, RecipientPolicy recipient) {
        EffectivePolicy policy = recipient.policy();
        boolean listsApply = policy.personalListsEnabled();
        if (findings.virusFound()) {
            return Treatment.of(policy.virusAction(), DispositionReason.VIRUS, policy);
        }
        if (findings.bannedContentFound()) {
            return Treatment.of(policy.bannedContentAction(), DispositionReason.BANNED_CONTENT, policy);
        }
        if (listsApply && recipient.personalVerdict() == PersonalVerdict.WHITELISTED) {
            return Treatment.of(DispositionAction.DELIVER, DispositionReason.WHITELISTED, policy);
        }
        if (listsApply && recipient.personalVerdict() == PersonalVerdict.BLACKLISTED) {
            return Treatment.of(policy.certainSpamAction(), DispositionReason.BLACKLISTED, policy);
        }
        double score = findings.score();
        boolean spam = score >= policy.spamThreshold();
        if (spam && score >= policy.certainSpamThreshold()) {
            return Treatment.of(policy.certainSpamAction(), DispositionReason.CERTAIN_SPAM, policy);
        }
        if (spam) {
            return Treatment.of(policy.spamAction(), DispositionReason.SPAM, policy);
        }
        return Treatment.of(DispositionAction.DELIVER, DispositionReason.CLEAN, policy);
    }
}
