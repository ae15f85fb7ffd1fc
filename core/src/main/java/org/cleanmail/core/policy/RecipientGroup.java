package org.cleanmail.core.policy;

import java.util.List;
import java.util.Objects;

/** Recipients that get the same treatment, so one copy of the message serves them all. Immutable. */
public final class RecipientGroup {
    private final Treatment treatment;
    private final List<String> recipients;

    public RecipientGroup(Treatment treatment, List<String> recipients) {
        this.treatment = Objects.requireNonNull(treatment, "treatment");
        this.recipients = List.copyOf(recipients);
    }

    public Treatment treatment() {
        return treatment;
    }

    /** The recipients, as given to the planner, in their original order. */
    public List<String> recipients() {
        return recipients;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RecipientGroup)) {
            return false;
        }
        RecipientGroup other = (RecipientGroup) o;
        return treatment.equals(other.treatment) && recipients.equals(other.recipients);
    }

    @Override
    public int hashCode() {
        return Objects.hash(treatment, recipients);
    }

    @Override
    public String toString() {
        return recipients + " -> " + treatment;
    }
}
