package org.cleanmail.core.message;

import java.util.Objects;

/**
 * One header field: its name as written, its raw value (unfolded, encoded-words left as
 * they are), its decoded value (RFC 2047 encoded-words decoded, whitespace collapsed) and
 * its folded value (as written, line breaks of folding kept as {@code \n}, trimmed).
 */
public final class HeaderField {
    private final String name;
    private final String raw;
    private final String decoded;
    /** Null when the field was not folded (the folded value is then the raw one). */
    private final String folded;

    public HeaderField(String name, String raw, String decoded) {
        this(name, raw, decoded, raw);
    }

    /** @param folded the value as written, folding line breaks kept as {@code \n}, trimmed */
    public HeaderField(String name, String raw, String decoded, String folded) {
        this.name = Objects.requireNonNull(name, "header name");
        this.raw = Objects.requireNonNull(raw, "raw header value");
        this.decoded = Objects.requireNonNull(decoded, "decoded header value");
        this.folded = Objects.requireNonNull(folded, "folded header value").equals(raw) ? null : folded;
    }

    public String name() {
        return name;
    }

    public String raw() {
        return raw;
    }

    public String decoded() {
        return decoded;
    }

    /**
     * The value as written: undecoded, with the line breaks of folding kept as {@code \n}
     * (what SpamAssassin's {@code mimeheader ... :raw} rules match).
     */
    public String folded() {
        return folded == null ? raw : folded;
    }

    public boolean hasName(String other) {
        return name.equalsIgnoreCase(other);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof HeaderField)) {
            return false;
        }
        HeaderField other = (HeaderField) o;
        return name.equals(other.name) && raw.equals(other.raw) && decoded.equals(other.decoded)
            && Objects.equals(folded, other.folded);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, raw, decoded, folded);
    }

    @Override
    public String toString() {
        return name + ": " + decoded;
    }
}
