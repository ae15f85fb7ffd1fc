package org.cleanmail.core.scoring.eval;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.cleanmail.core.message.relay.Relay;
import org.cleanmail.core.message.relay.RelayNetworks;
import org.cleanmail.core.message.relay.RelayPath;
import org.cleanmail.core.scoring.EvalFunction;

/**
 * SpamAssassin's RelayEval tests that need no DNS, over the message's {@link RelayPath}
 * (split by the rule set's trusted/internal networks): every relay trusted
 * ({@code ALL_TRUSTED}), no relay at all ({@code NO_RELAYS}), an unparseable Received
 * field, the sender's relay, a big-dotcom HELO without rDNS.
 */
final class RelayEvals {
    private static final Pattern DOTCOM_HELO = Pattern.compile("(?:\\.|^)(lycos\\.com|lycos\\.co\\.uk|hotmail\\.com"
        + "|localhost\\.com|excite\\.com|caramail\\.com|cs\\.com|aol\\.com|msn\\.com|yahoo\\.com|drizzle\\.com)$",
        Pattern.CASE_INSENSITIVE);

    private final PerMessageCache<RelayPath> paths;

    RelayEvals(RelayNetworks networks) {
        Objects.requireNonNull(networks, "relay networks");
        this.paths = new PerMessageCache<>(features -> RelayPath.of(features.headers(), networks));
    }

    Map<String, EvalFunction> functions() {
        Map<String, EvalFunction> functions = new TreeMap<>();
        functions.put("check_all_trusted", (features, arguments) -> allTrusted(paths.get(features)));
        functions.put("check_no_relays", (features, arguments) -> noRelays(paths.get(features)));
        functions.put("check_relays_unparseable", (features, arguments) -> paths.get(features).unparseable() > 0);
        functions.put("check_for_sender_no_reverse", (features, arguments) -> senderNoReverse(paths.get(features)));
        functions.put("check_for_no_rdns_dotcom_helo", (features, arguments) -> noRdnsDotcomHelo(paths.get(features)));
        return functions;
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
