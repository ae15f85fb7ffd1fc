package org.cleanmail.core.scoring.eval;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.message.MessageUris;
import org.cleanmail.core.message.relay.Relay;
import org.cleanmail.core.message.relay.RelayNetworks;
import org.cleanmail.core.message.relay.RelayPath;
import org.cleanmail.core.scoring.EvalFunction;

/**
 * SpamAssassin's RelayEval tests that need no DNS, over the message's {@link RelayPath}
 * (split by the rule set's trusted/internal networks): every relay trusted
 * ({@code ALL_TRUSTED}), no relay at all ({@code NO_RELAYS}), an unparseable Received
 * field, the sender's relay, a big-dotcom HELO without rDNS, the envelope sender
 * matching From or the relay's rDNS.
 */
final class RelayEvals {
    private static final Pattern DOTCOM_HELO = Pattern.compile("(?:\\.|^)(lycos\\.com|lycos\\.co\\.uk|hotmail\\.com"
        + "|localhost\\.com|excite\\.com|caramail\\.com|cs\\.com|aol\\.com|msn\\.com|yahoo\\.com|drizzle\\.com)$",
        Pattern.CASE_INSENSITIVE);

    private static final Pattern ADDRESS_DOMAIN = Pattern.compile("@([^@]+\\.[^@]+)\\z");

    private final RelayNetworks networks;

    RelayEvals(RelayNetworks networks) {
        this.networks = Objects.requireNonNull(networks, "relay networks");
    }

    /** The message's relay path; {@link RelayPath#of} remembers it for the header rules of the same scan. */
    private RelayPath path(MessageFeatures features) {
        return RelayPath.of(features.headers(), networks);
    }

    Map<String, EvalFunction> functions() {
        Map<String, EvalFunction> functions = new TreeMap<>();
        functions.put("check_all_trusted", (features, arguments) -> allTrusted(path(features)));
        functions.put("check_no_relays", (features, arguments) -> noRelays(path(features)));
        functions.put("check_relays_unparseable", (features, arguments) -> path(features).unparseable() > 0);
        functions.put("check_for_sender_no_reverse", (features, arguments) -> senderNoReverse(path(features)));
        functions.put("check_for_no_rdns_dotcom_helo", (features, arguments) -> noRdnsDotcomHelo(path(features)));
        functions.put("check_equal_from_domains", (features, arguments) ->
            HeaderEvals.fromDomainsDiffer(features, path(features).envelopeFrom().orElse("")));
        functions.put("check_for_matching_env_and_hdr_from", (features, arguments) -> envelopeMatchesFrom(features));
        functions.put("check_mailfrom_matches_rcvd", (features, arguments) -> mailFromMatchesRelay(path(features)));
        return functions;
    }

    /** EnvelopeFrom and From name the same address (both absent counts as the same, as in SpamAssassin). */
    private boolean envelopeMatchesFrom(MessageFeatures features) {
        String envelope = path(features).envelopeFrom().orElse("");
        String from = features.headers().address("From").orElse("");
        return envelope.equalsIgnoreCase(from);
    }

    /**
     * The envelope sender's domain is the registrable domain of the rDNS of the relay that
     * handed the message over: the first untrusted relay, else any trusted one.
     */
    private static boolean mailFromMatchesRelay(RelayPath path) {
        Matcher domain = ADDRESS_DOMAIN.matcher(path.envelopeFrom().orElse(""));
        if (!domain.find()) {
            return false;
        }
        String senderDomain = MessageUris.registrableDomain(domain.group(1));
        List<Relay> relays = !path.untrusted().isEmpty() ? path.untrusted().subList(0, 1) : path.trusted();
        for (Relay relay : relays) {
            if (!relay.rdns().isEmpty() && MessageUris.registrableDomain(relay.rdns()).equals(senderDomain)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allTrusted(RelayPath path) {
        return !path.trusted().isEmpty() && path.untrusted().isEmpty() && path.unparseable() == 0;
    }

    private static boolean noRelays(RelayPath path) {
        return path.trusted().isEmpty() && path.untrusted().isEmpty() && path.unparseable() == 0;
    }

    /**
     * As SpamAssassin 4.0.1's code (not its comment): the oldest untrusted relay has a public
     * IP and a dotted rDNS.
     */
    private static boolean senderNoReverse(RelayPath path) {
        List<Relay> untrusted = path.untrusted();
        if (untrusted.isEmpty()) {
            return false;
        }
        Relay sender = untrusted.get(untrusted.size() - 1);
        return sender.rdns().indexOf('.') >= 0 && !sender.privateIp();
    }

    /** As SpamAssassin: the last public untrusted relay decides (its loop resets the flag per relay). */
    private static boolean noRdnsDotcomHelo(RelayPath path) {
        boolean found = false;
        for (Relay relay : path.untrusted()) {
            if (!relay.privateIp()) {
                found = DOTCOM_HELO.matcher(relay.helo()).find() && relay.noReverseDns();
            }
        }
        return found;
    }
}
