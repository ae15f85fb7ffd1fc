package org.cleanmail.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TextDecodingTest {
    @Test
    void lookupShouldForgiveCommonMisspellings() {
        assertThat(TextDecoding.lookup("\"UTF-8\"")).contains(StandardCharsets.UTF_8);
        assertThat(TextDecoding.lookup("iso8859-1")).contains(StandardCharsets.ISO_8859_1);
        assertThat(TextDecoding.lookup("x-iso-8859-15")).contains(Charset.forName("ISO-8859-15"));
        assertThat(TextDecoding.lookup("ks_c_5601-1987")).isPresent();
        assertThat(TextDecoding.lookup("x-user-defined")).contains(TextDecoding.WINDOWS_1252);
    }

    @Test
    void lookupShouldRejectBogusNames() {
        assertThat(TextDecoding.lookup("bogus")).isEmpty();
        assertThat(TextDecoding.lookup("")).isEmpty();
        assertThat(TextDecoding.lookup(null)).isEmpty();
        assertThat(TextDecoding.lookup("../../etc")).isEmpty();
        assertThat(TextDecoding.lookup("utf-8".repeat(20))).isEmpty();
    }

    @Test
    void decodeShouldSniffUtf8WhenTheDeclaredCharsetIsAsciiOrLatin1() {
        byte[] utf8 = "café".getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "café".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(TextDecoding.decode(utf8, utf8.length, "us-ascii")).isEqualTo("café");
        assertThat(TextDecoding.decode(latin1, latin1.length, "iso-8859-1")).isEqualTo("café");
        assertThat(TextDecoding.decode(latin1, latin1.length, null)).isEqualTo("café");
    }

    @Test
    void decodeShouldReadWindows1252ExtrasInLatin1Text() {
        byte[] quotes = {(byte) 0x93, 'h', 'i', (byte) 0x94, ' ', (byte) 0x80};

        assertThat(TextDecoding.decode(quotes, quotes.length, "ISO-8859-1")).isEqualTo("“hi” €");
    }

    @Test
    void decodeFullShouldKeepOneCharacterPerByteWhenNotUtf8() {
        byte[] bytes = {'a', (byte) 0xff, 0, 'b'};

        assertThat(TextDecoding.decodeFull(bytes, 1, 3)).isEqualTo("\u00ff\u0000b");
    }
}
