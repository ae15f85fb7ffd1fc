package org.cleanmail.core.message;

import java.util.Set;

import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.util.ByteSequence;

/**
 * Makes a {@link HeaderField} of a mime4j field: the value read from the raw bytes (UTF-8
 * when valid, windows-1252 otherwise), cut at the length limit, unfolded, then decoded.
 */
final class HeaderFieldReader {
    private final int maxHeaderBytes;

    HeaderFieldReader(int maxHeaderBytes) {
        this.maxHeaderBytes = maxHeaderBytes;
    }

    /** The field; records a cut value in {@code limitsHit} and decoding trouble in {@code defects}. */
    HeaderField read(Field field, Set<LimitHit> limitsHit, Set<MimeDefect> defects) {
        String value = rawValue(field);
        if (value.length() > maxHeaderBytes) {
            limitsHit.add(LimitHit.HEADER_LENGTH);
            value = value.substring(0, maxHeaderBytes);
        }
        String raw = unfold(value).trim();
        return new HeaderField(field.getName(), raw, decode(raw, defects), folded(value));
    }

    /** A header value with encoded-words decoded and whitespace runs made one space. */
    static String decode(String raw, Set<MimeDefect> defects) {
        return collapseWhitespace(EncodedWords.decode(raw, defects));
    }

    private static String rawValue(Field field) {
        ByteSequence raw = field.getRaw();
        if (raw == null) {
            return field.getBody() == null ? "" : field.getBody();
        }
        byte[] bytes = raw.toByteArray();
        String line = TextDecoding.decodeUndeclared(bytes, bytes.length);
        int colon = line.indexOf(':');
        return colon < 0 ? "" : line.substring(colon + 1);
    }

    /** The value with CR dropped and LF kept, trimmed: folding as written. */
    private static String folded(String value) {
        return value.indexOf('\r') < 0 ? value.trim() : value.replace("\r", "").trim();
    }

    private static String unfold(String value) {
        if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        StringBuilder result = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\r' && c != '\n') {
                result.append(c);
            }
        }
        return result.toString();
    }

    private static String collapseWhitespace(String value) {
        StringBuilder result = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                space = result.length() > 0;
            } else {
                if (space) {
                    result.append(' ');
                    space = false;
                }
                result.append(c);
            }
        }
        return result.toString();
    }
}
