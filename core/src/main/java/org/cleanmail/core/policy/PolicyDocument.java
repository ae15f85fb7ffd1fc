package org.cleanmail.core.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every policy and group of an installation, as one immutable value: what the policy file
 * holds (see {@link PolicyFileFormat}) and what {@link EmbeddedPolicyStore} swaps on each
 * change. The {@code with...} methods return changed copies.
 */
public final class PolicyDocument {
    private static final PolicyDocument EMPTY = new PolicyDocument(new TreeMap<>(), new TreeMap<>());

    private final SortedMap<PolicyScope, Policy> policies;
    private final SortedMap<String, PolicyGroup> groups;

    private PolicyDocument(SortedMap<PolicyScope, Policy> policies, SortedMap<String, PolicyGroup> groups) {
        this.policies = Collections.unmodifiableSortedMap(policies);
        this.groups = Collections.unmodifiableSortedMap(groups);
    }

    public static PolicyDocument empty() {
        return EMPTY;
    }

    /** Every stored policy, sorted by scope type then name. */
    public SortedMap<PolicyScope, Policy> policies() {
        return policies;
    }

    /** Every group by name. */
    public SortedMap<String, PolicyGroup> groups() {
        return groups;
    }

    public Optional<Policy> policy(PolicyScope scope) {
        return Optional.ofNullable(policies.get(scope));
    }

    /** The policies of one scope type, sorted by name. */
    public SortedMap<PolicyScope, Policy> policies(ScopeType type) {
        SortedMap<PolicyScope, Policy> selected = new TreeMap<>();
        policies.forEach((scope, policy) -> {
            if (scope.type() == type) {
                selected.put(scope, policy);
            }
        });
        return Collections.unmodifiableSortedMap(selected);
    }

    /** The groups that hold {@code canonicalAddress}, in {@link PolicyGroup#PRECEDENCE} order. */
    public List<PolicyGroup> groupsOf(String canonicalAddress) {
        List<PolicyGroup> found = new ArrayList<>();
        for (PolicyGroup group : groups.values()) {
            if (group.hasMember(canonicalAddress)) {
                found.add(group);
            }
        }
        found.sort(PolicyGroup.PRECEDENCE);
        return List.copyOf(found);
    }

    /**
     * With that policy stored (an empty policy is stored too: it shows the scope exists).
     *
     * @throws NoSuchElementException for a group scope whose group does not exist
     */
    public PolicyDocument withPolicy(PolicyScope scope, Policy policy) {
        if (scope.type() == ScopeType.GROUP && !groups.containsKey(scope.name())) {
            throw new NoSuchElementException("group '" + scope.name() + "' does not exist; create it first");
        }
        SortedMap<PolicyScope, Policy> changed = new TreeMap<>(policies);
        changed.put(scope, policy);
        return new PolicyDocument(changed, new TreeMap<>(groups));
    }

    public PolicyDocument withoutPolicy(PolicyScope scope) {
        SortedMap<PolicyScope, Policy> changed = new TreeMap<>(policies);
        changed.remove(scope);
        return new PolicyDocument(changed, new TreeMap<>(groups));
    }

    public PolicyDocument withGroup(PolicyGroup group) {
        SortedMap<String, PolicyGroup> changed = new TreeMap<>(groups);
        changed.put(group.name(), group);
        return new PolicyDocument(new TreeMap<>(policies), changed);
    }

    /** Without the group and its policy. */
    public PolicyDocument withoutGroup(String canonicalName) {
        SortedMap<String, PolicyGroup> changed = new TreeMap<>(groups);
        changed.remove(canonicalName);
        SortedMap<PolicyScope, Policy> changedPolicies = new TreeMap<>(policies);
        changedPolicies.remove(PolicyScope.group(canonicalName));
        return new PolicyDocument(changedPolicies, changed);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PolicyDocument)) {
            return false;
        }
        PolicyDocument other = (PolicyDocument) o;
        return policies.equals(other.policies) && groups.equals(other.groups);
    }

    @Override
    public int hashCode() {
        return policies.hashCode() * 31 + groups.hashCode();
    }

    @Override
    public String toString() {
        return "PolicyDocument{policies=" + policies + ", groups=" + groups.values() + "}";
    }

    /** Builds a document from pieces, e.g. while reading a file. */
    static PolicyDocument of(Map<PolicyScope, Policy> policies, Map<String, PolicyGroup> groups) {
        return new PolicyDocument(new TreeMap<>(policies), new TreeMap<>(groups));
    }
}
