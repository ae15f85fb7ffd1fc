package org.cleanmail.core.rules.regex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class RegexEscapesTest {
    @Test
    void hexShouldReadTwoDigitsOrBraces() {
        assertThat(RegexEscapes.hex("x41y", 1).value()).isEqualTo(0x41);
        assertThat(RegexEscapes.hex("x41y", 1).end()).isEqualTo(3);
        assertThat(RegexEscapes.hex("x{e4}z", 1).value()).isEqualTo(0xe4);
        assertThat(RegexEscapes.hex("x{e4}z", 1).end()).isEqualTo(5);
        assertThat(RegexEscapes.hex("x4", 1)).isNull();
        assertThat(RegexEscapes.hex("xzz", 1)).isNull();
        assertThat(RegexEscapes.hex("x{e4", 1)).isNull();
    }

    @Test
    void unicodeShouldReadFourDigits() {
        assertThat(RegexEscapes.unicode("u00e4", 1).value()).isEqualTo(0xe4);
        assertThat(RegexEscapes.unicode("u00e", 1)).isNull();
    }

    /** \0477 is \047 then 7, as Pattern reads it: a third digit only after 0 to 3. */
    @Test
    void octalShouldReadDigitsAsPatternDoes() {
        assertThat(RegexEscapes.octal("0377", 1).value()).isEqualTo(0377);
        assertThat(RegexEscapes.octal("0477", 1).value()).isEqualTo(047);
        assertThat(RegexEscapes.octal("0477", 1).end()).isEqualTo(3);
        assertThat(Pattern.compile("\\0477").matcher("'7").matches()).isTrue();
        assertThat(RegexEscapes.octal("08", 1)).isNull();
    }
}
