package org.cleanmail.core.message.relay;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.cleanmail.core.message.HeaderField;
import org.cleanmail.core.message.MailAddress;
import org.cleanmail.core.message.MessageHeaders;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The relays a message went through, split at the trust boundary as SpamAssassin's
 * {@code parse_received_headers} does. The Received fields are read newest first (plus
 * one synthetic relay per {@code originating_ip_headers} field holding an IP); while the
 * path is still trusted, a relay stays trusted when its IP is in trusted_networks or it
 * authenticated, and internal when also in internal_networks; a relay in msa_networks
 * keeps the rest trusted. With neither network configured, trust is inferred: a relay
 * stays trusted (and internal) while its IP is private or it authenticated. Unparseable
 * and skipped fields keep the boundary where it is; a POP/IMAP fetch seen while trusted
 * restarts the trusted, internal and external lists. Immutable.
 */
public final class RelayPath {
    private static final ReceivedLineParser PARSER = new ReceivedLineParser();
    private static final Pattern IP = Pattern.compile(IpAddresses.IP_ADDRESS);

    private final List<Placed> trusted;
    private final List<Placed> untrusted;
    private final List<Placed> internal;
    private final List<Placed> external;
    private final int lastTrustedIndex;
    private final int lastInternalIndex;
    private final int unparseable;
    private final MessageHeaders headers;
    private final RelayNetworks networks;

    private RelayPath(Analysis analysis, MessageHeaders headers, RelayNetworks networks) {
        this.trusted = List.copyOf(analysis.trusted);
        this.untrusted = List.copyOf(analysis.untrusted);
        this.internal = List.copyOf(analysis.internal);
        this.external = List.copyOf(analysis.external);
        this.lastTrustedIndex = analysis.lastTrustedIndex;
        this.lastInternalIndex = analysis.lastInternalIndex;
        this.unparseable = analysis.unparseable;
        this.headers = headers;
        this.networks = networks;
    }

    /**
     * The last paths worked out, by header (held weakly, compared by identity): the header
     * rules and the relay evals of one scan ask for the same path, computed once.
     */
    private static final Cache<MessageHeaders, RelayPath> RECENT = Caffeine.newBuilder()
        .weakKeys()
        .maximumSize(256)
        .build();

    /** Analyses the Received fields of a top-level header; the same header and networks give the same path. */
    public static RelayPath of(MessageHeaders headers, RelayNetworks networks) {
        RelayPath recent = RECENT.getIfPresent(headers);
        if (recent != null && (recent.networks == networks || recent.networks.equals(networks))) {
            return recent;
        }
        RelayPath path = analyse(headers, networks);
        RECENT.put(headers, path);
        return path;
    }

    /** Analyses without looking at or filling the cache (measurements). */
    static RelayPath analyse(MessageHeaders headers, RelayNetworks networks) {
        List<String> lines = new ArrayList<>(headers.values("Received"));
        for (String name : networks.originatingIpHeaders()) {
            List<String> values = headers.values(name);
            if (!values.isEmpty()) {
                Matcher ip = IP.matcher(values.get(values.size() - 1));
                if (ip.find()) {
                    lines.add("from X-Originating-IP: " + ip.group());
                }
            }
        }
        Analysis analysis = new Analysis(networks);
        lines.forEach(analysis::add);
        return new RelayPath(analysis, headers, networks);
    }

    /** {@code X-Spam-Relays-Trusted}: the trusted relays, newest first, in SpamAssassin's text form. */
    public String trustedText() {
        return text(trusted);
    }

    /** {@code X-Spam-Relays-Untrusted}. */
    public String untrustedText() {
        return text(untrusted);
    }

    /** {@code X-Spam-Relays-Internal}. */
    public String internalText() {
        return text(internal);
    }

    /** {@code X-Spam-Relays-External}. */
    public String externalText() {
        return text(external);
    }

    public List<Relay> trusted() {
        return relays(trusted);
    }

    public List<Relay> untrusted() {
        return relays(untrusted);
    }

    public List<Relay> internal() {
        return relays(internal);
    }

    public List<Relay> external() {
        return relays(external);
    }

    /** How many Received fields could not be parsed. */
    public int unparseable() {
        return unparseable;
    }

    /**
     * {@code ALL-TRUSTED}, {@code ALL-INTERNAL}, {@code ALL-UNTRUSTED}, {@code ALL-EXTERNAL}:
     * the header fields added on the trusted (internal) side of the boundary, counting
     * the Received field of the boundary itself, or those below it; as {@code Name: value}
     * lines, {@code raw} with folding kept. Empty when there are none.
     */
    public Optional<String> allHeaders(String pseudoHeader, boolean raw) {
        switch (pseudoHeader) {
            case "ALL-TRUSTED":
                return range(-1, lastTrustedIndex + 1, raw);
            case "ALL-INTERNAL":
                return range(-1, lastInternalIndex + 1, raw);
            case "ALL-UNTRUSTED":
                return range(lastTrustedIndex + 1, -1, raw);
            case "ALL-EXTERNAL":
                return range(lastInternalIndex + 1, -1, raw);
            default:
                throw new IllegalArgumentException("not a relay pseudo-header: " + pseudoHeader);
        }
    }

    /** As SpamAssassin's get_all_hdrs_in_rcvd_index_range; -1 means no bound. */
    private Optional<String> range(int start, int end, boolean raw) {
        StringBuilder text = new StringBuilder();
        int current = -1;
        for (HeaderField field : headers.fields()) {
            if (field.hasName("Received")) {
                current++;
            }
            String line = field.name() + ": " + (raw ? field.folded() : field.decoded()) + "\n";
            if ((start < 0 || start <= current) && (end < 0 || current < end)) {
                text.append(line);
            } else if (end >= 0 && current == end) {
                text.append(line);
                break;
            }
        }
        return text.length() == 0 ? Optional.empty() : Optional.of(text.toString());
    }

    /**
     * {@code EnvelopeFrom}, as SpamAssassin's get_envelope_from: the envelope_sender_header
     * when configured; else the envelope sender recorded by the last untrusted relay (or the
     * first trusted one); else X-Envelope-From, Envelope-Sender or Return-Path when not
     * below a Received field (X-Sender with a fetchmail Received field means unknown).
     */
    public Optional<String> envelopeFrom() {
        if (networks.envelopeSenderHeader().isPresent()) {
            return firstAddress(networks.envelopeSenderHeader().get())
                .filter(sender -> sender.indexOf('@') > 0 || sender.isEmpty());
        }
        Placed lastHop = !untrusted.isEmpty() ? untrusted.get(0)
            : !trusted.isEmpty() ? trusted.get(trusted.size() - 1) : null;
        if (lastHop != null) {
            Optional<String> sender = lastHop.relay.envfrom();
            if (sender.isPresent() && (sender.get().indexOf('@') > 0 || sender.get().isEmpty())) {
                return sender;
            }
        }
        Optional<String> xSender = firstAddress("X-Sender");
        if (xSender.isPresent() && xSender.get().contains("@")
            && headers.values("Received").stream().anyMatch(value -> value.contains("(fetchmail"))) {
            return Optional.empty();
        }
        Optional<String> sender = firstAddress("X-Envelope-From");
        if (sender.isPresent()) {
            return belowReceived("X-Envelope-From") ? Optional.empty() : sender;
        }
        for (String name : List.of("Envelope-Sender", "Return-Path")) {
            sender = firstAddress(name);
            if (sender.isPresent() && !belowReceived(name)) {
                return sender;
            }
        }
        return Optional.empty();
    }

    private Optional<String> firstAddress(String name) {
        for (HeaderField field : headers.fields()) {
            if (field.hasName(name)) {
                return new MessageHeaders(List.of(field)).addresses(field.name()).stream().findFirst()
                    .map(MailAddress::address);
            }
        }
        return Optional.empty();
    }

    /** Whether some field of that name comes after a Received field (SpamAssassin's {@code /^Received:.*?^Name:/sm}). */
    private boolean belowReceived(String name) {
        boolean received = false;
        for (HeaderField field : headers.fields()) {
            if (received && field.hasName(name)) {
                return true;
            }
            received |= field.hasName("Received");
        }
        return false;
    }

    private static String text(List<Placed> relays) {
        return relays.stream().map(Placed::text).collect(Collectors.joining(" "));
    }

    private static List<Relay> relays(List<Placed> placed) {
        return placed.stream().map(p -> p.relay).collect(Collectors.toUnmodifiableList());
    }

    @Override
    public String toString() {
        return "RelayPath{trusted=" + trustedText() + ", untrusted=" + untrustedText() + "}";
    }

    /** A relay with what the analysis found: internal, MSA. */
    private static final class Placed {
        private final Relay relay;
        private final boolean internal;
        private final boolean msa;

        Placed(Relay relay, boolean internal, boolean msa) {
            this.relay = relay;
            this.internal = internal;
            this.msa = msa;
        }

        String text() {
            return relay.asString(internal, msa);
        }
    }

    /** The walk down the Received fields. */
    private static final class Analysis {
        private final RelayNetworks networks;
        private final List<Placed> trusted = new ArrayList<>();
        private final List<Placed> untrusted = new ArrayList<>();
        private final List<Placed> internal = new ArrayList<>();
        private final List<Placed> external = new ArrayList<>();
        private int lastTrustedIndex = -1;
        private int lastInternalIndex = -1;
        private int unparseable;
        private boolean inTrusted = true;
        private boolean inInternal = true;
        private boolean foundMsa;
        private boolean allowFetchMarkers = true;
        private String qmailScannerEnvfrom;

        Analysis(RelayNetworks networks) {
            this.networks = networks;
        }

        void add(String line) {
            String envfromHint = qmailScannerEnvfrom;
            qmailScannerEnvfrom = null;
            ReceivedLineParser.Outcome outcome = PARSER.parse(line);
            if (outcome.popFetcher() && allowFetchMarkers) {
                trusted.clear();
                internal.clear();
                external.clear();
            }
            outcome.qmailScannerEnvfrom().ifPresent(sender -> qmailScannerEnvfrom = sender);
            if (outcome.unparseable()) {
                unparseable++;
            }
            if (outcome.relay().isEmpty()) {
                if (inTrusted) {
                    lastTrustedIndex++;
                }
                if (inInternal) {
                    lastInternalIndex++;
                }
                return;
            }
            Relay relay = outcome.relay().get();
            if (envfromHint != null) {
                relay = relay.withEnvfrom(envfromHint);
            }
            boolean msa = false;
            if (inTrusted && !foundMsa) {
                boolean authenticated = !relay.auth().isEmpty();
                if (!networks.configured()) {
                    if (!relay.privateIp() && !authenticated) {
                        inTrusted = false;
                        inInternal = false;
                    }
                } else if (!authenticated && !networks.trusted().contains(relay.ip())) {
                    inTrusted = false;
                    inInternal = false;
                } else {
                    if (inInternal && !authenticated && !networks.internal().contains(relay.ip())) {
                        inInternal = false;
                    }
                    if (networks.msa().contains(relay.ip())) {
                        foundMsa = true;
                        msa = true;
                    }
                }
            }
            Placed placed = new Placed(relay, inInternal, msa);
            if (inTrusted) {
                trusted.add(placed);
                allowFetchMarkers = true;
                lastTrustedIndex++;
            } else {
                untrusted.add(placed);
                allowFetchMarkers = false;
            }
            if (inInternal) {
                internal.add(placed);
                lastInternalIndex++;
            } else {
                external.add(placed);
            }
        }
    }
}
