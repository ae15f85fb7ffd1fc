package org.cleanmail.james;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;

import org.apache.commons.configuration2.PropertiesConfiguration;
import org.junit.jupiter.api.Test;

class CleanMailConfigurationTest {
    @Test
    void fromShouldReadEveryKey() {
        PropertiesConfiguration properties = new PropertiesConfiguration();
        properties.addProperty("scoring.threshold", "7.5");
        properties.addProperty("scan.max-message-size", "512K");
        properties.addProperty("quarantine.repository", "memory://var/mail/q/");

        assertThat(CleanMailConfiguration.from(properties))
            .isEqualTo(new CleanMailConfiguration(7.5, 512 * 1024, "memory://var/mail/q/"));
    }

    @Test
    void fromShouldUseDefaultsForMissingKeys() {
        assertThat(CleanMailConfiguration.from(new PropertiesConfiguration())).isEqualTo(CleanMailConfiguration.defaults());
    }

    @Test
    void fromShouldNameFileKeyAndAValidValueWhenTheThresholdIsNotANumber() {
        PropertiesConfiguration properties = new PropertiesConfiguration();
        properties.addProperty("scoring.threshold", "high");

        assertThatThrownBy(() -> CleanMailConfiguration.from(properties))
            .isInstanceOf(ConfigurationException.class)
            .hasMessage("cleanmail.properties: 'scoring.threshold' must be a number, e.g. scoring.threshold=5.0; got 'high'");
    }

    @Test
    void fromShouldRejectAMisspelledKey() {
        PropertiesConfiguration properties = new PropertiesConfiguration();
        properties.addProperty("scoring.treshold", "5");

        assertThatThrownBy(() -> CleanMailConfiguration.from(properties))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("cleanmail.properties: unknown key(s) [scoring.treshold]")
            .hasMessageContaining("scoring.threshold");
    }

    @Test
    void fromShouldRejectASizeWithoutANumber() {
        PropertiesConfiguration properties = new PropertiesConfiguration();
        properties.addProperty("scan.max-message-size", "big");

        assertThatThrownBy(() -> CleanMailConfiguration.from(properties))
            .hasMessage("cleanmail.properties: 'scan.max-message-size' must be a size such as 512K, 4M or 1G, "
                + "e.g. scan.max-message-size=4M; got 'big'");
    }

    @Test
    void fromShouldRejectASizeTooLargeToScanInMemory() {
        PropertiesConfiguration properties = new PropertiesConfiguration();
        properties.addProperty("scan.max-message-size", "3G");

        assertThatThrownBy(() -> CleanMailConfiguration.from(properties))
            .hasMessageContaining("'scan.max-message-size' must be between 1K and 2047M");
    }

    @Test
    void fromShouldRejectAnEmptyQuarantineRepository() {
        PropertiesConfiguration properties = new PropertiesConfiguration();
        properties.addProperty("quarantine.repository", " ");

        assertThatThrownBy(() -> CleanMailConfiguration.from(properties))
            .hasMessageContaining("'quarantine.repository' must not be empty");
    }

    @Test
    void fromShouldReadTheStateDirectory() {
        PropertiesConfiguration properties = new PropertiesConfiguration();
        properties.addProperty("state.directory", "file://var/cm/");

        assertThat(CleanMailConfiguration.from(properties).stateDirectory()).isEqualTo("file://var/cm/");
        assertThat(CleanMailConfiguration.defaults().stateDirectory()).isEqualTo("file://var/cleanmail/");
    }

    @Test
    void sectionShouldGiveAFeatureItsKeysWithoutThePrefix() {
        PropertiesConfiguration properties = new PropertiesConfiguration();
        properties.addProperty("sender.harvest.threshold", "10");
        properties.addProperty("sender.trusted-networks", "127.0.0.1/32, 10.0.0.0/8");
        properties.addProperty("blacklist.file", "blacklist.txt");

        CleanMailConfiguration configuration = CleanMailConfiguration.from(properties);

        assertThat(configuration.section("sender.")).containsOnly(
            entry("harvest.threshold", "10"),
            entry("trusted-networks", "127.0.0.1/32, 10.0.0.0/8"));
        assertThat(configuration.section("blacklist.")).containsOnlyKeys("file");
        assertThat(configuration.section("rules.")).isEmpty();
    }

    @Test
    void sectionShouldRejectAnUnknownSection() {
        assertThatThrownBy(() -> CleanMailConfiguration.defaults().section("nosuch."))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectUnknownKeysShouldNameTheFullKeyAndTheKeysThereAre() {
        assertThatThrownBy(() -> CleanMailConfiguration.rejectUnknownKeys("rules.", Map.of("folder", "/x"),
                RulesConfiguration.KEYS))
            .isInstanceOf(ConfigurationException.class)
            .hasMessage("cleanmail.properties: unknown key 'rules.folder'; the rules keys are "
                + "rules.spamassassin-folder, rules.folders, rules.reload-seconds, rules.budget-chars, "
                + "rules.strikes-before-disabling, rules.strike-window, rules.layout-messages");
    }

    @Test
    void rejectUnknownKeysShouldAcceptTheKnownKeys() {
        CleanMailConfiguration.rejectUnknownKeys("fingerprints.", Map.of("enabled", "true", "ttl-days", "3"),
            FingerprintConfiguration.KEYS);
    }

    @Test
    void fingerprintAndRulesSectionsShouldRefuseAMisspelledKey() {
        PropertiesConfiguration properties = new PropertiesConfiguration();
        properties.addProperty("fingerprints.score.fuzy", "6");
        CleanMailConfiguration configuration = CleanMailConfiguration.from(properties);

        assertThatThrownBy(() -> FingerprintConfiguration.from(configuration))
            .hasMessageStartingWith("cleanmail.properties: unknown key 'fingerprints.score.fuzy'; the fingerprints keys are "
                + "fingerprints.enabled, fingerprints.score.exact");
    }
}
