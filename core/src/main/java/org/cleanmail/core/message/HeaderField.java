package org.cleanmail.core.message;

import java.util.Objects;

/**
 * One header field: its name as written, its raw value (unfolded, encoded-words left as
 * they are) and its decoded value (RFC 2047 encoded-words decoded, whitespace collapsed).
 */
public final class HeaderField {
    private final String name;
    private final String raw;
    private final String decoded;

    public HeaderField(String name, String raw, String decoded) {
        this.name = Objects.requireNonNull(name, "header name");
        this.raw = Objects.requireNonNull(raw, "raw header value");
        this.decoded = Objects.requireNonNull(decoded, "decoded header value");
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

    public boolean hasName(String other) {
        return name.equalsIgnoreCase(other);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof HeaderField)) {
            return false;
        }
        HeaderField other = (HeaderField) o;
        return name.equals(other.name) && raw.equals(other.raw) && decoded.equals(other.decoded);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, raw, decoded);
    }

    @Override
    public String toString() {
        return name + ": " + decoded;
    }
}
