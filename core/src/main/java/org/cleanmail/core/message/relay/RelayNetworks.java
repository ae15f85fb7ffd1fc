package org.cleanmail.core.message.relay;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the trust boundary lies, from SpamAssassin's directives in the rule files:
 * {@code trusted_networks}, {@code internal_networks}, {@code msa_networks} (each additive,
 * reset by its {@code clear_} directive), {@code originating_ip_headers},
 * {@code envelope_sender_header}. As in SpamAssassin, 127/8 and ::1 are always trusted
 * and internal; when only one of trusted/internal is configured the other takes its
 * value; when neither is, trust is inferred per relay (see {@link RelayPath}). Immutable;
 * build with {@link #builder()} or {@link #defaults()}.
 */
public final class RelayNetworks {
    /** The directives this class reads. */
    public static final List<String> DIRECTIVES = List.of("trusted_networks", "clear_trusted_networks",
        "internal_networks", "clear_internal_networks", "msa_networks", "clear_msa_networks",
        "originating_ip_headers", "clear_originating_ip_headers", "envelope_sender_header");

    private static final RelayNetworks DEFAULTS = builder().build();

    private final NetworkList trusted;
    private final NetworkList internal;
    private final NetworkList msa;
    private final boolean trustedConfigured;
    private final boolean internalConfigured;
    private final List<String> originatingIpHeaders;
    private final String envelopeSenderHeader;

    private RelayNetworks(Builder builder) {
        this.trusted = builder.trusted;
        this.internal = builder.internal;
        this.msa = builder.msa;
        this.trustedConfigured = builder.trustedConfigured;
        this.internalConfigured = builder.internalConfigured;
        this.originatingIpHeaders = List.copyOf(builder.originatingIpHeaders);
        this.envelopeSenderHeader = builder.envelopeSenderHeader;
    }

    /** Nothing configured: trust inferred, no originating-IP headers. */
    public static RelayNetworks defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether trusted_networks or internal_networks was configured (else trust is inferred). */
    public boolean configured() {
        return trustedConfigured || internalConfigured;
    }

    /** The trusted networks in effect (internal_networks when only those were configured). */
    public NetworkList trusted() {
        return !trustedConfigured && internalConfigured ? internal : trusted;
    }

    /** The internal networks in effect (trusted_networks when only those were configured). */
    public NetworkList internal() {
        return !internalConfigured && trustedConfigured ? trusted : internal;
    }

    public NetworkList msa() {
        return msa;
    }

    public List<String> originatingIpHeaders() {
        return originatingIpHeaders;
    }

    public Optional<String> envelopeSenderHeader() {
        return Optional.ofNullable(envelopeSenderHeader);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RelayNetworks)) {
            return false;
        }
        RelayNetworks other = (RelayNetworks) o;
        return trusted.equals(other.trusted) && internal.equals(other.internal) && msa.equals(other.msa)
            && trustedConfigured == other.trustedConfigured && internalConfigured == other.internalConfigured
            && originatingIpHeaders.equals(other.originatingIpHeaders)
            && Objects.equals(envelopeSenderHeader, other.envelopeSenderHeader);
    }

    @Override
    public int hashCode() {
        return Objects.hash(trusted, internal, msa, trustedConfigured, internalConfigured, originatingIpHeaders,
            envelopeSenderHeader);
    }

    @Override
    public String toString() {
        return "RelayNetworks{trusted=" + (trustedConfigured ? trusted : "inferred") + ", internal="
            + (internalConfigured ? internal : "inferred") + ", msa=" + msa + ", originating=" + originatingIpHeaders + "}";
    }

    /** Applies directives in file order. */
    public static final class Builder {
        private NetworkList trusted = NetworkList.loopback();
        private NetworkList internal = NetworkList.loopback();
        private NetworkList msa = NetworkList.empty();
        private boolean trustedConfigured;
        private boolean internalConfigured;
        private final List<String> originatingIpHeaders = new ArrayList<>();
        private String envelopeSenderHeader;

        private Builder() {
        }

        /**
         * Applies one directive of {@link #DIRECTIVES}; others are ignored.
         * @throws IllegalArgumentException naming the bad entry and showing good ones
         */
        public Builder apply(String directive, String value) {
            switch (directive.toLowerCase(Locale.ROOT)) {
                case "trusted_networks":
                    trusted = trusted.plus(value);
                    trustedConfigured = true;
                    break;
                case "clear_trusted_networks":
                    trusted = NetworkList.loopback();
                    trustedConfigured = false;
                    break;
                case "internal_networks":
                    internal = internal.plus(value);
                    internalConfigured = true;
                    break;
                case "clear_internal_networks":
                    internal = NetworkList.loopback();
                    internalConfigured = false;
                    break;
                case "msa_networks":
                    msa = msa.plus(value);
                    break;
                case "clear_msa_networks":
                    msa = NetworkList.empty();
                    break;
                case "originating_ip_headers":
                    for (String name : value.trim().split("\\s+")) {
                        if (!name.isEmpty() && originatingIpHeaders.stream().noneMatch(name::equalsIgnoreCase)) {
                            originatingIpHeaders.add(name);
                        }
                    }
                    break;
                case "clear_originating_ip_headers":
                    originatingIpHeaders.clear();
                    break;
                case "envelope_sender_header":
                    envelopeSenderHeader = value.trim().isEmpty() ? null : value.trim();
                    break;
                default:
                    break;
            }
            return this;
        }

        public RelayNetworks build() {
            return new RelayNetworks(this);
        }
    }
}
