package org.cleanmail.james;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.apache.commons.configuration2.PropertiesConfiguration;
import org.cleanmail.core.scoring.ScoringOptions;
import org.junit.jupiter.api.Test;

class RulesConfigurationTest {
    private static final Path STATE = Path.of("/var/cleanmail");

    private static ScoringOptions scoring(String... keysAndValues) {
        PropertiesConfiguration properties = new PropertiesConfiguration();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.addProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return RulesConfiguration.from(CleanMailConfiguration.from(properties), STATE, Path::of).scoring();
    }

    @Test
    void absentKeysShouldGiveTheDefaultBudgetAndStrikePolicy() {
        ScoringOptions options = scoring();

        assertThat(options.ruleBudget()).isEqualTo(ScoringOptions.DEFAULT_RULE_BUDGET);
        assertThat(options.strikesBeforeDisabling()).isEqualTo(3);
        assertThat(options.strikeWindow()).isEqualTo(1000);
        assertThat(options.layoutMessages()).isEqualTo(ScoringOptions.DEFAULT_LAYOUT_MESSAGES).isEqualTo(200);
    }

    @Test
    void configuredLayoutMessagesShouldBeUsedAndZeroTurnsTheLayoutOff() {
        assertThat(scoring("rules.layout-messages", "1000").layoutMessages()).isEqualTo(1000);
        assertThat(scoring("rules.layout-messages", "0").layoutMessages()).isZero();
    }

    @Test
    void negativeLayoutMessagesShouldNameTheFileTheKeyAndAValidValue() {
        assertThatThrownBy(() -> scoring("rules.layout-messages", "-5"))
            .isInstanceOf(ConfigurationException.class)
            .hasMessage("cleanmail.properties: 'rules.layout-messages' must be a whole number from 0 (never) to 1000000, "
                + "e.g. rules.layout-messages=200; got '-5'");
    }

    @Test
    void configuredBudgetAndStrikePolicyShouldBeUsed() {
        ScoringOptions options = scoring("rules.budget-chars", "50M", "rules.strikes-before-disabling", "5",
            "rules.strike-window", "200");

        assertThat(options.ruleBudget()).isEqualTo(50L * 1024 * 1024);
        assertThat(options.strikesBeforeDisabling()).isEqualTo(5);
        assertThat(options.strikeWindow()).isEqualTo(200);
    }

    @Test
    void fractionalStrikesShouldNameTheFileTheKeyAndAValidValue() {
        assertThatThrownBy(() -> scoring("rules.strikes-before-disabling", "2.5"))
            .isInstanceOf(ConfigurationException.class)
            .hasMessage("cleanmail.properties: 'rules.strikes-before-disabling' must be a whole number of at least 1, "
                + "e.g. rules.strikes-before-disabling=3; got '2.5'");
    }

    @Test
    void tinyBudgetShouldNameTheKeyAndTheLimit() {
        assertThatThrownBy(() -> scoring("rules.budget-chars", "10"))
            .isInstanceOf(ConfigurationException.class)
            .hasMessageStartingWith("cleanmail.properties: 'rules.budget-chars' is out of range ('ruleBudget' must be at "
                + "least 1000 characters");
    }
}
