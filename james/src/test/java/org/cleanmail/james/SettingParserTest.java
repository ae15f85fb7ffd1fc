package org.cleanmail.james;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SettingParserTest {
    private final SettingParser parser = new SettingParser("mailet ScoreMessage");

    @ParameterizedTest
    @CsvSource({"100, 100", "1K, 1024", "4M, 4194304", "4mb, 4194304", "1G, 1073741824"})
    void parseSizeShouldUnderstandUnits(String text, long bytes) {
        assertThat(parser.parseSize("size", text, "size=4M")).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRUE", "true", " false "})
    void parseBooleanShouldAcceptTrueAndFalseInAnyCase(String text) {
        assertThat(parser.parseBoolean("flag", text, "<flag>true</flag>")).isEqualTo(text.trim().equalsIgnoreCase("true"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"treu", "yes", "1", ""})
    void parseBooleanShouldRejectAnythingElse(String text) {
        assertThatThrownBy(() -> parser.parseBoolean("flag", text, "<flag>true</flag>"))
            .hasMessage("mailet ScoreMessage: 'flag' must be true or false, e.g. <flag>true</flag>; got '" + text + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "5,0"})
    void parseDoubleShouldRejectNonFiniteAndLocalisedNumbers(String text) {
        assertThatThrownBy(() -> parser.parseDouble("threshold", text, "5.0"))
            .isInstanceOf(ConfigurationException.class);
    }
}
