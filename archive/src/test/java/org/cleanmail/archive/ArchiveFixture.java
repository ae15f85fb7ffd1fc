package org.cleanmail.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import org.cleanmail.archive.crypto.KeyRing;
import org.cleanmail.archive.model.ArchiveId;
import org.cleanmail.archive.model.ArchiveMetadata;

/** Opens archives in a test folder with seeded ids and a fixed clock, and archives small messages. */
final class ArchiveFixture {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private final Path folder;
    private final Random ids = new Random(2026);

    ArchiveFixture(Path folder) {
        this.folder = folder;
    }

    MessageArchive open(KeyRing keys) throws IOException {
        return MessageArchive.open(settings(keys));
    }

    ArchiveSettings settings(KeyRing keys) {
        return ArchiveSettings.builder(folder, keys)
            .idRandom(ids)
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .refreshInterval(Duration.ofMillis(100))
            .build();
    }

    static ArchiveId archive(MessageArchive archive, String from, String to, String subject, String body, Instant at)
        throws IOException {
        return archive.archive(TestMessages.message(from, to, subject, body), metadata(from, to, at));
    }

    static ArchiveMetadata metadata(String from, String to, Instant at) {
        return ArchiveMetadata.builder(at)
            .envelopeSender(from)
            .envelopeRecipients(List.of(to))
            .remoteIp("192.0.2.1")
            .verdict("ham")
            .score(0.5)
            .build();
    }

    static Instant day(int day) {
        return Instant.parse("2026-01-01T10:00:00Z").plus(Duration.ofDays(day - 1));
    }
}
