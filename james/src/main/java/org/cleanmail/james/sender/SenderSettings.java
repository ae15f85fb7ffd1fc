package org.cleanmail.james.sender;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.cleanmail.core.sender.InMemorySenderStateStore;
import org.cleanmail.core.sender.SenderBehaviourConfig;
import org.cleanmail.james.CleanMailConfiguration;
import org.cleanmail.james.ConfigurationException;
import org.cleanmail.james.SettingParser;

/**
 * The {@code sender.} and {@code blacklist.} keys of {@code cleanmail.properties},
 * validated. The {@code sender.} keys are those of {@link SenderBehaviourConfig} written
 * in lower case with dashes ({@code sender.max-unknown-recipients=10} sets
 * {@code maxUnknownRecipients}), plus the store's bounds:
 * <pre>
 * sender.harvest-window=10m
 * sender.max-unknown-recipients=10
 * sender.trusted-networks=192.0.2.0/24, 2001:db8::/32
 * sender.store.maximum-keys=100000
 * sender.store.reputation-idle-time=30d
 * blacklist.refuse-at-smtp=true
 * </pre>
 * Unlike the engine, {@code sender.trusted-networks} defaults to no network: James's
 * {@code authorizedAddresses} and authenticated sessions are trusted anyway. Every
 * error names the file and the full key, with a valid example.
 */
public final class SenderSettings {
    public static final String SENDER_PREFIX = "sender.";
    public static final String BLACKLIST_PREFIX = "blacklist.";
    public static final String STORE_MAXIMUM_KEYS = "store.maximum-keys";
    public static final String STORE_REPUTATION_IDLE_TIME = "store.reputation-idle-time";
    public static final String REFUSE_AT_SMTP = "refuse-at-smtp";
    public static final boolean DEFAULT_REFUSE_AT_SMTP = true;

    /** Engine keys by their name in cleanmail.properties (without {@code sender.}). */
    private static final Map<String, String> ENGINE_KEYS = engineKeys();

    private final SenderBehaviourConfig behaviour;
    private final int storeMaximumKeys;
    private final Duration storeReputationIdleTime;
    private final boolean refuseAtSmtp;

    public SenderSettings(SenderBehaviourConfig behaviour, int storeMaximumKeys, Duration storeReputationIdleTime,
                          boolean refuseAtSmtp) {
        this.behaviour = behaviour;
        this.storeMaximumKeys = storeMaximumKeys;
        this.storeReputationIdleTime = storeReputationIdleTime;
        this.refuseAtSmtp = refuseAtSmtp;
    }

    /** Reads both sections of the configuration. */
    public static SenderSettings from(CleanMailConfiguration configuration) {
        return from(configuration.section(SENDER_PREFIX), configuration.section(BLACKLIST_PREFIX));
    }

    /**
     * Reads the keys of the two sections, prefixes removed.
     *
     * @throws ConfigurationException naming {@code cleanmail.properties} and the full key
     */
    public static SenderSettings from(Map<String, String> sender, Map<String, String> blacklist) {
        SettingParser parser = new SettingParser(CleanMailConfiguration.FILE);
        Map<String, String> engine = new LinkedHashMap<>();
        engine.put(SenderBehaviourConfig.TRUSTED_NETWORKS, "");
        int maximumKeys = InMemorySenderStateStore.DEFAULT_MAXIMUM_KEYS;
        Duration idleTime = InMemorySenderStateStore.DEFAULT_REPUTATION_IDLE_TIME;
        Set<String> known = new TreeSet<>(ENGINE_KEYS.keySet());
        known.add(STORE_MAXIMUM_KEYS);
        known.add(STORE_REPUTATION_IDLE_TIME);
        CleanMailConfiguration.rejectUnknownKeys(SENDER_PREFIX, sender, known);
        CleanMailConfiguration.rejectUnknownKeys(BLACKLIST_PREFIX, blacklist, List.of(REFUSE_AT_SMTP));
        for (Map.Entry<String, String> setting : sender.entrySet()) {
            String key = setting.getKey();
            String value = setting.getValue();
            if (key.equals(STORE_MAXIMUM_KEYS)) {
                maximumKeys = positiveInt(parser, SENDER_PREFIX + key, value, "100000");
            } else if (key.equals(STORE_REPUTATION_IDLE_TIME)) {
                idleTime = duration(parser, SENDER_PREFIX + key, value, "30d");
            } else {
                engine.put(ENGINE_KEYS.get(key), value);
            }
        }
        boolean refuse = DEFAULT_REFUSE_AT_SMTP;
        for (Map.Entry<String, String> setting : blacklist.entrySet()) {
            refuse = parser.parseBoolean(BLACKLIST_PREFIX + REFUSE_AT_SMTP, setting.getValue(),
                BLACKLIST_PREFIX + REFUSE_AT_SMTP + "=true");
        }
        return new SenderSettings(engineConfig(engine), maximumKeys, idleTime, refuse);
    }

    private static SenderBehaviourConfig engineConfig(Map<String, String> engine) {
        try {
            return SenderBehaviourConfig.fromProperties(engine);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(CleanMailConfiguration.FILE + ": " + withFileKeys(e.getMessage()), e);
        }
    }

    /** The engine's message with its key names replaced by those of cleanmail.properties. */
    static String withFileKeys(String message) {
        String result = message;
        List<Map.Entry<String, String>> longestFirst = new ArrayList<>(ENGINE_KEYS.entrySet());
        longestFirst.sort((a, b) -> Integer.compare(b.getValue().length(), a.getValue().length()));
        for (Map.Entry<String, String> key : longestFirst) {
            result = result.replace(key.getValue(), SENDER_PREFIX + key.getKey());
        }
        return result;
    }

    private static int positiveInt(SettingParser parser, String key, String value, String example) {
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw parser.fail(key, "must be a positive integer", key + "=" + example, value);
    }

    private static Duration duration(SettingParser parser, String key, String value, String example) {
        try {
            Duration parsed = SenderBehaviourConfig.fromProperties(Map.of(SenderBehaviourConfig.BLOCK_DURATION, value))
                .blockDuration();
            return parsed;
        } catch (IllegalArgumentException e) {
            throw parser.fail(key, "must be a duration such as 30s, 10m, 1h or 7d", key + "=" + example, value);
        }
    }

    private static Map<String, String> engineKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String camel : List.of(SenderBehaviourConfig.CONNECTION_WINDOW,
            SenderBehaviourConfig.MAX_CONNECTIONS_PER_WINDOW, SenderBehaviourConfig.MAX_CONCURRENT_CONNECTIONS,
            SenderBehaviourConfig.MESSAGE_WINDOW, SenderBehaviourConfig.MAX_MESSAGES_PER_WINDOW,
            SenderBehaviourConfig.MAX_RECIPIENTS_PER_WINDOW, SenderBehaviourConfig.HARVEST_WINDOW,
            SenderBehaviourConfig.MAX_UNKNOWN_RECIPIENTS, SenderBehaviourConfig.MAX_UNKNOWN_RECIPIENTS_PER_NETWORK,
            SenderBehaviourConfig.BLOCK_DURATION, SenderBehaviourConfig.PERMANENT_BLOCK,
            SenderBehaviourConfig.IPV4_NETWORK_PREFIX, SenderBehaviourConfig.IPV6_NETWORK_PREFIX,
            SenderBehaviourConfig.TRUSTED_NETWORKS, SenderBehaviourConfig.REPUTATION_HALF_LIFE,
            SenderBehaviourConfig.REPUTATION_MINIMUM_EVIDENCE, SenderBehaviourConfig.BAD_REPUTATION_POINTS,
            SenderBehaviourConfig.GOOD_REPUTATION_POINTS)) {
            keys.put(kebab(camel), camel);
        }
        return Map.copyOf(keys);
    }

    /** {@code maxUnknownRecipients} to {@code max-unknown-recipients}; {@code ipv4NetworkPrefix} to {@code ipv4-network-prefix}. */
    static String kebab(String camel) {
        StringBuilder kebab = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                kebab.append('-').append(Character.toLowerCase(c));
            } else {
                kebab.append(c);
            }
        }
        return kebab.toString().toLowerCase(Locale.ROOT);
    }

    public SenderBehaviourConfig behaviour() {
        return behaviour;
    }

    public int storeMaximumKeys() {
        return storeMaximumKeys;
    }

    public Duration storeReputationIdleTime() {
        return storeReputationIdleTime;
    }

    /** Whether SMTP hooks refuse blacklisted clients (false: only the matchers tag them). */
    public boolean refuseAtSmtp() {
        return refuseAtSmtp;
    }

    @Override
    public String toString() {
        return "SenderSettings{maxUnknownRecipients=" + behaviour.maxUnknownRecipients() + " per "
            + behaviour.harvestWindow() + ", maxConcurrentConnections=" + behaviour.maxConcurrentConnections()
            + ", maxConnectionsPerWindow=" + behaviour.maxConnectionsPerWindow() + " per "
            + behaviour.connectionWindow() + ", trustedNetworks=" + behaviour.trustedNetworks()
            + ", refuseAtSmtp=" + refuseAtSmtp + "}";
    }
}
