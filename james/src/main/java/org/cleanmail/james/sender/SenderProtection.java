package org.cleanmail.james.sender;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;
import javax.inject.Singleton;

import org.apache.mailet.Mail;
import org.cleanmail.core.blacklist.Blacklist;
import org.cleanmail.core.blacklist.IpPrefix;
import org.cleanmail.core.blacklist.PersonalLists;
import org.cleanmail.core.scan.RuleHit;
import org.cleanmail.core.sender.BehaviourCounter;
import org.cleanmail.core.sender.InMemorySenderStateStore;
import org.cleanmail.core.sender.SenderBehaviourAnalyzer;
import org.cleanmail.core.sender.SenderBehaviourConfig;
import org.cleanmail.core.sender.SenderStateStore;
import org.cleanmail.james.CleanMailConfiguration;
import org.cleanmail.james.CleanMailRuntime;
import org.cleanmail.james.ConfigurationException;
import org.cleanmail.james.StateDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.net.InetAddresses;

/**
 * The server's one sender protection: the blacklist ({@value Blacklist#FILE_NAME}) and the
 * personal lists ({@value PersonalLists#FILE_NAME}) in CleanMail's state folder, and the
 * behaviour analyzer over an in-memory state store. SMTP hooks, matchers, mailets and
 * webadmin routes inject this Guice just-in-time singleton, so a route sees at once what a
 * hook counted, and a hook applies at once what a route changed. Settings come from the
 * {@code sender.} and {@code blacklist.} keys of {@code cleanmail.properties}
 * (see {@link SenderSettings}).
 */
@Singleton
public class SenderProtection {
    private static final Logger LOGGER = LoggerFactory.getLogger(SenderProtection.class);

    private final SenderSettings settings;
    private final Blacklist blacklist;
    private final PersonalLists personalLists;
    private final SenderStateStore store;
    private final SenderBehaviourAnalyzer analyzer;
    private final Clock clock;

    @Inject
    public SenderProtection(CleanMailRuntime runtime, StateDirectory stateDirectory, ServerClock clock) {
        this(SenderSettings.from(runtime.configuration()), Optional.of(stateDirectory.path()), clock.clock());
    }

    /** Lists stored in {@code folder} when present, else kept in memory only. */
    public SenderProtection(SenderSettings settings, Optional<Path> folder, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.blacklist = folder.map(path -> openBlacklist(path, clock)).orElseGet(() -> Blacklist.inMemory(clock));
        this.personalLists = folder.map(SenderProtection::openPersonalLists).orElseGet(PersonalLists::inMemory);
        this.store = new InMemorySenderStateStore(clock, settings.storeMaximumKeys(),
            settings.storeReputationIdleTime());
        this.analyzer = new SenderBehaviourAnalyzer(settings.behaviour(), store, clock);
        LOGGER.info("CleanMail sender protection: {} blacklist entries, {} recipients with personal lists, {}",
            blacklist.size(), personalLists.recipients().size(), settings);
    }

    private static Blacklist openBlacklist(Path folder, Clock clock) {
        try {
            return Blacklist.openIn(folder, clock);
        } catch (IOException e) {
            throw new ConfigurationException("The blacklist " + folder.resolve(Blacklist.FILE_NAME)
                + " cannot be read: " + e.getMessage() + "; check '" + CleanMailConfiguration.STATE_DIRECTORY
                + "' in " + CleanMailConfiguration.FILE + " and the file's permissions", e);
        }
    }

    private static PersonalLists openPersonalLists(Path folder) {
        try {
            return PersonalLists.openIn(folder);
        } catch (IOException e) {
            throw new ConfigurationException("The personal lists " + folder.resolve(PersonalLists.FILE_NAME)
                + " cannot be read: " + e.getMessage() + "; check '" + CleanMailConfiguration.STATE_DIRECTORY
                + "' in " + CleanMailConfiguration.FILE + " and the file's permissions", e);
        }
    }

    public SenderSettings settings() {
        return settings;
    }

    public Blacklist blacklist() {
        return blacklist;
    }

    public PersonalLists personalLists() {
        return personalLists;
    }

    public SenderBehaviourAnalyzer analyzer() {
        return analyzer;
    }

    /** The clock of the lists and the analyzer: James's when bound. */
    public Clock clock() {
        return clock;
    }

    /**
     * The reputation rule hits ({@code SENDER_BAD_REPUTATION}, {@code SENDER_GOOD_REPUTATION})
     * of the client that sent a mail, {@code mail.getRemoteAddr()}; none for a trusted client
     * or what is not an IP address.
     */
    public List<RuleHit> reputationHits(String remoteIp) {
        return address(remoteIp).map(analyzer::reputationHits).orElse(List.of());
    }

    /**
     * The reputation rule hits of the client that sent the mail; none when James trusted its
     * session (see {@link TrustedSessions}): what {@code ScoreMessage} should add to a scan.
     */
    public List<RuleHit> reputationHits(Mail mail) {
        return TrustedSessions.isTrusted(mail) ? List.of() : reputationHits(mail.getRemoteAddr());
    }

    /** Counts a scan verdict in the reputation of the client that sent the mail. */
    public void recordScan(String remoteIp, boolean spam) {
        address(remoteIp).ifPresent(client -> analyzer.recordScan(client, spam));
    }

    /** Like {@link #recordScan(String, boolean)}, nothing for mail of a session James trusted. */
    public void recordScan(Mail mail, boolean spam) {
        if (!TrustedSessions.isTrusted(mail)) {
            recordScan(mail.getRemoteAddr(), spam);
        }
    }

    /** What is known of one client now: counters, flag, reputation, blacklist entry. */
    public ClientRecord record(InetAddress client) {
        Instant now = clock.instant();
        SenderBehaviourConfig config = settings.behaviour();
        String key = IpPrefix.host(client).toString();
        IpPrefix host = IpPrefix.host(client);
        String network = IpPrefix.of(client, host.isIpv6() ? config.ipv6NetworkPrefix() : config.ipv4NetworkPrefix())
            .toString();
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("connections", store.windowTotal(BehaviourCounter.CONNECTIONS, key, config.connectionWindow(), now));
        counters.put("messages", store.windowTotal(BehaviourCounter.MESSAGES, key, config.messageWindow(), now));
        counters.put("recipients", store.windowTotal(BehaviourCounter.RECIPIENTS, key, config.messageWindow(), now));
        counters.put("unknownRecipients", store.windowTotal(BehaviourCounter.UNKNOWN_RECIPIENTS_BY_CLIENT, key,
            config.harvestWindow(), now));
        counters.put("unknownRecipientsOfNetwork", store.windowTotal(BehaviourCounter.UNKNOWN_RECIPIENTS_BY_NETWORK,
            network, config.harvestWindow(), now));
        return new ClientRecord(key, network, analyzer.isTrusted(client), analyzer.openConnections(client), counters,
            analyzer.activeFlag(client), analyzer.reputation(client), analyzer.reputationHits(client),
            blacklist.matchIp(client));
    }

    /** The address in {@code text} ({@code 203.0.113.7}, {@code 2001:db8::1}), empty when it is none. */
    public static Optional<InetAddress> address(String text) {
        if (text == null || !InetAddresses.isInetAddress(text.trim())) {
            return Optional.empty();
        }
        return Optional.of(InetAddresses.forString(text.trim()));
    }
}
