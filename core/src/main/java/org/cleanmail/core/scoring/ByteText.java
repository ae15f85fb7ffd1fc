package org.cleanmail.core.scoring;

import java.nio.charset.StandardCharsets;

/**
 * Presents text the way SpamAssassin's patterns see it: one char per byte of its UTF-8
 * encoding, because rule files are read as ISO-8859-1 and patterns such as
 * {@code \xC3\xA4} stand for UTF-8 bytes. ASCII text is returned as it is.
 */
final class ByteText {
    private ByteText() {
    }

    static String of(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (text.charAt(i) >= 0x80) {
                return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
            }
        }
        return text;
    }
}
