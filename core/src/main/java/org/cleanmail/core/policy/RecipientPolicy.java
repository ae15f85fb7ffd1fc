package org.cleanmail.core.policy;

import java.util.Objects;

import org.cleanmail.core.blacklist.PersonalVerdict;

/**
 * One recipient of a message as the planner sees it: the address as the mail carries it
 * (returned unchanged in the plan), its effective policy, and what its personal lists say
 * about the sender. Immutable.
 */
public final class RecipientPolicy {
    private final String recipient;
    private final EffectivePolicy policy;
    private final PersonalVerdict personalVerdict;

    public RecipientPolicy(String recipient, EffectivePolicy policy, PersonalVerdict personalVerdict) {
        this.recipient = Objects.requireNonNull(recipient, "recipient");
        this.policy = Objects.requireNonNull(policy, "effective policy");
        this.personalVerdict = Objects.requireNonNull(personalVerdict, "personal verdict");
    }

    /** A recipient whose personal lists do not mention the sender. */
    public static RecipientPolicy of(String recipient, EffectivePolicy policy) {
        return new RecipientPolicy(recipient, policy, PersonalVerdict.NONE);
    }

    public String recipient() {
        return recipient;
    }

    public EffectivePolicy policy() {
        return policy;
    }

    public PersonalVerdict personalVerdict() {
        return personalVerdict;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RecipientPolicy)) {
            return false;
        }
        RecipientPolicy other = (RecipientPolicy) o;
        return recipient.equals(other.recipient) && policy.equals(other.policy) && personalVerdict == other.personalVerdict;
    }

    @Override
    public int hashCode() {
        return Objects.hash(recipient, policy, personalVerdict);
    }

    @Override
    public String toString() {
        return "RecipientPolicy{" + recipient + ", " + personalVerdict + "}";
    }
}
