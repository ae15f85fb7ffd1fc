package org.cleanmail.james.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.cleanmail.archive.crypto.KeyRing;
import org.cleanmail.archive.model.Direction;
import org.cleanmail.james.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArchiveSettingsSectionTest {
    @TempDir
    Path folder;

    @Test
    void anEmptySectionShouldGiveTheDefaults() {
        ArchiveSettingsSection settings = ArchiveSettingsSection.from(Map.of());

        assertThat(settings.enabled()).isFalse();
        assertThat(settings.policy()).isEqualTo(ArchivePolicy.ALL);
        assertThat(settings.keyFile()).isEmpty();
        assertThat(settings.retention()).isEqualTo(Duration.ofDays(2555));
        assertThat(settings.queueCapacity()).isEqualTo(1000);
        assertThat(settings.retries()).isEqualTo(3);
        assertThat(settings.enqueueTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void everyKeyShouldBeRead() {
        ArchiveSettingsSection settings = ArchiveSettingsSection.from(Map.of("enabled", "true", "policy", "Legitimate",
            "key-file", "file://conf/archive.keys", "retention-days", "90", "queue-capacity", "10", "retries", "0",
            "enqueue-timeout-seconds", "5"));

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.policy()).isEqualTo(ArchivePolicy.LEGITIMATE);
        assertThat(settings.keyFile()).contains("file://conf/archive.keys");
        assertThat(settings.retention()).isEqualTo(Duration.ofDays(90));
        assertThat(settings.queueCapacity()).isEqualTo(10);
        assertThat(settings.retries()).isZero();
        assertThat(settings.enqueueTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "enabled|treu|cleanmail.properties: 'archive.enabled' must be true or false, e.g. archive.enabled=true; got 'treu'",
        "policy|spam|cleanmail.properties: 'archive.policy' must be all, inbound, legitimate or none,"
            + " e.g. archive.policy=all; got 'spam'",
        "retention-days|0|cleanmail.properties: 'archive.retention-days' must be a positive whole number,"
            + " e.g. archive.retention-days=2555; got '0'",
        "retries|-1|cleanmail.properties: 'archive.retries' must be a whole number, 0 or more, e.g. archive.retries=3;"
            + " got '-1'",
        "queue-capacity|lots|cleanmail.properties: 'archive.queue-capacity' must be a positive whole number,"
            + " e.g. archive.queue-capacity=1000; got 'lots'"})
    void aBadValueShouldNameTheFileTheKeyAndAValidValue(String key, String value, String message) {
        assertThatThrownBy(() -> ArchiveSettingsSection.from(Map.of(key, value)))
            .isInstanceOf(ConfigurationException.class)
            .hasMessage(message);
    }

    @Test
    void anUnknownKeyShouldBeRejected() {
        assertThatThrownBy(() -> ArchiveSettingsSection.from(Map.of("polcy", "all")))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageStartingWith("cleanmail.properties: unknown key 'archive.polcy'; the archive keys are archive.enabled,");
    }

    @ParameterizedTest
    @CsvSource({
        "ALL, INBOUND, true, true", "ALL, OUTBOUND, false, true",
        "INBOUND, INBOUND, true, true", "INBOUND, OUTBOUND, false, false",
        "LEGITIMATE, INBOUND, true, false", "LEGITIMATE, INBOUND, false, true",
        "NONE, INBOUND, false, false"})
    void policiesShouldDecide(ArchivePolicy policy, Direction direction, boolean spam, boolean archived) {
        assertThat(policy.accepts(direction, Optional.of(spam))).isEqualTo(archived);
    }

    @Test
    void legitimateShouldArchiveMailThatWasNotScored() {
        assertThat(ArchivePolicy.LEGITIMATE.accepts(Direction.INBOUND, Optional.empty())).isTrue();
    }

    @Test
    void aMissingKeyFileShouldBeGeneratedOwnerOnly() throws Exception {
        Path file = folder.resolve("archive.keys");
        Clock clock = Clock.fixed(Instant.parse("2026-03-04T00:00:00Z"), ZoneOffset.UTC);

        KeyRing keys = ArchiveKeyFile.loadOrGenerate(file, clock);

        assertThat(keys.active().id()).isEqualTo("2026-03");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(ArchiveKeyFile.loadOrGenerate(file, clock).ids()).containsExactly("2026-03");
    }

    @Test
    void aConfiguredKeyFileMustExist() {
        assertThatThrownBy(() -> ArchiveKeyFile.load(folder.resolve("missing.keys")))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("'archive.key-file' names " + folder.resolve("missing.keys") + ", which does not exist");
    }
}
