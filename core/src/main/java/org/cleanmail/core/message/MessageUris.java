package org.cleanmail.core.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The URIs of a message, normalized and deduplicated in order of appearance, with their
 * hosts and registrable domains ({@code www.shop.example.co.uk} gives
 * {@code example.co.uk}) for blacklist lookups.
 */
public final class MessageUris {
    private static final MessageUris NONE = new MessageUris(List.of());

    private final List<String> uris;
    private final List<String> asWritten;
    private final Set<String> hosts;
    private final Set<String> domains;

    public MessageUris(List<String> uris) {
        this(uris, List.of());
    }

    /** @param asWritten URIs as written where they differ from their normalized form (escapes, numeric hosts) */
    public MessageUris(List<String> uris, List<String> asWritten) {
        this.uris = List.copyOf(new LinkedHashSet<>(uris));
        Set<String> written = new LinkedHashSet<>(asWritten);
        written.removeAll(this.uris);
        this.asWritten = List.copyOf(written);
        Set<String> hostSet = new LinkedHashSet<>();
        Set<String> domainSet = new LinkedHashSet<>();
        for (String uri : this.uris) {
            UriNormalization.host(uri).ifPresent(host -> {
                hostSet.add(host);
                domainSet.add(UriNormalization.registrableDomain(host));
            });
        }
        this.hosts = Collections.unmodifiableSet(hostSet);
        this.domains = Collections.unmodifiableSet(domainSet);
    }

    /** The registrable domain of a host name ({@code mx1.mail.example.co.uk} gives {@code example.co.uk}). */
    public static String registrableDomain(String host) {
        return UriNormalization.registrableDomain(host.toLowerCase(java.util.Locale.ROOT));
    }

    public static MessageUris none() {
        return NONE;
    }

    /** Normalized URIs such as {@code http://example.com/path}, {@code mailto:a@example.com}. */
    public List<String> uris() {
        return uris;
    }

    /**
     * What SpamAssassin's {@code uri} rules match: the normalized URIs, then the forms as
     * written that normalizing changed (%-escapes, numeric or obfuscated hosts), as
     * SpamAssassin keeps both.
     */
    public List<String> ruleTexts() {
        if (asWritten.isEmpty()) {
            return uris;
        }
        List<String> texts = new ArrayList<>(uris);
        texts.addAll(asWritten);
        return texts;
    }

    /** Lower-case hosts, in order of first appearance. */
    public Set<String> hosts() {
        return hosts;
    }

    /** Registrable domains of the hosts (IP addresses as they are), in order. */
    public Set<String> domains() {
        return domains;
    }

    public int size() {
        return uris.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageUris && uris.equals(((MessageUris) o).uris)
            && asWritten.equals(((MessageUris) o).asWritten);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uris, asWritten);
    }

    @Override
    public String toString() {
        return "MessageUris" + uris;
    }
}
