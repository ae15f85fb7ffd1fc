package org.cleanmail.core.scoring.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The free-mail providers of SpamAssassin's FreeMail plugin, read from the values of
 * {@code freemail_domains} directives (names, or wildcards where {@code *} stands for any
 * characters but a dot and {@code ?} for one) and {@code freemail_welcomelist} directives
 * (addresses or domains never counted as free mail). Immutable.
 */
public final class FreemailDomains {
    private static final Pattern VALID_DOMAIN = Pattern.compile("[a-zA-Z0-9.*?-]+");
    private static final Pattern VALID_WELCOME = Pattern.compile(".*\\w[.@]\\w.*");
    /** Role and robot addresses SpamAssassin never counts as free mail. */
    private static final Pattern ROLE_ADDRESS = Pattern.compile("^(?:abuse|support|sales|info|helpdesk|contact"
        + "|kontakt|(?:post|host|domain)master|undisclosed.*|request-[a-f0-9]{16}|bounced?-"
        + "|[a-f0-9]{8}(?:\\.[a-f0-9]{8}|-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})|.+=.+=.+)@",
        Pattern.CASE_INSENSITIVE);
    private static final FreemailDomains NONE = new FreemailDomains(List.of(), List.of());

    private final Set<String> domains;
    private final Optional<Pattern> wildcards;
    private final Set<String> welcome;

    private FreemailDomains(List<String> domainValues, List<String> welcomeValues) {
        Set<String> names = new HashSet<>();
        List<String> patterns = new ArrayList<>();
        for (String value : domainValues) {
            for (String token : value.trim().split("\\s+")) {
                if (token.isEmpty() || !VALID_DOMAIN.matcher(token).matches()) {
                    continue;
                }
                String domain = token.toLowerCase(Locale.ROOT);
                if (domain.indexOf('*') >= 0 || domain.indexOf('?') >= 0) {
                    patterns.add(domain.replace(".", "\\.").replace("?", ".").replace("*", "[^.]*"));
                } else {
                    names.add(domain);
                }
            }
        }
        Set<String> welcomed = new HashSet<>();
        for (String value : welcomeValues) {
            for (String token : value.trim().split("\\s+")) {
                if (VALID_WELCOME.matcher(token).matches()) {
                    welcomed.add(token.toLowerCase(Locale.ROOT));
                }
            }
        }
        this.domains = Set.copyOf(names);
        this.wildcards = patterns.isEmpty() ? Optional.empty()
            : Optional.of(Pattern.compile("@(?:" + String.join("|", patterns) + ")$"));
        this.welcome = Set.copyOf(welcomed);
    }

    /**
     * @param domainValues values of the {@code freemail_domains} directives, each a list of names
     * @param welcomeValues values of the {@code freemail_welcomelist} (or {@code freemail_whitelist}) directives
     */
    public static FreemailDomains of(List<String> domainValues, List<String> welcomeValues) {
        return new FreemailDomains(domainValues, welcomeValues);
    }

    /** No provider: every FreeMail test answers false, as SpamAssassin's does without domains. */
    public static FreemailDomains none() {
        return NONE;
    }

    public boolean isEmpty() {
        return domains.isEmpty() && wildcards.isEmpty();
    }

    /** Whether the address (any case) is at a free-mail provider and not welcomed. */
    public boolean isFreemail(String address) {
        if (address == null || address.isEmpty()) {
            return false;
        }
        String email = address.toLowerCase(Locale.ROOT);
        String domain = email.substring(email.lastIndexOf('@') + 1);
        if (welcome.contains(email) || welcome.contains(domain) || ROLE_ADDRESS.matcher(email).find()) {
            return false;
        }
        return domains.contains(domain) || wildcards.map(p -> p.matcher(email).find()).orElse(false);
    }

    @Override
    public String toString() {
        return "FreemailDomains{" + domains.size() + " domains, wildcards=" + wildcards.isPresent()
            + ", welcomed=" + welcome.size() + "}";
    }
}
