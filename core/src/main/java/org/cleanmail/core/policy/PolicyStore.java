package org.cleanmail.core.policy;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Where policies and groups are kept. Implementations are thread-safe, and a change is
 * seen by the very next read (so by the next {@link PolicyResolver#resolve}). Names are
 * compared in canonical form (see {@link PolicyScope}).
 *
 * <p>A group's policy is stored under {@link PolicyScope#group(String)} once the group
 * exists ({@link #putGroup}); deleting the group deletes its policy.
 */
public interface PolicyStore {
    /** The policy stored for that scope. */
    Optional<Policy> get(PolicyScope scope);

    /**
     * Stores (or replaces) the policy of a scope.
     *
     * @throws NoSuchElementException for a group scope whose group does not exist
     */
    void put(PolicyScope scope, Policy policy);

    /** Removes the policy of a scope; returns whether there was one. */
    boolean delete(PolicyScope scope);

    /** The stored policies of every scope of that type, sorted by scope name. */
    Map<PolicyScope, Policy> list(ScopeType type);

    /** Creates a group or replaces its priority and members, keeping its policy. */
    void putGroup(PolicyGroup group);

    /** The group of that name (any case). */
    Optional<PolicyGroup> group(String name);

    /** Every group, in {@link PolicyGroup#PRECEDENCE} order. */
    List<PolicyGroup> groups();

    /** Deletes a group and its policy; returns whether it existed. */
    boolean deleteGroup(String name);

    /**
     * Adds a member to a group; returns whether the group changed.
     *
     * @throws NoSuchElementException when the group does not exist
     * @throws InvalidPolicyException when the address is not one
     */
    boolean addMember(String group, String address);

    /**
     * Removes a member from a group; returns whether the group changed.
     *
     * @throws NoSuchElementException when the group does not exist
     */
    boolean removeMember(String group, String address);

    /** The groups a canonical address belongs to, in {@link PolicyGroup#PRECEDENCE} order. */
    List<PolicyGroup> groupsOf(String canonicalAddress);
}
