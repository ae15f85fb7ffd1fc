package org.cleanmail.james.archive;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cleanmail.james.CleanMailConfiguration;
import org.cleanmail.james.ConfigurationException;
import org.cleanmail.james.SettingParser;

/**
 * The {@code archive.} keys of {@code cleanmail.properties}, validated:
 * <pre>
 * archive.enabled=true
 * archive.policy=all
 * archive.key-file=file://conf/archive.keys
 * archive.retention-days=2555
 * archive.queue-capacity=1000
 * archive.retries=3
 * archive.enqueue-timeout-seconds=30
 * </pre>
 * The archive is off unless {@code archive.enabled=true}: keeping a copy of every mail is a
 * decision for the organisation, not a default. Without {@code archive.key-file}, a key file
 * is generated in the state folder on first start ({@value #GENERATED_KEY_FILE}). Errors
 * name the file, the full key and a valid value. Immutable.
 */
public final class ArchiveSettingsSection {
    public static final String PREFIX = "archive.";
    public static final String ENABLED = "enabled";
    public static final String POLICY = "policy";
    public static final String KEY_FILE = "key-file";
    public static final String RETENTION_DAYS = "retention-days";
    public static final String QUEUE_CAPACITY = "queue-capacity";
    public static final String RETRIES = "retries";
    public static final String ENQUEUE_TIMEOUT_SECONDS = "enqueue-timeout-seconds";
    public static final List<String> KEYS = List.of(ENABLED, POLICY, KEY_FILE, RETENTION_DAYS, QUEUE_CAPACITY, RETRIES,
        ENQUEUE_TIMEOUT_SECONDS);

    public static final boolean DEFAULT_ENABLED = false;
    public static final ArchivePolicy DEFAULT_POLICY = ArchivePolicy.ALL;
    public static final int DEFAULT_RETENTION_DAYS = 2555;
    public static final int DEFAULT_QUEUE_CAPACITY = 1000;
    public static final int DEFAULT_RETRIES = 3;
    public static final int DEFAULT_ENQUEUE_TIMEOUT_SECONDS = 30;
    /** Name of the key file generated in the state folder when no key file is configured. */
    public static final String GENERATED_KEY_FILE = "archive.keys";

    private final boolean enabled;
    private final ArchivePolicy policy;
    private final Optional<String> keyFile;
    private final int retentionDays;
    private final int queueCapacity;
    private final int retries;
    private final int enqueueTimeoutSeconds;

    public ArchiveSettingsSection(boolean enabled, ArchivePolicy policy, Optional<String> keyFile, int retentionDays,
                                  int queueCapacity, int retries, int enqueueTimeoutSeconds) {
        this.enabled = enabled;
        this.policy = policy;
        this.keyFile = keyFile;
        this.retentionDays = retentionDays;
        this.queueCapacity = queueCapacity;
        this.retries = retries;
        this.enqueueTimeoutSeconds = enqueueTimeoutSeconds;
    }

    public static ArchiveSettingsSection from(CleanMailConfiguration configuration) {
        return from(configuration.section(PREFIX));
    }

    /**
     * Reads the section's keys, prefix removed.
     *
     * @throws ConfigurationException naming cleanmail.properties, the full key and a valid value
     */
    public static ArchiveSettingsSection from(Map<String, String> section) {
        SettingParser parser = new SettingParser(CleanMailConfiguration.FILE);
        CleanMailConfiguration.rejectUnknownKeys(PREFIX, section, KEYS);
        boolean enabled = Optional.ofNullable(section.get(ENABLED))
            .map(value -> parser.parseBoolean(PREFIX + ENABLED, value, PREFIX + ENABLED + "=true"))
            .orElse(DEFAULT_ENABLED);
        ArchivePolicy policy = Optional.ofNullable(section.get(POLICY))
            .map(value -> ArchivePolicy.parse(value).orElseThrow(() -> parser.fail(PREFIX + POLICY,
                "must be all, inbound, legitimate or none", PREFIX + POLICY + "=all", value)))
            .orElse(DEFAULT_POLICY);
        Optional<String> keyFile = Optional.ofNullable(section.get(KEY_FILE))
            .map(value -> parser.parseNonBlank(PREFIX + KEY_FILE, value, PREFIX + KEY_FILE + "=file://conf/archive.keys"));
        int retention = positive(parser, section, RETENTION_DAYS, DEFAULT_RETENTION_DAYS);
        int capacity = positive(parser, section, QUEUE_CAPACITY, DEFAULT_QUEUE_CAPACITY);
        int retries = Optional.ofNullable(section.get(RETRIES))
            .map(value -> integer(parser, RETRIES, value, 0, "3"))
            .orElse(DEFAULT_RETRIES);
        int timeout = positive(parser, section, ENQUEUE_TIMEOUT_SECONDS, DEFAULT_ENQUEUE_TIMEOUT_SECONDS);
        return new ArchiveSettingsSection(enabled, policy, keyFile, retention, capacity, retries, timeout);
    }

    private static int positive(SettingParser parser, Map<String, String> section, String key, int defaultValue) {
        return Optional.ofNullable(section.get(key))
            .map(value -> integer(parser, key, value, 1, String.valueOf(defaultValue)))
            .orElse(defaultValue);
    }

    private static int integer(SettingParser parser, String key, String value, int minimum, String example) {
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= minimum) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw parser.fail(PREFIX + key, minimum == 0 ? "must be a whole number, 0 or more" : "must be a positive whole number",
            PREFIX + key + "=" + example, value);
    }

    public boolean enabled() {
        return enabled;
    }

    public ArchivePolicy policy() {
        return policy;
    }

    /** The configured key file (a path or a James URL); empty: generated in the state folder. */
    public Optional<String> keyFile() {
        return keyFile;
    }

    public Duration retention() {
        return Duration.ofDays(retentionDays);
    }

    public int queueCapacity() {
        return queueCapacity;
    }

    /** Attempts after the first failure before the mail copy goes to the archive-error repository. */
    public int retries() {
        return retries;
    }

    /** Longest wait of the mailet when the queue is full. */
    public Duration enqueueTimeout() {
        return Duration.ofSeconds(enqueueTimeoutSeconds);
    }

    @Override
    public String toString() {
        return "ArchiveSettings{enabled=" + enabled + ", policy=" + policy.keyword() + ", keyFile="
            + keyFile.orElse("(generated)") + ", retentionDays=" + retentionDays + ", queueCapacity=" + queueCapacity
            + ", retries=" + retries + ", enqueueTimeout=" + enqueueTimeoutSeconds + "s}";
    }
}
