package org.cleanmail.core.sender;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.cleanmail.core.blacklist.IpPrefix;
import org.cleanmail.core.blacklist.IpPrefixTrie;
import org.cleanmail.core.scan.RuleHit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches how SMTP clients behave and answers at each stage whether to go on. Thread-safe;
 * state lives in a {@link SenderStateStore}.
 * <ul>
 * <li>{@link #onConnect(InetAddress)}: refuses a blocked client or network, more than
 *   {@code maxConcurrentConnections} open connections, or more than
 *   {@code maxConnectionsPerWindow} connections in {@code connectionWindow} (421).
 *   Call {@link #onDisconnect(InetAddress)} exactly once for every {@code onConnect},
 *   whether it was allowed or refused.</li>
 * <li>{@link #onRcpt(InetAddress, boolean, String, boolean)}: counts unknown recipients per
 *   client and per network in {@code harvestWindow}; past {@code maxUnknownRecipients}
 *   (or {@code maxUnknownRecipientsPerNetwork} for the network) the client (or network)
 *   is flagged for {@code blockDuration}: that RCPT and every later one is refused, known
 *   recipients included (so a harvester learns nothing), and new connections are refused.
 *   Unknown recipients below the threshold are ALLOWed here: refusing them is the
 *   recipient validation's job.</li>
 * <li>{@link #onMessage(InetAddress, boolean, int)}: counts messages and their recipients
 *   in {@code messageWindow}; over either limit the message is refused (451).</li>
 * </ul>
 * Blocked clients get 554 at connect and 550 at RCPT, or 421 and 450 when
 * {@code permanentBlock} is false. Clients in {@code trustedNetworks} and authenticated
 * sessions are exempt from everything. Reputation ({@link #recordScan(InetAddress, boolean)},
 * {@link #reputationHits(InetAddress)}) decays with {@code reputationHalfLife}; see
 * {@link ReputationScorer} for the formula.
 */
public final class SenderBehaviourAnalyzer {
    public static final String CODE_CONNECTION_RATE = "CM-RATE-CONN";
    public static final String CODE_CONCURRENCY = "CM-CONCURRENCY";
    public static final String CODE_MESSAGE_RATE = "CM-RATE-MSG";
    public static final String CODE_RECIPIENT_RATE = "CM-RATE-RCPT";
    public static final String CODE_HARVEST = "CM-HARVEST";
    public static final String CODE_HARVEST_NETWORK = "CM-HARVEST-NET";
    public static final String CODE_BLOCKED = "CM-BLOCKED";

    private static final int MAX_SHOWN_INPUT = 100;
    private static final Logger LOGGER = LoggerFactory.getLogger(SenderBehaviourAnalyzer.class);

    private final SenderBehaviourConfig config;
    private final SenderStateStore store;
    private final Clock clock;
    private final IpPrefixTrie<IpPrefix> trustedNetworks;
    private final ReputationScorer scorer;

    public SenderBehaviourAnalyzer(SenderBehaviourConfig config, SenderStateStore store, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        IpPrefixTrie<IpPrefix> trusted = IpPrefixTrie.empty();
        for (IpPrefix network : config.trustedNetworks()) {
            trusted = trusted.with(network, network);
        }
        this.trustedNetworks = trusted;
        this.scorer = ReputationScorer.from(config);
    }

    /** Whether the client is in a trusted network, hence exempt. */
    public boolean isTrusted(InetAddress client) {
        return client == null || trustedNetworks.longestMatch(client).isPresent();
    }

    /** A client opens a connection. */
    public BehaviourVerdict onConnect(InetAddress client) {
        if (isTrusted(client)) {
            return BehaviourVerdict.allow();
        }
        Instant now = clock.instant();
        ClientKeys keys = keysOf(client);
        int open = store.openConnection(keys.client);
        long recent = store.addToWindow(BehaviourCounter.CONNECTIONS, keys.client, config.connectionWindow(), 1, now);
        Optional<SenderFlag> flag = activeFlag(keys, now);
        if (flag.isPresent()) {
            return config.permanentBlock()
                ? BehaviourVerdict.refuse(554, "5.7.1", flag.get().reasonCode(), "Service refused to your address")
                : BehaviourVerdict.refuse(421, "4.7.1", flag.get().reasonCode(), "Service refused to your address for now");
        }
        if (open > config.maxConcurrentConnections()) {
            return BehaviourVerdict.refuse(421, "4.7.0", CODE_CONCURRENCY, "Too many connections at once, try again later");
        }
        if (recent > config.maxConnectionsPerWindow()) {
            return BehaviourVerdict.refuse(421, "4.7.0", CODE_CONNECTION_RATE, "Too many connections, try again later");
        }
        return BehaviourVerdict.allow();
    }

    /** A client asks for a recipient that recipient validation found {@code known} or not. */
    public BehaviourVerdict onRcpt(InetAddress client, boolean authenticated, String recipient, boolean known) {
        if (authenticated || isTrusted(client)) {
            return BehaviourVerdict.allow();
        }
        Instant now = clock.instant();
        ClientKeys keys = keysOf(client);
        Optional<SenderFlag> flag = activeFlag(keys, now);
        if (flag.isPresent()) {
            return refuseRcpt(flag.get());
        }
        if (known) {
            return BehaviourVerdict.allow();
        }
        String key = keys.client;
        store.updateReputation(key, now, record -> record.plus(ReputationEvent.RECIPIENT_REFUSED, now,
            config.reputationHalfLife()));
        long byClient = store.addToWindow(BehaviourCounter.UNKNOWN_RECIPIENTS_BY_CLIENT, key, config.harvestWindow(), 1,
            now);
        if (byClient > config.maxUnknownRecipients()) {
            return refuseRcpt(flag(key, FlagScope.CLIENT, CODE_HARVEST, byClient + " unknown recipients in "
                + config.harvestWindow() + ", last " + printable(recipient), config.blockDuration(), now));
        }
        if (config.maxUnknownRecipientsPerNetwork() > 0) {
            String network = keys.network;
            long byNetwork = store.addToWindow(BehaviourCounter.UNKNOWN_RECIPIENTS_BY_NETWORK, network,
                config.harvestWindow(), 1, now);
            if (byNetwork > config.maxUnknownRecipientsPerNetwork()) {
                return refuseRcpt(flag(network, FlagScope.NETWORK, CODE_HARVEST_NETWORK, byNetwork
                    + " unknown recipients in " + config.harvestWindow() + ", last " + printable(recipient) + " from " + key,
                    config.blockDuration(), now));
            }
        }
        return BehaviourVerdict.allow();
    }

    /** A client has sent a message with {@code recipients} accepted recipients. */
    public BehaviourVerdict onMessage(InetAddress client, boolean authenticated, int recipients) {
        if (authenticated || isTrusted(client)) {
            return BehaviourVerdict.allow();
        }
        Instant now = clock.instant();
        String key = clientKey(client);
        long messages = store.addToWindow(BehaviourCounter.MESSAGES, key, config.messageWindow(), 1, now);
        long recipientTotal = store.addToWindow(BehaviourCounter.RECIPIENTS, key, config.messageWindow(),
            Math.max(0, recipients), now);
        if (messages > config.maxMessagesPerWindow()) {
            return BehaviourVerdict.refuse(451, "4.7.1", CODE_MESSAGE_RATE, "Too many messages, try again later");
        }
        if (recipientTotal > config.maxRecipientsPerWindow()) {
            return BehaviourVerdict.refuse(451, "4.7.1", CODE_RECIPIENT_RATE, "Too many recipients, try again later");
        }
        store.updateReputation(key, now, record -> record.plus(ReputationEvent.MESSAGE_ACCEPTED, now,
            config.reputationHalfLife()));
        return BehaviourVerdict.allow();
    }

    /** A client's connection ends, whatever {@link #onConnect(InetAddress)} answered. */
    public void onDisconnect(InetAddress client) {
        if (!isTrusted(client)) {
            store.closeConnection(clientKey(client));
        }
    }

    /** How many connections the client has open. */
    public int openConnections(InetAddress client) {
        return client == null ? 0 : store.openConnections(clientKey(client));
    }

    /** A message from the client was scored spam or ham. */
    public void recordScan(InetAddress client, boolean spam) {
        if (isTrusted(client)) {
            return;
        }
        Instant now = clock.instant();
        ReputationEvent event = spam ? ReputationEvent.SCORED_SPAM : ReputationEvent.SCORED_HAM;
        store.updateReputation(clientKey(client), now, record -> record.plus(event, now, config.reputationHalfLife()));
    }

    /** The client's reputation counts, decayed to now. */
    public ReputationRecord reputation(InetAddress client) {
        Instant now = clock.instant();
        if (client == null) {
            return ReputationRecord.empty(now);
        }
        return store.reputation(clientKey(client))
            .map(record -> record.decayedTo(now, config.reputationHalfLife()))
            .orElse(ReputationRecord.empty(now));
    }

    /** {@code SENDER_BAD_REPUTATION} or {@code SENDER_GOOD_REPUTATION} for the client, or nothing. */
    public List<RuleHit> reputationHits(InetAddress client) {
        if (isTrusted(client)) {
            return List.of();
        }
        return scorer.score(reputation(client)).map(List::of).orElse(List.of());
    }

    /** Clients and networks blocked now, oldest first. */
    public List<SenderFlag> flags() {
        return store.activeFlags(clock.instant());
    }

    /** The flag that blocks this client now, its own or its network's. */
    public Optional<SenderFlag> activeFlag(InetAddress client) {
        return client == null ? Optional.empty() : activeFlag(keysOf(client), clock.instant());
    }

    /** Blocks a client for {@code duration}, as an administrator; returns the flag. */
    public SenderFlag block(InetAddress client, Duration duration, String reason) {
        Objects.requireNonNull(client, "client");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("block duration must be positive, e.g. PT1H; got " + duration);
        }
        return flag(clientKey(client), FlagScope.CLIENT, CODE_BLOCKED, reason, duration, clock.instant());
    }

    /**
     * Lifts the blocks of an address (its own and its network's) or of a network, at once,
     * and forgets its unknown-recipient counts so it is not flagged again at the next one.
     *
     * @param addressOrNetwork {@code 203.0.113.7} or {@code 198.51.100.0/24}
     * @return whether a flag was removed
     * @throws IllegalArgumentException when it is neither an address nor a network
     */
    public boolean unblock(String addressOrNetwork) {
        IpPrefix prefix = IpPrefix.parse(addressOrNetwork);
        boolean removed;
        if (prefix.isHost()) {
            String network = keysOf(prefix.address()).network;
            removed = store.removeFlag(prefix.toString()) | store.removeFlag(network);
            store.resetWindow(BehaviourCounter.UNKNOWN_RECIPIENTS_BY_CLIENT, prefix.toString());
            store.resetWindow(BehaviourCounter.UNKNOWN_RECIPIENTS_BY_NETWORK, network);
        } else {
            removed = store.removeFlag(prefix.toString());
            store.resetWindow(BehaviourCounter.UNKNOWN_RECIPIENTS_BY_NETWORK, prefix.toString());
        }
        LOGGER.info("Unblocked {}: {}", prefix, removed ? "flag removed" : "was not flagged");
        return removed;
    }

    private Optional<SenderFlag> activeFlag(ClientKeys keys, Instant now) {
        Optional<SenderFlag> own = store.activeFlag(keys.client, now);
        if (own.isPresent()) {
            return own;
        }
        return store.activeFlag(keys.network, now);
    }

    private SenderFlag flag(String key, FlagScope scope, String code, String reason, Duration duration, Instant now) {
        SenderFlag flag = new SenderFlag(key, scope, code, reason, now, now.plus(duration));
        store.putFlag(flag);
        if (scope == FlagScope.CLIENT) {
            store.updateReputation(key, now, record -> record.plus(ReputationEvent.FLAGGED, now,
                config.reputationHalfLife()));
        }
        LOGGER.info("Flagged {} {} until {}: {} ({})", scope, key, flag.until(), code, reason);
        return flag;
    }

    private BehaviourVerdict refuseRcpt(SenderFlag flag) {
        return config.permanentBlock()
            ? BehaviourVerdict.refuse(550, "5.7.1", flag.reasonCode(), "Recipients refused to your address")
            : BehaviourVerdict.refuse(450, "4.7.1", flag.reasonCode(), "Recipients refused to your address for now");
    }

    /** Client input made safe for flags and logs: printable ASCII, at most 100 characters. */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX_SHOWN_INPUT));
        for (int i = 0; i < text.length() && safe.length() < MAX_SHOWN_INPUT; i++) {
            char c = text.charAt(i);
            safe.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return safe.toString();
    }

    private static String clientKey(InetAddress client) {
        return IpPrefix.host(client).toString();
    }

    private ClientKeys keysOf(InetAddress client) {
        IpPrefix host = IpPrefix.host(client);
        IpPrefix network = IpPrefix.of(client, host.isIpv6() ? config.ipv6NetworkPrefix() : config.ipv4NetworkPrefix());
        return new ClientKeys(host.toString(), network.toString());
    }

    /** The store keys of a client: its address ({@code 203.0.113.7}) and its network ({@code 203.0.113.0/24}). */
    private static final class ClientKeys {
        private final String client;
        private final String network;

        private ClientKeys(String client, String network) {
            this.client = client;
            this.network = network;
        }
    }
}
