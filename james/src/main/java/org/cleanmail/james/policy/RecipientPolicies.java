package org.cleanmail.james.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.cleanmail.core.blacklist.PersonalLists;
import org.cleanmail.core.blacklist.PersonalVerdict;
import org.cleanmail.core.policy.DispositionAction;
import org.cleanmail.core.policy.EffectivePolicy;
import org.cleanmail.core.policy.RecipientPolicy;

/**
 * What the disposition planner needs of each recipient: the effective policy, and the
 * verdict of the recipient's personal lists on the sender when that policy enables them.
 * Shared by the {@code Dispose} mailet and the SMTP-time rejection hook, so both decide alike.
 */
public final class RecipientPolicies {
    private RecipientPolicies() {
    }

    public static List<RecipientPolicy> resolve(PolicyServices policies, PersonalLists personalLists,
                                                Optional<String> sender, Collection<String> recipients) {
        List<RecipientPolicy> result = new ArrayList<>();
        for (String recipient : recipients) {
            EffectivePolicy policy = policies.resolver().resolve(recipient);
            PersonalVerdict verdict = policy.personalListsEnabled() && sender.isPresent()
                ? personalLists.verdict(recipient, sender.get())
                : PersonalVerdict.NONE;
            result.add(new RecipientPolicy(recipient, policy, verdict));
        }
        return result;
    }

    /** Whether the policy may refuse a message at SMTP time (its spam or certain-spam action is REJECT). */
    public static boolean mayReject(EffectivePolicy policy) {
        return policy.spamAction() == DispositionAction.REJECT || policy.certainSpamAction() == DispositionAction.REJECT;
    }
}
