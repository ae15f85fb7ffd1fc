package org.cleanmail.james;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.commons.configuration2.Configuration;

/**
 * CleanMail's settings, read from {@code conf/cleanmail.properties}. Every key is
 * optional; a missing file means all defaults. An unknown key or a bad value fails the
 * start-up with a message naming the file, the key and a valid value.
 *
 * <pre>
 * # Score from which a message is spam.
 * scoring.threshold=5.0
 * # Messages larger than this are scanned by their head only (and marked truncated).
 * scan.max-message-size=4M
 * # Where the Quarantine mailet keeps spam and the status route counts it.
 * quarantine.repository=file://var/mail/quarantine/
 * # Folder of CleanMail's own stores (blacklists, fingerprints, ...), a James file:// URL.
 * state.directory=file://var/cleanmail/
 * </pre>
 *
 * Each feature reads the keys under its own prefix ({@code sender.}, {@code blacklist.},
 * ...) from {@link #section(String)} and rejects the unknown ones there.
 */
public final class CleanMailConfiguration {
    public static final String FILE_NAME = "cleanmail";
    public static final String FILE = FILE_NAME + ".properties";

    public static final String THRESHOLD = "scoring.threshold";
    public static final String MAX_MESSAGE_SIZE = "scan.max-message-size";
    public static final String QUARANTINE_REPOSITORY = "quarantine.repository";
    public static final String STATE_DIRECTORY = "state.directory";
    public static final List<String> KEYS = List.of(THRESHOLD, MAX_MESSAGE_SIZE, QUARANTINE_REPOSITORY, STATE_DIRECTORY);
    /** Prefixes of the keys that features read themselves, through {@link #section(String)}. */
    public static final List<String> SECTIONS = List.of("sender.", "blacklist.", "rules.", "fingerprints.", "bayes.",
        "policy.", "archive.");

    public static final double DEFAULT_THRESHOLD = 5.0;
    public static final long DEFAULT_MAX_MESSAGE_SIZE = 4L * 1024 * 1024;
    public static final String DEFAULT_QUARANTINE_REPOSITORY = "file://var/mail/quarantine/";
    public static final String DEFAULT_STATE_DIRECTORY = "file://var/cleanmail/";

    private static final long LARGEST_MAX_MESSAGE_SIZE = Integer.MAX_VALUE - 8;

    private final double threshold;
    private final int maxMessageSize;
    private final String quarantineRepository;
    private final String stateDirectory;
    private final Map<String, String> sectionKeys;

    public CleanMailConfiguration(double threshold, int maxMessageSize, String quarantineRepository) {
        this(threshold, maxMessageSize, quarantineRepository, DEFAULT_STATE_DIRECTORY, Map.of());
    }

    public CleanMailConfiguration(double threshold, int maxMessageSize, String quarantineRepository,
                                  String stateDirectory, Map<String, String> sectionKeys) {
        this.threshold = threshold;
        this.maxMessageSize = maxMessageSize;
        this.quarantineRepository = Objects.requireNonNull(quarantineRepository, "quarantineRepository");
        this.stateDirectory = Objects.requireNonNull(stateDirectory, "stateDirectory");
        this.sectionKeys = Map.copyOf(sectionKeys);
    }

    public static CleanMailConfiguration defaults() {
        return new CleanMailConfiguration(DEFAULT_THRESHOLD, (int) DEFAULT_MAX_MESSAGE_SIZE, DEFAULT_QUARANTINE_REPOSITORY);
    }

    public static CleanMailConfiguration from(Configuration configuration) {
        rejectUnknownKeys(configuration);
        SettingParser parser = new SettingParser(FILE);
        double threshold = read(configuration, THRESHOLD)
            .map(value -> parser.parseDouble(THRESHOLD, value, THRESHOLD + "=" + DEFAULT_THRESHOLD))
            .orElse(DEFAULT_THRESHOLD);
        long maxSize = read(configuration, MAX_MESSAGE_SIZE)
            .map(value -> parser.parseSize(MAX_MESSAGE_SIZE, value, MAX_MESSAGE_SIZE + "=4M"))
            .orElse(DEFAULT_MAX_MESSAGE_SIZE);
        if (maxSize < 1024 || maxSize > LARGEST_MAX_MESSAGE_SIZE) {
            throw parser.fail(MAX_MESSAGE_SIZE, "must be between 1K and 2047M", MAX_MESSAGE_SIZE + "=4M",
                configuration.getString(MAX_MESSAGE_SIZE));
        }
        String quarantine = read(configuration, QUARANTINE_REPOSITORY)
            .map(value -> parser.parseNonBlank(QUARANTINE_REPOSITORY, value,
                QUARANTINE_REPOSITORY + "=" + DEFAULT_QUARANTINE_REPOSITORY))
            .orElse(DEFAULT_QUARANTINE_REPOSITORY);
        String stateDirectory = read(configuration, STATE_DIRECTORY)
            .map(value -> parser.parseNonBlank(STATE_DIRECTORY, value, STATE_DIRECTORY + "=" + DEFAULT_STATE_DIRECTORY))
            .orElse(DEFAULT_STATE_DIRECTORY);
        Map<String, String> sectionKeys = new TreeMap<>();
        for (Iterator<String> keys = configuration.getKeys(); keys.hasNext(); ) {
            String key = keys.next();
            if (inSection(key)) {
                sectionKeys.put(key, String.join(",", configuration.getStringArray(key)));
            }
        }
        return new CleanMailConfiguration(threshold, (int) maxSize, quarantine, stateDirectory, sectionKeys);
    }

    private static boolean inSection(String key) {
        return SECTIONS.stream().anyMatch(key::startsWith);
    }

    private static Optional<String> read(Configuration configuration, String key) {
        return Optional.ofNullable(configuration.getString(key, null));
    }

    private static void rejectUnknownKeys(Configuration configuration) {
        Set<String> unknown = new TreeSet<>();
        for (Iterator<String> keys = configuration.getKeys(); keys.hasNext(); ) {
            String key = keys.next();
            if (!KEYS.contains(key) && !inSection(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new ConfigurationException(FILE + ": unknown key(s) " + unknown
                + "; the keys CleanMail reads are " + KEYS + " and those starting with " + SECTIONS
                + " (check the spelling, or remove the line)");
        }
    }

    /** Score from which a message is spam. */
    public double threshold() {
        return threshold;
    }

    /** Bytes of a message that scanning reads at most. */
    public int maxMessageSize() {
        return maxMessageSize;
    }

    /** URL of the James mail repository that holds quarantined mail. */
    public String quarantineRepository() {
        return quarantineRepository;
    }

    /**
     * Fails on a key of a feature's section that the feature does not read, naming the file,
     * the full key and the keys there are, e.g. {@code cleanmail.properties: unknown key
     * 'rules.folder'; the rules keys are rules.spamassassin-folder, rules.folders, rules.reload-seconds}.
     *
     * @param prefix the section's prefix, e.g. {@code "rules."}
     * @param section the section's keys, prefix removed
     * @param known the keys the feature reads, prefix removed, in the order the message lists them
     */
    public static void rejectUnknownKeys(String prefix, Map<String, String> section, Collection<String> known) {
        for (String key : new TreeSet<>(section.keySet())) {
            if (!known.contains(key)) {
                throw new ConfigurationException(FILE + ": unknown key '" + prefix + key + "'; the "
                    + prefix.substring(0, prefix.length() - 1) + " keys are "
                    + known.stream().map(name -> prefix + name).collect(Collectors.joining(", ")));
            }
        }
    }

    /** James URL ({@code file://...}) of the folder where CleanMail's own stores keep their files. */
    public String stateDirectory() {
        return stateDirectory;
    }

    /**
     * The keys of one feature's section, prefix removed: {@code section("sender.")} of
     * {@code sender.harvest.threshold=10} is {@code {harvest.threshold=10}}. The feature
     * validates them; its errors should name {@link #FILE} and the full key.
     */
    public Map<String, String> section(String prefix) {
        if (!SECTIONS.contains(prefix)) {
            throw new IllegalArgumentException("unknown section " + prefix + "; sections are " + SECTIONS);
        }
        Map<String, String> section = new TreeMap<>();
        sectionKeys.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                section.put(key.substring(prefix.length()), value);
            }
        });
        return section;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CleanMailConfiguration)) {
            return false;
        }
        CleanMailConfiguration other = (CleanMailConfiguration) o;
        return Double.compare(threshold, other.threshold) == 0 && maxMessageSize == other.maxMessageSize
            && quarantineRepository.equals(other.quarantineRepository) && stateDirectory.equals(other.stateDirectory)
            && sectionKeys.equals(other.sectionKeys);
    }

    @Override
    public int hashCode() {
        return Objects.hash(threshold, maxMessageSize, quarantineRepository, stateDirectory, sectionKeys);
    }

    @Override
    public String toString() {
        return "CleanMailConfiguration{threshold=" + threshold + ", maxMessageSize=" + maxMessageSize
            + ", quarantineRepository=" + quarantineRepository + ", stateDirectory=" + stateDirectory
            + ", sections=" + sectionKeys.keySet() + "}";
    }
}
