package org.cleanmail.core.sender;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.cleanmail.core.blacklist.IpPrefix;

/**
 * The thresholds of {@link SenderBehaviourAnalyzer}, validated. Build with
 * {@link #builder()} or read from key/value pairs with {@link #fromProperties(Map)};
 * a bad value fails with a message that names the key and shows a valid value.
 *
 * <table>
 * <caption>Keys and defaults</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>connectionWindow</td><td>1m</td><td>window of the connection rate</td></tr>
 * <tr><td>maxConnectionsPerWindow</td><td>60</td><td>connections per client IP per window</td></tr>
 * <tr><td>maxConcurrentConnections</td><td>10</td><td>connections open at once per client IP</td></tr>
 * <tr><td>messageWindow</td><td>1h</td><td>window of the message and recipient rates</td></tr>
 * <tr><td>maxMessagesPerWindow</td><td>1000</td><td>messages per client IP per window</td></tr>
 * <tr><td>maxRecipientsPerWindow</td><td>5000</td><td>recipients of messages per client IP per window</td></tr>
 * <tr><td>harvestWindow</td><td>10m</td><td>window of the unknown-recipient counts</td></tr>
 * <tr><td>maxUnknownRecipients</td><td>10</td><td>unknown recipients per client IP per window; one more flags it</td></tr>
 * <tr><td>maxUnknownRecipientsPerNetwork</td><td>30</td><td>same per client network; 0 never flags networks</td></tr>
 * <tr><td>blockDuration</td><td>1h</td><td>how long a harvest flag blocks</td></tr>
 * <tr><td>permanentBlock</td><td>true</td><td>blocked clients get 554/550 (true) or 421/450 (false)</td></tr>
 * <tr><td>ipv4NetworkPrefix</td><td>24</td><td>size of an IPv4 client network</td></tr>
 * <tr><td>ipv6NetworkPrefix</td><td>64</td><td>size of an IPv6 client network</td></tr>
 * <tr><td>trustedNetworks</td><td>127.0.0.0/8, ::1</td><td>comma-separated; exempt from everything</td></tr>
 * <tr><td>reputationHalfLife</td><td>7d</td><td>time after which reputation counts weigh half</td></tr>
 * <tr><td>reputationMinimumEvidence</td><td>5</td><td>scored messages (decayed) before reputation scores</td></tr>
 * <tr><td>badReputationPoints</td><td>3.0</td><td>points of SENDER_BAD_REPUTATION for the worst sender</td></tr>
 * <tr><td>goodReputationPoints</td><td>1.0</td><td>points taken off by SENDER_GOOD_REPUTATION for the best</td></tr>
 * </table>
 * Durations read {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h}, {@code 7d} or ISO-8601 ({@code PT10M}).
 */
public final class SenderBehaviourConfig {
    public static final String CONNECTION_WINDOW = "connectionWindow";
    public static final String MAX_CONNECTIONS_PER_WINDOW = "maxConnectionsPerWindow";
    public static final String MAX_CONCURRENT_CONNECTIONS = "maxConcurrentConnections";
    public static final String MESSAGE_WINDOW = "messageWindow";
    public static final String MAX_MESSAGES_PER_WINDOW = "maxMessagesPerWindow";
    public static final String MAX_RECIPIENTS_PER_WINDOW = "maxRecipientsPerWindow";
    public static final String HARVEST_WINDOW = "harvestWindow";
    public static final String MAX_UNKNOWN_RECIPIENTS = "maxUnknownRecipients";
    public static final String MAX_UNKNOWN_RECIPIENTS_PER_NETWORK = "maxUnknownRecipientsPerNetwork";
    public static final String BLOCK_DURATION = "blockDuration";
    public static final String PERMANENT_BLOCK = "permanentBlock";
    public static final String IPV4_NETWORK_PREFIX = "ipv4NetworkPrefix";
    public static final String IPV6_NETWORK_PREFIX = "ipv6NetworkPrefix";
    public static final String TRUSTED_NETWORKS = "trustedNetworks";
    public static final String REPUTATION_HALF_LIFE = "reputationHalfLife";
    public static final String REPUTATION_MINIMUM_EVIDENCE = "reputationMinimumEvidence";
    public static final String BAD_REPUTATION_POINTS = "badReputationPoints";
    public static final String GOOD_REPUTATION_POINTS = "goodReputationPoints";

    private static final Set<String> KEYS = Set.of(CONNECTION_WINDOW, MAX_CONNECTIONS_PER_WINDOW,
        MAX_CONCURRENT_CONNECTIONS, MESSAGE_WINDOW, MAX_MESSAGES_PER_WINDOW, MAX_RECIPIENTS_PER_WINDOW, HARVEST_WINDOW,
        MAX_UNKNOWN_RECIPIENTS, MAX_UNKNOWN_RECIPIENTS_PER_NETWORK, BLOCK_DURATION, PERMANENT_BLOCK, IPV4_NETWORK_PREFIX,
        IPV6_NETWORK_PREFIX, TRUSTED_NETWORKS, REPUTATION_HALF_LIFE, REPUTATION_MINIMUM_EVIDENCE, BAD_REPUTATION_POINTS,
        GOOD_REPUTATION_POINTS);

    private final Duration connectionWindow;
    private final int maxConnectionsPerWindow;
    private final int maxConcurrentConnections;
    private final Duration messageWindow;
    private final int maxMessagesPerWindow;
    private final int maxRecipientsPerWindow;
    private final Duration harvestWindow;
    private final int maxUnknownRecipients;
    private final int maxUnknownRecipientsPerNetwork;
    private final Duration blockDuration;
    private final boolean permanentBlock;
    private final int ipv4NetworkPrefix;
    private final int ipv6NetworkPrefix;
    private final List<IpPrefix> trustedNetworks;
    private final Duration reputationHalfLife;
    private final double reputationMinimumEvidence;
    private final double badReputationPoints;
    private final double goodReputationPoints;

    private SenderBehaviourConfig(Builder builder) {
        this.connectionWindow = builder.connectionWindow;
        this.maxConnectionsPerWindow = builder.maxConnectionsPerWindow;
        this.maxConcurrentConnections = builder.maxConcurrentConnections;
        this.messageWindow = builder.messageWindow;
        this.maxMessagesPerWindow = builder.maxMessagesPerWindow;
        this.maxRecipientsPerWindow = builder.maxRecipientsPerWindow;
        this.harvestWindow = builder.harvestWindow;
        this.maxUnknownRecipients = builder.maxUnknownRecipients;
        this.maxUnknownRecipientsPerNetwork = builder.maxUnknownRecipientsPerNetwork;
        this.blockDuration = builder.blockDuration;
        this.permanentBlock = builder.permanentBlock;
        this.ipv4NetworkPrefix = builder.ipv4NetworkPrefix;
        this.ipv6NetworkPrefix = builder.ipv6NetworkPrefix;
        this.trustedNetworks = List.copyOf(builder.trustedNetworks);
        this.reputationHalfLife = builder.reputationHalfLife;
        this.reputationMinimumEvidence = builder.reputationMinimumEvidence;
        this.badReputationPoints = builder.badReputationPoints;
        this.goodReputationPoints = builder.goodReputationPoints;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static SenderBehaviourConfig defaults() {
        return builder().build();
    }

    /**
     * Reads the keys of the table above; absent keys keep their default.
     *
     * @throws IllegalArgumentException naming the key, with a valid example, for an unknown key or a bad value
     */
    public static SenderBehaviourConfig fromProperties(Map<String, String> properties) {
        Builder builder = builder();
        for (Map.Entry<String, String> property : properties.entrySet()) {
            String key = property.getKey();
            String value = property.getValue() == null ? "" : property.getValue().trim();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "'; expected one of "
                    + String.join(", ", new TreeSet<>(KEYS)));
            }
            apply(builder, key, value);
        }
        return builder.build();
    }

    private static void apply(Builder builder, String key, String value) {
        switch (key) {
            case CONNECTION_WINDOW:
                builder.connectionWindow(read(key, value, SenderBehaviourConfig::duration, "1m"));
                break;
            case MAX_CONNECTIONS_PER_WINDOW:
                builder.maxConnectionsPerWindow(read(key, value, Integer::parseInt, "60"));
                break;
            case MAX_CONCURRENT_CONNECTIONS:
                builder.maxConcurrentConnections(read(key, value, Integer::parseInt, "10"));
                break;
            case MESSAGE_WINDOW:
                builder.messageWindow(read(key, value, SenderBehaviourConfig::duration, "1h"));
                break;
            case MAX_MESSAGES_PER_WINDOW:
                builder.maxMessagesPerWindow(read(key, value, Integer::parseInt, "1000"));
                break;
            case MAX_RECIPIENTS_PER_WINDOW:
                builder.maxRecipientsPerWindow(read(key, value, Integer::parseInt, "5000"));
                break;
            case HARVEST_WINDOW:
                builder.harvestWindow(read(key, value, SenderBehaviourConfig::duration, "10m"));
                break;
            case MAX_UNKNOWN_RECIPIENTS:
                builder.maxUnknownRecipients(read(key, value, Integer::parseInt, "10"));
                break;
            case MAX_UNKNOWN_RECIPIENTS_PER_NETWORK:
                builder.maxUnknownRecipientsPerNetwork(read(key, value, Integer::parseInt, "30"));
                break;
            case BLOCK_DURATION:
                builder.blockDuration(read(key, value, SenderBehaviourConfig::duration, "1h"));
                break;
            case PERMANENT_BLOCK:
                builder.permanentBlock(read(key, value, SenderBehaviourConfig::strictBoolean, "true"));
                break;
            case IPV4_NETWORK_PREFIX:
                builder.ipv4NetworkPrefix(read(key, value, Integer::parseInt, "24"));
                break;
            case IPV6_NETWORK_PREFIX:
                builder.ipv6NetworkPrefix(read(key, value, Integer::parseInt, "64"));
                break;
            case TRUSTED_NETWORKS:
                builder.trustedNetworks(read(key, value, SenderBehaviourConfig::networks, "127.0.0.0/8, ::1"));
                break;
            case REPUTATION_HALF_LIFE:
                builder.reputationHalfLife(read(key, value, SenderBehaviourConfig::duration, "7d"));
                break;
            case REPUTATION_MINIMUM_EVIDENCE:
                builder.reputationMinimumEvidence(read(key, value, Double::parseDouble, "5"));
                break;
            case BAD_REPUTATION_POINTS:
                builder.badReputationPoints(read(key, value, Double::parseDouble, "3.0"));
                break;
            case GOOD_REPUTATION_POINTS:
                builder.goodReputationPoints(read(key, value, Double::parseDouble, "1.0"));
                break;
            default:
                throw new IllegalStateException("unhandled key " + key);
        }
    }

    private static <T> T read(String key, String value, Function<String, T> parser, String example) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("'" + key + "' must be like " + key + "=" + example + "; got '" + value + "'");
        }
    }

    /** {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h}, {@code 7d}, or ISO-8601 such as {@code PT10M}. */
    static Duration duration(String text) {
        String lower = text.trim().toLowerCase(Locale.ROOT);
        if (lower.startsWith("p")) {
            return Duration.parse(text.trim());
        }
        String[] units = {"ms", "s", "m", "h", "d"};
        for (String unit : units) {
            if (lower.endsWith(unit) && !(unit.equals("s") && lower.endsWith("ms"))) {
                long amount = Long.parseLong(lower.substring(0, lower.length() - unit.length()).trim());
                switch (unit) {
                    case "ms":
                        return Duration.ofMillis(amount);
                    case "s":
                        return Duration.ofSeconds(amount);
                    case "m":
                        return Duration.ofMinutes(amount);
                    case "h":
                        return Duration.ofHours(amount);
                    default:
                        return Duration.ofDays(amount);
                }
            }
        }
        throw new IllegalArgumentException("no unit in duration '" + text + "'");
    }

    private static boolean strictBoolean(String text) {
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("not a boolean: " + text);
    }

    private static List<IpPrefix> networks(String text) {
        List<IpPrefix> networks = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                networks.add(IpPrefix.parse(part));
            }
        }
        return networks;
    }

    public Duration connectionWindow() {
        return connectionWindow;
    }

    public int maxConnectionsPerWindow() {
        return maxConnectionsPerWindow;
    }

    public int maxConcurrentConnections() {
        return maxConcurrentConnections;
    }

    public Duration messageWindow() {
        return messageWindow;
    }

    public int maxMessagesPerWindow() {
        return maxMessagesPerWindow;
    }

    public int maxRecipientsPerWindow() {
        return maxRecipientsPerWindow;
    }

    public Duration harvestWindow() {
        return harvestWindow;
    }

    public int maxUnknownRecipients() {
        return maxUnknownRecipients;
    }

    /** 0 when networks are never flagged. */
    public int maxUnknownRecipientsPerNetwork() {
        return maxUnknownRecipientsPerNetwork;
    }

    public Duration blockDuration() {
        return blockDuration;
    }

    public boolean permanentBlock() {
        return permanentBlock;
    }

    public int ipv4NetworkPrefix() {
        return ipv4NetworkPrefix;
    }

    public int ipv6NetworkPrefix() {
        return ipv6NetworkPrefix;
    }

    public List<IpPrefix> trustedNetworks() {
        return trustedNetworks;
    }

    public Duration reputationHalfLife() {
        return reputationHalfLife;
    }

    public double reputationMinimumEvidence() {
        return reputationMinimumEvidence;
    }

    public double badReputationPoints() {
        return badReputationPoints;
    }

    public double goodReputationPoints() {
        return goodReputationPoints;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SenderBehaviourConfig)) {
            return false;
        }
        SenderBehaviourConfig other = (SenderBehaviourConfig) o;
        return connectionWindow.equals(other.connectionWindow) && maxConnectionsPerWindow == other.maxConnectionsPerWindow
            && maxConcurrentConnections == other.maxConcurrentConnections && messageWindow.equals(other.messageWindow)
            && maxMessagesPerWindow == other.maxMessagesPerWindow && maxRecipientsPerWindow == other.maxRecipientsPerWindow
            && harvestWindow.equals(other.harvestWindow) && maxUnknownRecipients == other.maxUnknownRecipients
            && maxUnknownRecipientsPerNetwork == other.maxUnknownRecipientsPerNetwork
            && blockDuration.equals(other.blockDuration) && permanentBlock == other.permanentBlock
            && ipv4NetworkPrefix == other.ipv4NetworkPrefix && ipv6NetworkPrefix == other.ipv6NetworkPrefix
            && trustedNetworks.equals(other.trustedNetworks) && reputationHalfLife.equals(other.reputationHalfLife)
            && Double.compare(reputationMinimumEvidence, other.reputationMinimumEvidence) == 0
            && Double.compare(badReputationPoints, other.badReputationPoints) == 0
            && Double.compare(goodReputationPoints, other.goodReputationPoints) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(connectionWindow, maxConnectionsPerWindow, maxConcurrentConnections, messageWindow,
            maxMessagesPerWindow, maxRecipientsPerWindow, harvestWindow, maxUnknownRecipients,
            maxUnknownRecipientsPerNetwork, blockDuration, permanentBlock, ipv4NetworkPrefix, ipv6NetworkPrefix,
            trustedNetworks, reputationHalfLife, reputationMinimumEvidence, badReputationPoints, goodReputationPoints);
    }

    /** Collects values; {@link #build()} validates them all. */
    public static final class Builder {
        private Duration connectionWindow = Duration.ofMinutes(1);
        private int maxConnectionsPerWindow = 60;
        private int maxConcurrentConnections = 10;
        private Duration messageWindow = Duration.ofHours(1);
        private int maxMessagesPerWindow = 1000;
        private int maxRecipientsPerWindow = 5000;
        private Duration harvestWindow = Duration.ofMinutes(10);
        private int maxUnknownRecipients = 10;
        private int maxUnknownRecipientsPerNetwork = 30;
        private Duration blockDuration = Duration.ofHours(1);
        private boolean permanentBlock = true;
        private int ipv4NetworkPrefix = 24;
        private int ipv6NetworkPrefix = 64;
        private List<IpPrefix> trustedNetworks = List.of(IpPrefix.parse("127.0.0.0/8"), IpPrefix.parse("::1"));
        private Duration reputationHalfLife = Duration.ofDays(7);
        private double reputationMinimumEvidence = 5;
        private double badReputationPoints = 3.0;
        private double goodReputationPoints = 1.0;

        private Builder() {
        }

        public Builder connectionWindow(Duration connectionWindow) {
            this.connectionWindow = Objects.requireNonNull(connectionWindow, CONNECTION_WINDOW);
            return this;
        }

        public Builder maxConnectionsPerWindow(int maxConnectionsPerWindow) {
            this.maxConnectionsPerWindow = maxConnectionsPerWindow;
            return this;
        }

        public Builder maxConcurrentConnections(int maxConcurrentConnections) {
            this.maxConcurrentConnections = maxConcurrentConnections;
            return this;
        }

        public Builder messageWindow(Duration messageWindow) {
            this.messageWindow = Objects.requireNonNull(messageWindow, MESSAGE_WINDOW);
            return this;
        }

        public Builder maxMessagesPerWindow(int maxMessagesPerWindow) {
            this.maxMessagesPerWindow = maxMessagesPerWindow;
            return this;
        }

        public Builder maxRecipientsPerWindow(int maxRecipientsPerWindow) {
            this.maxRecipientsPerWindow = maxRecipientsPerWindow;
            return this;
        }

        public Builder harvestWindow(Duration harvestWindow) {
            this.harvestWindow = Objects.requireNonNull(harvestWindow, HARVEST_WINDOW);
            return this;
        }

        public Builder maxUnknownRecipients(int maxUnknownRecipients) {
            this.maxUnknownRecipients = maxUnknownRecipients;
            return this;
        }

        public Builder maxUnknownRecipientsPerNetwork(int maxUnknownRecipientsPerNetwork) {
            this.maxUnknownRecipientsPerNetwork = maxUnknownRecipientsPerNetwork;
            return this;
        }

        public Builder blockDuration(Duration blockDuration) {
            this.blockDuration = Objects.requireNonNull(blockDuration, BLOCK_DURATION);
            return this;
        }

        public Builder permanentBlock(boolean permanentBlock) {
            this.permanentBlock = permanentBlock;
            return this;
        }

        public Builder ipv4NetworkPrefix(int ipv4NetworkPrefix) {
            this.ipv4NetworkPrefix = ipv4NetworkPrefix;
            return this;
        }

        public Builder ipv6NetworkPrefix(int ipv6NetworkPrefix) {
            this.ipv6NetworkPrefix = ipv6NetworkPrefix;
            return this;
        }

        public Builder trustedNetworks(List<IpPrefix> trustedNetworks) {
            this.trustedNetworks = List.copyOf(trustedNetworks);
            return this;
        }

        public Builder reputationHalfLife(Duration reputationHalfLife) {
            this.reputationHalfLife = Objects.requireNonNull(reputationHalfLife, REPUTATION_HALF_LIFE);
            return this;
        }

        public Builder reputationMinimumEvidence(double reputationMinimumEvidence) {
            this.reputationMinimumEvidence = reputationMinimumEvidence;
            return this;
        }

        public Builder badReputationPoints(double badReputationPoints) {
            this.badReputationPoints = badReputationPoints;
            return this;
        }

        public Builder goodReputationPoints(double goodReputationPoints) {
            this.goodReputationPoints = goodReputationPoints;
            return this;
        }

        public SenderBehaviourConfig build() {
            requireWindow(CONNECTION_WINDOW, connectionWindow, "1m");
            requireWindow(MESSAGE_WINDOW, messageWindow, "1h");
            requireWindow(HARVEST_WINDOW, harvestWindow, "10m");
            requireWindow(BLOCK_DURATION, blockDuration, "1h");
            requireWindow(REPUTATION_HALF_LIFE, reputationHalfLife, "7d");
            requirePositive(MAX_CONNECTIONS_PER_WINDOW, maxConnectionsPerWindow, "60");
            requirePositive(MAX_CONCURRENT_CONNECTIONS, maxConcurrentConnections, "10");
            requirePositive(MAX_MESSAGES_PER_WINDOW, maxMessagesPerWindow, "1000");
            requirePositive(MAX_RECIPIENTS_PER_WINDOW, maxRecipientsPerWindow, "5000");
            requirePositive(MAX_UNKNOWN_RECIPIENTS, maxUnknownRecipients, "10");
            require(maxUnknownRecipientsPerNetwork >= 0, MAX_UNKNOWN_RECIPIENTS_PER_NETWORK,
                "must be 0 (never flag networks) or more", "30", maxUnknownRecipientsPerNetwork);
            require(ipv4NetworkPrefix >= 8 && ipv4NetworkPrefix <= 32, IPV4_NETWORK_PREFIX, "must be 8 to 32", "24",
                ipv4NetworkPrefix);
            require(ipv6NetworkPrefix >= 16 && ipv6NetworkPrefix <= 128, IPV6_NETWORK_PREFIX, "must be 16 to 128", "64",
                ipv6NetworkPrefix);
            require(reputationMinimumEvidence >= 1, REPUTATION_MINIMUM_EVIDENCE, "must be at least 1", "5",
                reputationMinimumEvidence);
            require(badReputationPoints >= 0, BAD_REPUTATION_POINTS, "must be 0 or more", "3.0", badReputationPoints);
            require(goodReputationPoints >= 0, GOOD_REPUTATION_POINTS, "must be 0 or more (points taken off)", "1.0",
                goodReputationPoints);
            return new SenderBehaviourConfig(this);
        }

        private static void requireWindow(String key, Duration value, String example) {
            require(value.toMillis() >= SlidingWindow.BUCKETS, key, "must be at least " + SlidingWindow.BUCKETS + "ms",
                example, value);
        }

        private static void requirePositive(String key, int value, String example) {
            require(value > 0, key, "must be a positive integer", example, value);
        }

        private static void require(boolean valid, String key, String rule, String example, Object value) {
            if (!valid) {
                throw new IllegalArgumentException("'" + key + "' " + rule + ", e.g. " + key + "=" + example
                    + "; got " + value);
            }
        }
    }
}
