package org.cleanmail.core.message.relay;

import java.util.Objects;
import java.util.Optional;

/**
 * One handover parsed from a Received header field, with the fields SpamAssassin records:
 * the connecting IP, its reverse DNS as the receiving MTA wrote it, the HELO name, the
 * receiving host ({@code by}), ident, envelope sender, MTA id and the authentication
 * method; {@link #asString(boolean, boolean)} is SpamAssassin's
 * {@code [ ip=... rdns=... helo=... by=... ident=... envfrom=... intl=0 id=... auth= msa=0 ]}.
 * Immutable.
 */
public final class Relay {
    private final String ip;
    private final String rdns;
    private final String helo;
    private final String by;
    private final String ident;
    private final String envfrom;
    private final String id;
    private final String auth;
    private final boolean privateIp;
    private final boolean noReverseDns;

    Relay(String ip, String rdns, String helo, String by, String ident, String envfrom, String id, String auth) {
        this(ip, rdns, helo, by, ident, envfrom, id, auth, false);
    }

    Relay(String ip, String rdns, String helo, String by, String ident, String envfrom, String id, String auth,
          boolean noReverseDns) {
        this.ip = Objects.requireNonNull(ip);
        this.rdns = Objects.requireNonNull(rdns);
        this.helo = Objects.requireNonNull(helo);
        this.by = Objects.requireNonNull(by);
        this.ident = Objects.requireNonNull(ident);
        this.envfrom = envfrom;
        this.id = Objects.requireNonNull(id);
        this.auth = Objects.requireNonNull(auth);
        this.privateIp = IpAddresses.isPrivate(ip);
        this.noReverseDns = noReverseDns;
    }

    /** The same relay with another envelope sender (qmail-scanner's hint from the next header). */
    Relay withEnvfrom(String sender) {
        return new Relay(ip, rdns, helo, by, ident, sender, id, auth, noReverseDns);
    }

    public String ip() {
        return ip;
    }

    public String rdns() {
        return rdns;
    }

    public String helo() {
        return helo;
    }

    public String by() {
        return by;
    }

    public String ident() {
        return ident;
    }

    /** The envelope sender the Received field names, when it names one. */
    public Optional<String> envfrom() {
        return Optional.ofNullable(envfrom);
    }

    public String id() {
        return id;
    }

    /** The authentication method seen (e.g. {@code ESMTPA}, {@code Sendmail}), or "". */
    public String auth() {
        return auth;
    }

    /** Whether the IP is private, loopback, link-local or shared (SpamAssassin's IP_PRIVATE). */
    public boolean privateIp() {
        return privateIp;
    }

    /** Whether the receiving MTA looked the IP up and found no reverse DNS (not merely left it out). */
    public boolean noReverseDns() {
        return noReverseDns;
    }

    /** SpamAssassin's text form of the relay. */
    public String asString(boolean internal, boolean msa) {
        return "[ ip=" + ip + " rdns=" + rdns + " helo=" + helo + " by=" + by + " ident=" + ident
            + " envfrom=" + (envfrom == null ? "" : envfrom) + " intl=" + (internal ? 1 : 0) + " id=" + id
            + " auth=" + auth + " msa=" + (msa ? 1 : 0) + " ]";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Relay)) {
            return false;
        }
        Relay other = (Relay) o;
        return ip.equals(other.ip) && rdns.equals(other.rdns) && helo.equals(other.helo) && by.equals(other.by)
            && ident.equals(other.ident) && Objects.equals(envfrom, other.envfrom) && id.equals(other.id)
            && auth.equals(other.auth);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ip, rdns, helo, by, ident, envfrom, id, auth);
    }

    @Override
    public String toString() {
        return asString(false, false);
    }
}
