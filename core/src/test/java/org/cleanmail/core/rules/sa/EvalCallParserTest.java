package org.cleanmail.core.rules.sa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.cleanmail.core.rules.EvalCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EvalCallParserTest {
    @Test
    void parseShouldReadQuotedAndBareArguments() {
        assertThat(EvalCallParser.parse("check_rbl_sub('zen-lastexternal', \"127.0.0.[23]\", 5, yes)"))
            .contains(new EvalCall("check_rbl_sub", List.of("zen-lastexternal", "127.0.0.[23]", "5", "yes")));
    }

    @Test
    void parseShouldAcceptNoArguments() {
        assertThat(EvalCallParser.parse("check_dcc()")).contains(new EvalCall("check_dcc", List.of()));
    }

    @Test
    void parseShouldKeepCommasAndSpacesInsideQuotes() {
        assertThat(EvalCallParser.parse("check_hashbl_bodyre('bl.example', 'raw/max=10', '\\b(?<!=)([13][a-z]{25,34})\\b')")
            .orElseThrow().arguments()).containsExactly("bl.example", "raw/max=10", "\\b(?<!=)([13][a-z]{25,34})\\b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"check_foo", "check_foo('unterminated)", "(x)", "check foo()"})
    void parseShouldRejectMalformedCalls(String text) {
        assertThat(EvalCallParser.parse(text)).isEmpty();
    }
}
