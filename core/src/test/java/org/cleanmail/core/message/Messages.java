package org.cleanmail.core.message;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Builds test messages from readable text: LF line ends become CRLF. */
final class Messages {
    private Messages() {
    }

    static byte[] crlf(String text) {
        return crlf(text, StandardCharsets.UTF_8);
    }

    static byte[] crlf(String text, Charset charset) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(charset);
    }

    static MessageFeatures parse(String text) {
        return MessageParser.defaultParser().parse(crlf(text));
    }
}
