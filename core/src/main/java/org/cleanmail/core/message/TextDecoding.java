package org.cleanmail.core.message;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

/**
 * Turns bytes into text the way mail readers do: the declared charset when Java knows it,
 * windows-1252 for Latin-1 and ASCII (its superset, as browsers do), and for unknown or
 * missing charsets UTF-8 when the bytes are valid UTF-8, windows-1252 otherwise.
 */
final class TextDecoding {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /**
     * Decoding overrides: the superset that senders who declare these mean, as browsers
     * decode them (WHATWG Encoding Standard): gb2312 text is GBK, Latin-1 text is
     * windows-1252, and so on.
     */
    static final Map<Charset, Charset> OVERRIDES = supersets(Map.of(
        "ISO-8859-1", "windows-1252",
        "US-ASCII", "windows-1252",
        "GB2312", "GBK",
        "EUC-KR", "x-windows-949",
        "Shift_JIS", "windows-31j",
        "ISO-8859-9", "windows-1254",
        "TIS-620", "x-windows-874",
        "Big5", "Big5-HKSCS"));

    private static final int MAX_CHARSET_NAME = 40;

    /** Java looks unknown names up through every charset provider, slowly: spam repeats bogus names. */
    private static final LoadingCache<String, Optional<Charset>> LOOKUPS = Caffeine.newBuilder()
        .maximumSize(1000).build(TextDecoding::resolve);

    private TextDecoding() {
    }

    private static Map<Charset, Charset> supersets(Map<String, String> names) {
        Map<Charset, Charset> result = new HashMap<>();
        names.forEach((declared, superset) -> {
            if (Charset.isSupported(declared) && Charset.isSupported(superset)) {
                result.put(Charset.forName(declared), Charset.forName(superset));
            }
        });
        return Map.copyOf(result);
    }

    /** The Java charset for a MIME charset name, with common misspellings; empty if unknown. */
    static Optional<Charset> lookup(String mimeName) {
        if (mimeName == null) {
            return Optional.empty();
        }
        String name = mimeName.trim().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
        if (name.isEmpty() || name.length() > MAX_CHARSET_NAME) {
            return Optional.empty();
        }
        return LOOKUPS.get(name);
    }

    private static Optional<Charset> resolve(String name) {
        if (name.equals("x-user-defined")) {
            return Optional.of(WINDOWS_1252);
        }
        Optional<Charset> found = forName(name);
        if (found.isEmpty() && name.startsWith("x-")) {
            found = forName(name.substring(2));
        }
        if (found.isEmpty()) {
            found = forName(name.replace('_', '-'));
        }
        if (found.isEmpty() && name.startsWith("iso") && !name.startsWith("iso-")) {
            found = forName("iso-" + name.substring(3));
        }
        return found;
    }

    /** Whether the name denotes a charset this class can decode natively. */
    static boolean isKnown(String mimeName) {
        return lookup(mimeName).isPresent();
    }

    /** Decodes body text declared in {@code mimeName} (possibly null or bogus). */
    static String decode(byte[] bytes, int length, String mimeName) {
        Optional<Charset> declared = lookup(mimeName);
        if (declared.isPresent()) {
            Charset charset = OVERRIDES.getOrDefault(declared.get(), declared.get());
            if (!charset.equals(WINDOWS_1252)) {
                return new String(bytes, 0, length, charset);
            }
        }
        return decodeUndeclared(bytes, length);
    }

    /** UTF-8 if the bytes are valid UTF-8, windows-1252 otherwise. */
    static String decodeUndeclared(byte[] bytes, int length) {
        if (isAscii(bytes, 0, length)) {
            return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }
        return strictUtf8(bytes, 0, length).orElseGet(() -> new String(bytes, 0, length, WINDOWS_1252));
    }

    /** UTF-8 if the bytes are valid UTF-8, ISO-8859-1 (one char per byte) otherwise. */
    static String decodeFull(byte[] bytes, int offset, int length) {
        if (isAscii(bytes, offset, length)) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        return strictUtf8(bytes, offset, length)
            .orElseGet(() -> new String(bytes, offset, length, StandardCharsets.ISO_8859_1));
    }

    private static Optional<String> strictUtf8(byte[] bytes, int offset, int length) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, offset, length))
                .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean isAscii(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Charset> forName(String name) {
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }
}
