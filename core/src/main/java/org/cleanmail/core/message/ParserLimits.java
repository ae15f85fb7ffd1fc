package org.cleanmail.core.message;

import java.util.Objects;

/**
 * The caps that keep parsing one message bounded in time and memory, whatever the
 * message holds. When a message reaches a cap the parser stops or skips there and
 * records a {@link LimitHit}; it never fails.
 *
 * <table>
 * <caption>Limits and their defaults</caption>
 * <tr><td>maxMessageBytes</td><td>bytes of the raw message parsed</td><td>{@value #DEFAULT_MAX_MESSAGE_BYTES}</td></tr>
 * <tr><td>maxPartBytes</td><td>decoded bytes read from one text part</td><td>{@value #DEFAULT_MAX_PART_BYTES}</td></tr>
 * <tr><td>maxTextBytes</td><td>decoded text bytes read over all parts</td><td>{@value #DEFAULT_MAX_TEXT_BYTES}</td></tr>
 * <tr><td>maxParts</td><td>MIME entities parsed</td><td>{@value #DEFAULT_MAX_PARTS}</td></tr>
 * <tr><td>maxDepth</td><td>nesting depth of multiparts and attached messages</td><td>{@value #DEFAULT_MAX_DEPTH}</td></tr>
 * <tr><td>maxHeaders</td><td>header fields kept per entity</td><td>{@value #DEFAULT_MAX_HEADERS}</td></tr>
 * <tr><td>maxHeaderBytes</td><td>characters kept of one header field</td><td>{@value #DEFAULT_MAX_HEADER_BYTES}</td></tr>
 * <tr><td>maxPartHeaderBytes</td><td>characters of header fields kept over all MIME parts below the top</td><td>{@value #DEFAULT_MAX_PART_HEADER_BYTES}</td></tr>
 * <tr><td>maxHtmlBytes</td><td>characters of one HTML part given to the HTML parser</td><td>{@value #DEFAULT_MAX_HTML_BYTES}</td></tr>
 * <tr><td>maxUris</td><td>distinct URIs kept</td><td>{@value #DEFAULT_MAX_URIS}</td></tr>
 * </table>
 */
public final class ParserLimits {
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
    public static final int DEFAULT_MAX_PART_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_TEXT_BYTES = 4 * 1024 * 1024;
    public static final int DEFAULT_MAX_PARTS = 500;
    public static final int DEFAULT_MAX_DEPTH = 20;
    public static final int DEFAULT_MAX_HEADERS = 1000;
    public static final int DEFAULT_MAX_HEADER_BYTES = 64 * 1024;
    public static final int DEFAULT_MAX_PART_HEADER_BYTES = 256 * 1024;
    public static final int DEFAULT_MAX_HTML_BYTES = 512 * 1024;
    public static final int DEFAULT_MAX_URIS = 1000;

    private static final ParserLimits DEFAULTS = builder().build();

    private final int maxMessageBytes;
    private final int maxPartBytes;
    private final int maxTextBytes;
    private final int maxParts;
    private final int maxDepth;
    private final int maxHeaders;
    private final int maxHeaderBytes;
    private final int maxHtmlBytes;
    private final int maxUris;
    private final int maxPartHeaderBytes;

    private ParserLimits(Builder builder) {
        this.maxMessageBytes = builder.maxMessageBytes;
        this.maxPartBytes = builder.maxPartBytes;
        this.maxTextBytes = builder.maxTextBytes;
        this.maxParts = builder.maxParts;
        this.maxDepth = builder.maxDepth;
        this.maxHeaders = builder.maxHeaders;
        this.maxHeaderBytes = builder.maxHeaderBytes;
        this.maxHtmlBytes = builder.maxHtmlBytes;
        this.maxUris = builder.maxUris;
        this.maxPartHeaderBytes = builder.maxPartHeaderBytes;
    }

    public static ParserLimits defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int maxMessageBytes() {
        return maxMessageBytes;
    }

    public int maxPartBytes() {
        return maxPartBytes;
    }

    public int maxTextBytes() {
        return maxTextBytes;
    }

    public int maxParts() {
        return maxParts;
    }

    public int maxDepth() {
        return maxDepth;
    }

    public int maxHeaders() {
        return maxHeaders;
    }

    public int maxHeaderBytes() {
        return maxHeaderBytes;
    }

    public int maxHtmlBytes() {
        return maxHtmlBytes;
    }

    /** Characters of header fields (names and values) kept over all MIME parts below the top header. */
    public int maxPartHeaderBytes() {
        return maxPartHeaderBytes;
    }

    public int maxUris() {
        return maxUris;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ParserLimits)) {
            return false;
        }
        ParserLimits other = (ParserLimits) o;
        return maxMessageBytes == other.maxMessageBytes && maxPartBytes == other.maxPartBytes
            && maxTextBytes == other.maxTextBytes && maxParts == other.maxParts
            && maxDepth == other.maxDepth && maxHeaders == other.maxHeaders
            && maxHeaderBytes == other.maxHeaderBytes && maxHtmlBytes == other.maxHtmlBytes
            && maxUris == other.maxUris && maxPartHeaderBytes == other.maxPartHeaderBytes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxMessageBytes, maxPartBytes, maxTextBytes, maxParts, maxDepth,
            maxHeaders, maxHeaderBytes, maxHtmlBytes, maxUris, maxPartHeaderBytes);
    }

    @Override
    public String toString() {
        return "ParserLimits{maxMessageBytes=" + maxMessageBytes + ", maxPartBytes=" + maxPartBytes
            + ", maxTextBytes=" + maxTextBytes + ", maxParts=" + maxParts + ", maxDepth=" + maxDepth
            + ", maxHeaders=" + maxHeaders + ", maxHeaderBytes=" + maxHeaderBytes
            + ", maxHtmlBytes=" + maxHtmlBytes + ", maxUris=" + maxUris
            + ", maxPartHeaderBytes=" + maxPartHeaderBytes + "}";
    }

    /** Starts from the defaults; every limit must be positive. */
    public static final class Builder {
        private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
        private int maxPartBytes = DEFAULT_MAX_PART_BYTES;
        private int maxTextBytes = DEFAULT_MAX_TEXT_BYTES;
        private int maxParts = DEFAULT_MAX_PARTS;
        private int maxDepth = DEFAULT_MAX_DEPTH;
        private int maxHeaders = DEFAULT_MAX_HEADERS;
        private int maxHeaderBytes = DEFAULT_MAX_HEADER_BYTES;
        private int maxHtmlBytes = DEFAULT_MAX_HTML_BYTES;
        private int maxUris = DEFAULT_MAX_URIS;
        private int maxPartHeaderBytes = DEFAULT_MAX_PART_HEADER_BYTES;

        private Builder() {
        }

        public Builder maxMessageBytes(int value) {
            this.maxMessageBytes = positive("maxMessageBytes", value);
            return this;
        }

        public Builder maxPartBytes(int value) {
            this.maxPartBytes = positive("maxPartBytes", value);
            return this;
        }

        public Builder maxTextBytes(int value) {
            this.maxTextBytes = positive("maxTextBytes", value);
            return this;
        }

        public Builder maxParts(int value) {
            this.maxParts = positive("maxParts", value);
            return this;
        }

        public Builder maxDepth(int value) {
            this.maxDepth = positive("maxDepth", value);
            return this;
        }

        public Builder maxHeaders(int value) {
            this.maxHeaders = positive("maxHeaders", value);
            return this;
        }

        public Builder maxHeaderBytes(int value) {
            this.maxHeaderBytes = positive("maxHeaderBytes", value);
            return this;
        }

        public Builder maxHtmlBytes(int value) {
            this.maxHtmlBytes = positive("maxHtmlBytes", value);
            return this;
        }

        public Builder maxUris(int value) {
            this.maxUris = positive("maxUris", value);
            return this;
        }

        public Builder maxPartHeaderBytes(int value) {
            this.maxPartHeaderBytes = positive("maxPartHeaderBytes", value);
            return this;
        }

        public ParserLimits build() {
            return new ParserLimits(this);
        }

        private static int positive(String name, int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("'" + name + "' must be a positive number, e.g. "
                    + name + "(1000); got " + value);
            }
            return value;
        }
    }
}
