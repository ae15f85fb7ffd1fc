package org.cleanmail.core.policy;

import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.cleanmail.core.blacklist.MailNames;

/**
 * A named set of users whose group policy applies to them, such as a department.
 *
 * <p>A user in several groups gets the group policies in {@link #PRECEDENCE} order: the
 * group with the highest {@code priority} first, and between groups of equal priority the
 * name that sorts first; a field set by an earlier group wins over the same field set by a
 * later one. The order never depends on creation time, so every server resolves alike.
 * Immutable.
 */
public final class PolicyGroup {
    /** Highest priority first, then by name. */
    public static final Comparator<PolicyGroup> PRECEDENCE = Comparator
        .comparingInt(PolicyGroup::priority).reversed()
        .thenComparing(PolicyGroup::name);

    private final String name;
    private final int priority;
    private final Set<String> members;

    private PolicyGroup(String name, int priority, Set<String> members) {
        this.name = name;
        this.priority = priority;
        this.members = members;
    }

    /**
     * A group; members are mail addresses, kept in canonical form.
     *
     * @throws InvalidPolicyException when the name or a member is not valid
     */
    public static PolicyGroup of(String name, int priority, Collection<String> members) {
        String canonicalName = PolicyScope.canonicalGroupName(name);
        Set<String> canonicalMembers = new TreeSet<>();
        for (String member : members) {
            canonicalMembers.add(canonicalMember(member));
        }
        return new PolicyGroup(canonicalName, priority, Set.copyOf(canonicalMembers));
    }

    /** A member address in canonical form, or an {@link InvalidPolicyException} naming the rule. */
    public static String canonicalMember(String member) {
        return MailNames.address(member).orElseThrow(() -> new InvalidPolicyException("members",
            "'members' must hold mail addresses, e.g. \"members\": [\"alice@sales.example.com\"]; got '" + member + "'"));
    }

    public String name() {
        return name;
    }

    public int priority() {
        return priority;
    }

    /** Canonical member addresses. */
    public Set<String> members() {
        return members;
    }

    /** Members sorted, for stable output. */
    public Set<String> sortedMembers() {
        return members.stream().collect(Collectors.toCollection(TreeSet::new));
    }

    public boolean hasMember(String canonicalAddress) {
        return members.contains(canonicalAddress);
    }

    public PolicyGroup withMember(String address) {
        Set<String> changed = new TreeSet<>(members);
        changed.add(canonicalMember(address));
        return new PolicyGroup(name, priority, Set.copyOf(changed));
    }

    public PolicyGroup withoutMember(String address) {
        Set<String> changed = new TreeSet<>(members);
        changed.remove(canonicalMember(address));
        return new PolicyGroup(name, priority, Set.copyOf(changed));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PolicyGroup)) {
            return false;
        }
        PolicyGroup other = (PolicyGroup) o;
        return name.equals(other.name) && priority == other.priority && members.equals(other.members);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, priority, members);
    }

    @Override
    public String toString() {
        return "PolicyGroup{" + name + ", priority=" + priority + ", members=" + sortedMembers() + "}";
    }
}
