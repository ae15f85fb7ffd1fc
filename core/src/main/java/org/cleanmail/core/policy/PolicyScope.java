package org.cleanmail.core.policy;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import org.cleanmail.core.blacklist.MailNames;

/**
 * Where a policy applies: the global scope, a domain, a group or a user. Names are held
 * in canonical form (lower-cased; domains in ASCII), so {@code DOMAIN Example.COM} and
 * {@code DOMAIN example.com} are the same scope. Factories reject bad names with an
 * {@link InvalidPolicyException}.
 */
public final class PolicyScope implements Comparable<PolicyScope> {
    /** Group names: a letter or digit, then letters, digits, dots, dashes or underscores; at most 64. */
    public static final Pattern GROUP_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private static final PolicyScope GLOBAL = new PolicyScope(ScopeType.GLOBAL, "");

    private final ScopeType type;
    private final String name;

    private PolicyScope(ScopeType type, String name) {
        this.type = type;
        this.name = name;
    }

    public static PolicyScope global() {
        return GLOBAL;
    }

    public static PolicyScope domain(String domain) {
        String canonical = MailNames.domain(domain).orElseThrow(() -> new InvalidPolicyException("domain",
            "'domain' must be a domain name, e.g. sales.example.com; got '" + domain + "'"));
        return new PolicyScope(ScopeType.DOMAIN, canonical);
    }

    public static PolicyScope group(String group) {
        return new PolicyScope(ScopeType.GROUP, canonicalGroupName(group));
    }

    public static PolicyScope user(String address) {
        String canonical = MailNames.address(address).orElseThrow(() -> new InvalidPolicyException("user",
            "'user' must be a mail address, e.g. alice@sales.example.com; got '" + address + "'"));
        return new PolicyScope(ScopeType.USER, canonical);
    }

    /** The scope of that type and name; the name is ignored for {@code GLOBAL}. */
    public static PolicyScope of(ScopeType type, String name) {
        switch (type) {
            case GLOBAL:
                return GLOBAL;
            case DOMAIN:
                return domain(name);
            case GROUP:
                return group(name);
            default:
                return user(name);
        }
    }

    /** A group name lower-cased, or an {@link InvalidPolicyException} naming the rule. */
    public static String canonicalGroupName(String group) {
        String canonical = group == null ? "" : group.trim().toLowerCase(Locale.ROOT);
        if (!GROUP_NAME.matcher(canonical).matches()) {
            throw new InvalidPolicyException("group", "'group' must be 1 to 64 letters, digits, '.', '-' or '_',"
                + " starting with a letter or digit, e.g. sales-team; got '" + group + "'");
        }
        return canonical;
    }

    public ScopeType type() {
        return type;
    }

    /** The domain, group name or address; empty for the global scope. */
    public String name() {
        return name;
    }

    @Override
    public int compareTo(PolicyScope other) {
        int byType = type.compareTo(other.type);
        return byType != 0 ? byType : name.compareTo(other.name);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PolicyScope)) {
            return false;
        }
        PolicyScope other = (PolicyScope) o;
        return type == other.type && name.equals(other.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, name);
    }

    @Override
    public String toString() {
        return type == ScopeType.GLOBAL ? "global" : type.name().toLowerCase(Locale.ROOT) + " " + name;
    }
}
