package org.cleanmail.james;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.commons.configuration2.PropertiesConfiguration;
import org.cleanmail.core.pipeline.BayesOptions;
import org.junit.jupiter.api.Test;

class BayesConfigurationTest {
    private static CleanMailConfiguration configuration(Map<String, String> keys) {
        PropertiesConfiguration properties = new PropertiesConfiguration();
        keys.forEach(properties::addProperty);
        return CleanMailConfiguration.from(properties);
    }

    @Test
    void noKeyShouldGiveTheDefaults() {
        BayesOptions options = BayesConfiguration.from(configuration(Map.of()));
        assertThat(options.enabled()).isTrue();
        assertThat(options.minimumSpam()).isEqualTo(200);
        assertThat(options.minimumHam()).isEqualTo(200);
        assertThat(options.maximumTokens()).isEqualTo(1_000_000);
        assertThat(options.hamLearnThreshold()).isEqualTo(0.1);
    }

    @Test
    void everyKeyShouldBeRead() {
        BayesOptions options = BayesConfiguration.from(configuration(Map.of("bayes.enabled", "false",
            "bayes.min-spam", "50", "bayes.min-ham", "80", "bayes.max-tokens", "200000",
            "bayes.learn.ham-threshold", "-1.5")));
        assertThat(options.enabled()).isFalse();
        assertThat(options.minimumSpam()).isEqualTo(50);
        assertThat(options.minimumHam()).isEqualTo(80);
        assertThat(options.maximumTokens()).isEqualTo(200_000);
        assertThat(options.hamLearnThreshold()).isEqualTo(-1.5);
    }

    @Test
    void aFractionalMinimumShouldBeRefusedWithTheKeyAndAnExample() {
        assertThatThrownBy(() -> BayesConfiguration.from(configuration(Map.of("bayes.min-spam", "2.5"))))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("cleanmail.properties")
            .hasMessageContaining("bayes.min-spam")
            .hasMessageContaining("bayes.min-spam=200");
    }

    @Test
    void aHamThresholdAtTheSpamThresholdShouldBeRefused() {
        assertThatThrownBy(() -> BayesConfiguration.from(configuration(Map.of("bayes.learn.ham-threshold", "5.0"))))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("bayes.learn.ham-threshold")
            .hasMessageContaining("below scoring.threshold");
    }

    @Test
    void aMisspelledKeyShouldBeRefused() {
        assertThatThrownBy(() -> BayesConfiguration.from(configuration(Map.of("bayes.min-spams", "10"))))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageContaining("bayes.min-spams");
    }
}
