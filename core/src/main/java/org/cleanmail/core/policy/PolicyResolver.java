package org.cleanmail.core.policy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.cleanmail.core.blacklist.MailNames;

/**
 * Computes a recipient's {@link EffectivePolicy} from a {@link PolicyStore}: field by
 * field, the most specific scope that sets the field wins, in this order:
 * the user, then the user's groups in {@link PolicyGroup#PRECEDENCE} order, then the
 * recipient's domain, then the global policy, then {@link Policy#builtInDefaults()}.
 *
 * <p>Reads the store on every call, so changes apply to the next message. A recipient
 * that is not a mail address gets the global policy over the built-in defaults, never
 * an exception. Thread-safe.
 */
public final class PolicyResolver {
    private final PolicyStore store;

    public PolicyResolver(PolicyStore store) {
        this.store = Objects.requireNonNull(store, "policy store");
    }

    /** The effective policy of {@code recipient} (any case, with or without angle brackets). */
    public EffectivePolicy resolve(String recipient) {
        Optional<String> address = MailNames.address(recipient);
        List<PolicyScope> scopes = new ArrayList<>();
        if (address.isPresent()) {
            scopes.add(PolicyScope.user(address.get()));
            for (PolicyGroup group : store.groupsOf(address.get())) {
                scopes.add(PolicyScope.group(group.name()));
            }
            MailNames.domainOfAddress(address.get()).ifPresent(domain -> scopes.add(PolicyScope.domain(domain)));
        }
        scopes.add(PolicyScope.global());

        EnumMap<PolicyField, Object> values = new EnumMap<>(PolicyField.class);
        EnumMap<PolicyField, PolicySource> sources = new EnumMap<>(PolicyField.class);
        for (PolicyScope scope : scopes) {
            store.get(scope).ifPresent(policy -> fillUnset(values, sources, policy, PolicySource.of(scope)));
        }
        fillUnset(values, sources, Policy.builtInDefaults(), PolicySource.builtIn());
        return new EffectivePolicy(address.orElse(String.valueOf(recipient)), values, sources);
    }

    private static void fillUnset(EnumMap<PolicyField, Object> values, EnumMap<PolicyField, PolicySource> sources,
                                  Policy policy, PolicySource source) {
        policy.values().forEach((field, value) -> {
            if (!values.containsKey(field)) {
                values.put(field, value);
                sources.put(field, source);
            }
        });
    }
}
