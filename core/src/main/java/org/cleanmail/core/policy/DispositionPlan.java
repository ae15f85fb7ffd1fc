package org.cleanmail.core.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The disposition of one message: its recipients partitioned into groups of identical
 * treatment. Every recipient given to the planner is in exactly one group; groups come in
 * the order of their first recipient. James's side keeps the original mail for one group
 * and sends a duplicate with the recipients of each other group. Immutable.
 */
public final class DispositionPlan {
    private final List<RecipientGroup> groups;
    private final Map<String, Treatment> byRecipient;

    DispositionPlan(List<RecipientGroup> groups) {
        this.groups = List.copyOf(groups);
        Map<String, Treatment> index = new LinkedHashMap<>();
        for (RecipientGroup group : groups) {
            for (String recipient : group.recipients()) {
                index.put(recipient, group.treatment());
            }
        }
        this.byRecipient = index;
    }

    public List<RecipientGroup> groups() {
        return groups;
    }

    /** The treatment of a recipient, as it was given to the planner. */
    public Optional<Treatment> treatmentOf(String recipient) {
        return Optional.ofNullable(byRecipient.get(recipient));
    }

    /** Every recipient, in the planner's input order (duplicates removed). */
    public List<String> recipients() {
        return List.copyOf(byRecipient.keySet());
    }

    /** Whether the whole message is to be refused at SMTP time (every recipient's action is REJECT). */
    public boolean isRejected() {
        return !groups.isEmpty() && groups.stream().allMatch(group -> group.treatment().action() == DispositionAction.REJECT);
    }

    /** Groups whose copies are delivered (clean, tagged or to the Spam folder). */
    public List<RecipientGroup> deliveredGroups() {
        return groups.stream().filter(group -> group.treatment().action().delivers()).collect(Collectors.toUnmodifiableList());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DispositionPlan && groups.equals(((DispositionPlan) o).groups);
    }

    @Override
    public int hashCode() {
        return groups.hashCode();
    }

    @Override
    public String toString() {
        return "DispositionPlan" + groups;
    }
}
