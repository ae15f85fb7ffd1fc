package org.cleanmail.james.policy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cleanmail.core.quarantine.DeletionLog;
import org.cleanmail.james.CleanMailConfiguration;
import org.cleanmail.james.SettingParser;

/**
 * The {@code policy.} keys of {@code cleanmail.properties}, validated:
 * <pre>
 * policy.defaults-file=file://conf/policies-defaults.json   seeds policies.json when it does not exist yet (none)
 * policy.purge-interval=1h                                   how often expired quarantine entries are purged; 0 never
 * policy.deletion-log.capacity=10000                         deletions remembered in memory
 * </pre>
 * Every error names the file and the full key, with a valid example.
 */
public final class PolicySettings {
    public static final String PREFIX = "policy.";
    public static final String DEFAULTS_FILE = "defaults-file";
    public static final String PURGE_INTERVAL = "purge-interval";
    public static final String DELETION_LOG_CAPACITY = "deletion-log.capacity";
    public static final Duration DEFAULT_PURGE_INTERVAL = Duration.ofHours(1);

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*([smhd]?)");

    private final Optional<String> defaultsFile;
    private final Duration purgeInterval;
    private final int deletionLogCapacity;

    public PolicySettings(Optional<String> defaultsFile, Duration purgeInterval, int deletionLogCapacity) {
        this.defaultsFile = Objects.requireNonNull(defaultsFile, "defaults file");
        this.purgeInterval = Objects.requireNonNull(purgeInterval, "purge interval");
        this.deletionLogCapacity = deletionLogCapacity;
    }

    public static PolicySettings defaults() {
        return new PolicySettings(Optional.empty(), DEFAULT_PURGE_INTERVAL, DeletionLog.DEFAULT_CAPACITY);
    }

    public static PolicySettings from(CleanMailConfiguration configuration) {
        return from(configuration.section(PREFIX));
    }

    /** Reads the keys of the section, prefix removed. */
    public static PolicySettings from(Map<String, String> section) {
        SettingParser parser = new SettingParser(CleanMailConfiguration.FILE);
        Optional<String> defaultsFile = Optional.empty();
        Duration purgeInterval = DEFAULT_PURGE_INTERVAL;
        int capacity = DeletionLog.DEFAULT_CAPACITY;
        CleanMailConfiguration.rejectUnknownKeys(PREFIX, section, List.of(DEFAULTS_FILE, PURGE_INTERVAL,
            DELETION_LOG_CAPACITY));
        for (Map.Entry<String, String> setting : section.entrySet()) {
            String key = PREFIX + setting.getKey();
            String value = setting.getValue();
            switch (setting.getKey()) {
                case DEFAULTS_FILE:
                    defaultsFile = Optional.of(parser.parseNonBlank(key, value, key + "=file://conf/policies-defaults.json"));
                    break;
                case PURGE_INTERVAL:
                    purgeInterval = duration(parser, key, value);
                    break;
                case DELETION_LOG_CAPACITY:
                    capacity = positiveInt(parser, key, value);
                    break;
                default:
                    break;
            }
        }
        return new PolicySettings(defaultsFile, purgeInterval, capacity);
    }

    private static Duration duration(SettingParser parser, String key, String value) {
        Matcher matcher = DURATION.matcher(value.trim());
        if (!matcher.matches()) {
            throw parser.fail(key, "must be a duration such as 30m, 1h or 1d (0 turns the periodic purge off)",
                key + "=1h", value);
        }
        long amount = Long.parseLong(matcher.group(1));
        switch (matcher.group(2)) {
            case "m":
                return Duration.ofMinutes(amount);
            case "h":
                return Duration.ofHours(amount);
            case "d":
                return Duration.ofDays(amount);
            default:
                return Duration.ofSeconds(amount);
        }
    }

    private static int positiveInt(SettingParser parser, String key, String value) {
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw parser.fail(key, "must be a positive integer", key + "=" + DeletionLog.DEFAULT_CAPACITY, value);
    }

    /** The administrator's defaults file, a James URL or a path; empty for none. */
    public Optional<String> defaultsFile() {
        return defaultsFile;
    }

    /** How often the periodic purge runs; zero when it never does. */
    public Duration purgeInterval() {
        return purgeInterval;
    }

    public int deletionLogCapacity() {
        return deletionLogCapacity;
    }

    @Override
    public String toString() {
        return "PolicySettings{defaultsFile=" + defaultsFile.orElse("none") + ", purgeInterval=" + purgeInterval
            + ", deletionLogCapacity=" + deletionLogCapacity + "}";
    }
}
