package org.cleanmail.archive;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;

import org.cleanmail.archive.crypto.KeyRing;
import org.cleanmail.core.message.MessageParser;

/**
 * How a {@link MessageArchive} is set up:
 * <table>
 * <caption>Settings</caption>
 * <tr><th>setting</th><th>default</th><th>meaning</th></tr>
 * <tr><td>folder</td><td>(required)</td><td>{@code content/} (encrypted blobs) and {@code index/} (Lucene) go there</td></tr>
 * <tr><td>keys</td><td>(required)</td><td>the key ring, usually from {@code KeyRingFile.load}</td></tr>
 * <tr><td>refreshInterval</td><td>500 ms</td><td>longest delay before an archived message is searchable</td></tr>
 * <tr><td>commitInterval</td><td>10 s</td><td>how often the index is made durable (content always is, at once)</td></tr>
 * <tr><td>maxMessageBytes</td><td>64 MiB</td><td>largest message archived</td></tr>
 * <tr><td>clock</td><td>system UTC</td><td>for retention ({@code purgeExpired})</td></tr>
 * <tr><td>idRandom</td><td>a {@link SecureRandom}</td><td>source of archive ids (seed one in tests)</td></tr>
 * <tr><td>parser</td><td>the default {@link MessageParser}</td><td>reads messages for the index</td></tr>
 * </table>
 * Immutable.
 */
public final class ArchiveSettings {
    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofMillis(500);
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

    private final Path folder;
    private final KeyRing keys;
    private final Duration refreshInterval;
    private final Duration commitInterval;
    private final int maxMessageBytes;
    private final Clock clock;
    private final Random idRandom;
    private final MessageParser parser;

    private ArchiveSettings(Builder builder) {
        this.folder = builder.folder;
        this.keys = builder.keys;
        this.refreshInterval = builder.refreshInterval;
        this.commitInterval = builder.commitInterval;
        this.maxMessageBytes = builder.maxMessageBytes;
        this.clock = builder.clock;
        this.idRandom = builder.idRandom == null ? new SecureRandom() : builder.idRandom;
        this.parser = builder.parser;
    }

    public static Builder builder(Path folder, KeyRing keys) {
        return new Builder(folder, keys);
    }

    public Path folder() {
        return folder;
    }

    public Path contentFolder() {
        return folder.resolve("content");
    }

    public Path indexFolder() {
        return folder.resolve("index");
    }

    public KeyRing keys() {
        return keys;
    }

    public Duration refreshInterval() {
        return refreshInterval;
    }

    public Duration commitInterval() {
        return commitInterval;
    }

    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    public Clock clock() {
        return clock;
    }

    Random idRandom() {
        return idRandom;
    }

    public MessageParser parser() {
        return parser;
    }

    @Override
    public String toString() {
        return "ArchiveSettings{folder=" + folder + ", " + keys + ", refresh " + refreshInterval + ", commit "
            + commitInterval + ", max " + maxMessageBytes + " bytes}";
    }

    /** Collects settings; bad values fail at once with a message naming the setting. */
    public static final class Builder {
        private final Path folder;
        private final KeyRing keys;
        private Duration refreshInterval = DEFAULT_REFRESH_INTERVAL;
        private Duration commitInterval = DEFAULT_COMMIT_INTERVAL;
        private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
        private Clock clock = Clock.systemUTC();
        private Random idRandom;
        private MessageParser parser = MessageParser.defaultParser();

        private Builder(Path folder, KeyRing keys) {
            this.folder = Objects.requireNonNull(folder, "archive folder");
            this.keys = Objects.requireNonNull(keys, "key ring");
        }

        public Builder refreshInterval(Duration interval) {
            this.refreshInterval = positive("refreshInterval", interval, "PT0.5S");
            return this;
        }

        public Builder commitInterval(Duration interval) {
            this.commitInterval = positive("commitInterval", interval, "PT10S");
            return this;
        }

        public Builder maxMessageBytes(int bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("'maxMessageBytes' must be a positive number of bytes, e.g. "
                    + DEFAULT_MAX_MESSAGE_BYTES + "; got " + bytes);
            }
            this.maxMessageBytes = bytes;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The source of archive ids; a seeded {@link Random} in tests. */
        public Builder idRandom(Random random) {
            this.idRandom = Objects.requireNonNull(random, "id random");
            return this;
        }

        public Builder parser(MessageParser parser) {
            this.parser = Objects.requireNonNull(parser, "parser");
            return this;
        }

        public ArchiveSettings build() {
            return new ArchiveSettings(this);
        }

        private static Duration positive(String name, Duration value, String example) {
            if (value == null || value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException("'" + name + "' must be a positive duration, e.g. " + example
                    + "; got " + value);
            }
            return value;
        }
    }
}
