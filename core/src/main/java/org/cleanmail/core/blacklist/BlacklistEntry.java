package org.cleanmail.core.blacklist;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One blacklist entry: what it matches (kind and canonical value), why (a free-text
 * reason for administrators, and a public reason code such as {@code CM-BL-IP} that SMTP
 * replies show instead of the reason), who added it and when, and an optional expiry
 * after which it no longer matches.
 *
 * <p>Values are canonical: IP networks with host bits cleared (a {@code cidr} of full
 * length becomes an {@code ip} entry), domains, addresses and HELO names lower-cased.
 * A domain written {@code *.spam.example} is {@code spam.example} with subdomains: it
 * matches the domain and every name under it. Two entries are the same entry when their
 * {@link #key()} is the same; adding one replaces the other.
 */
public final class BlacklistEntry {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    private static final String WILDCARD = "*.";

    private final EntryKind kind;
    private final String value;
    private final IpPrefix prefix;
    private final boolean subdomains;
    private final String reason;
    private final String code;
    private final String addedBy;
    private final Instant added;
    private final Instant expires;

    private BlacklistEntry(Builder builder, EntryKind kind, String value, IpPrefix prefix, boolean subdomains) {
        this.kind = kind;
        this.value = value;
        this.prefix = prefix;
        this.subdomains = subdomains;
        this.reason = builder.reason;
        this.code = builder.code == null ? kind.defaultCode() : builder.code;
        this.addedBy = builder.addedBy;
        this.added = builder.added;
        this.expires = builder.expires;
    }

    /** Starts an entry of {@code kind} for {@code value}, validated by {@link Builder#build()}. */
    public static Builder builder(EntryKind kind, String value) {
        return new Builder(kind, value);
    }

    public EntryKind kind() {
        return kind;
    }

    /** The canonical value: {@code 203.0.113.7}, {@code 198.51.100.0/24}, {@code spam.example}, ... */
    public String value() {
        return value;
    }

    /** The network of an {@code ip} or {@code cidr} entry. */
    public Optional<IpPrefix> prefix() {
        return Optional.ofNullable(prefix);
    }

    /** For domain entries: whether names under the domain match too. */
    public boolean subdomains() {
        return subdomains;
    }

    public String reason() {
        return reason;
    }

    /** The public reason code, safe to show in an SMTP reply. */
    public String code() {
        return code;
    }

    public String addedBy() {
        return addedBy;
    }

    public Instant added() {
        return added;
    }

    public Optional<Instant> expires() {
        return Optional.ofNullable(expires);
    }

    /** Whether the entry matches at {@code instant}: it has no expiry or expires later. */
    public boolean isActiveAt(Instant instant) {
        return expires == null || instant.isBefore(expires);
    }

    /** What identifies the entry in a list: {@code ip 203.0.113.7}, {@code domain spam.example}. */
    public String key() {
        return key(kind, value);
    }

    static String key(EntryKind kind, String canonicalValue) {
        EntryKind family = kind == EntryKind.CIDR ? EntryKind.IP : kind;
        return family.keyword() + " " + canonicalValue;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof BlacklistEntry)) {
            return false;
        }
        BlacklistEntry other = (BlacklistEntry) o;
        return kind == other.kind && value.equals(other.value) && subdomains == other.subdomains
            && reason.equals(other.reason) && code.equals(other.code) && addedBy.equals(other.addedBy)
            && added.equals(other.added) && Objects.equals(expires, other.expires);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, value, subdomains, reason, code, addedBy, added, expires);
    }

    @Override
    public String toString() {
        return kind.keyword() + " " + value + (subdomains ? " subdomains" : "") + " code=" + code
            + " added-by=" + addedBy + " added=" + added + (expires == null ? "" : " expires=" + expires);
    }

    /** Builds an entry; {@link #build()} validates and canonicalizes the value. */
    public static final class Builder {
        private final EntryKind kind;
        private final String value;
        private boolean subdomains;
        private String reason = "";
        private String code;
        private String addedBy = "unknown";
        private Instant added;
        private Instant expires;

        private Builder(EntryKind kind, String value) {
            this.kind = Objects.requireNonNull(kind, "entry kind");
            this.value = Objects.requireNonNull(value, "entry value");
        }

        public Builder subdomains(boolean subdomains) {
            this.subdomains = subdomains;
            return this;
        }

        public Builder reason(String reason) {
            this.reason = Objects.requireNonNull(reason, "reason");
            return this;
        }

        public Builder code(String code) {
            this.code = Objects.requireNonNull(code, "code");
            return this;
        }

        public Builder addedBy(String addedBy) {
            this.addedBy = Objects.requireNonNull(addedBy, "addedBy");
            return this;
        }

        public Builder added(Instant added) {
            this.added = Objects.requireNonNull(added, "added");
            return this;
        }

        public Builder expires(Instant expires) {
            this.expires = expires;
            return this;
        }

        public Builder expires(Optional<Instant> expires) {
            this.expires = expires.orElse(null);
            return this;
        }

        /** The entry; throws {@link IllegalArgumentException} naming what is wrong. */
        public BlacklistEntry build() {
            if (added == null) {
                throw new IllegalArgumentException("'added' is missing, e.g. added=2026-01-01T00:00:00Z");
            }
            if (expires != null && !expires.isAfter(added)) {
                throw new IllegalArgumentException("'expires' must be after 'added' (" + added + "); got " + expires);
            }
            if (code != null && !CODE.matcher(code).matches()) {
                throw new IllegalArgumentException("'code' must be letters, digits, '.', '_' or '-', e.g. CM-BL-IP; got '"
                    + code + "'");
            }
            if (addedBy.isBlank() || addedBy.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("'added-by' must be one word, e.g. added-by=admin; got '" + addedBy + "'");
            }
            switch (kind) {
                case IP:
                case CIDR:
                    return buildNetwork();
                case DOMAIN:
                    return buildDomain();
                case ADDRESS:
                    return new BlacklistEntry(this, kind, canonical(MailNames.address(value), "bad@spam.example"), null, false);
                case HELO:
                    return new BlacklistEntry(this, kind, canonical(MailNames.helo(value), "friend"), null, false);
                default:
                    throw new IllegalStateException("unknown kind " + kind);
            }
        }

        private BlacklistEntry buildNetwork() {
            IpPrefix network = IpPrefix.parse(value);
            if (kind == EntryKind.IP && !network.isHost()) {
                throw new IllegalArgumentException("an ip entry is one address, e.g. 203.0.113.7; use cidr for '"
                    + value + "'");
            }
            EntryKind actual = network.isHost() ? EntryKind.IP : EntryKind.CIDR;
            return new BlacklistEntry(this, actual, network.toString(), network, false);
        }

        private BlacklistEntry buildDomain() {
            boolean wildcard = value.trim().startsWith(WILDCARD);
            String name = wildcard ? value.trim().substring(WILDCARD.length()) : value;
            return new BlacklistEntry(this, kind, canonical(MailNames.domain(name), "spam.example"), null,
                subdomains || wildcard);
        }

        private String canonical(Optional<String> canonical, String example) {
            return canonical.orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not a valid "
                + kind.keyword() + ", e.g. " + example));
        }
    }
}
