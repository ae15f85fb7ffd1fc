package org.cleanmail.core.message;

import java.nio.charset.Charset;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/**
 * Decodes RFC 2047 encoded-words ({@code =?charset?Q?...?=}) in a header value in linear
 * time: words are found here and each is handed to mime4j alone (mime4j's own scan of a
 * whole value is quadratic on hostile input such as a long run of {@code =?}). Whitespace
 * between two adjacent encoded-words is dropped, as RFC 2047 says. Unknown charsets fall
 * back to windows-1252 and are recorded as {@link MimeDefect#UNKNOWN_CHARSET}; declared
 * charsets are read as their superset (gb2312 as GBK...), see {@link TextDecoding}.
 */
final class EncodedWords {
    private static final Pattern ENCODED_WORD = Pattern.compile(
        "=\\?([^?\\s]{1,64}+)\\?([bBqQ])\\?([^?\\s]{0,4096}+)\\?=");

    private EncodedWords() {
    }

    static String decode(String value, Set<MimeDefect> defects) {
        if (!value.contains("=?")) {
            return value;
        }
        Matcher word = ENCODED_WORD.matcher(value);
        StringBuilder decoded = new StringBuilder(value.length());
        int last = 0;
        boolean afterWord = false;
        while (word.find()) {
            String between = value.substring(last, word.start());
            if (!afterWord || !between.isBlank()) {
                decoded.append(between);
            }
            String declared = word.group(1);
            int language = declared.indexOf('*');
            Optional<Charset> charset = TextDecoding.lookup(language < 0 ? declared : declared.substring(0, language));
            if (charset.isEmpty()) {
                defects.add(MimeDefect.UNKNOWN_CHARSET);
            }
            String known = charset.map(found -> TextDecoding.OVERRIDES.getOrDefault(found, found))
                .orElse(TextDecoding.WINDOWS_1252).name();
            decoded.append(decodeWord("=?" + known + "?" + word.group(2) + "?" + word.group(3) + "?="));
            last = word.end();
            afterWord = true;
        }
        decoded.append(value, last, value.length());
        return decoded.toString();
    }

    private static String decodeWord(String word) {
        try {
            return DecoderUtil.decodeEncodedWords(word, DecodeMonitor.SILENT, TextDecoding.WINDOWS_1252,
                TextDecoding.OVERRIDES);
        } catch (RuntimeException e) {
            return word;
        }
    }
}
