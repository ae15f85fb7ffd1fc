package org.cleanmail.core.blacklist;

import java.util.Locale;
import java.util.Optional;

/**
 * What a blacklist entry matches, with its keyword in list files and the public reason
 * code it gets unless the entry names another one.
 */
public enum EntryKind {
    /** One client IP address (IPv4 or IPv6). */
    IP("ip", "CM-BL-IP"),
    /** A network of client IP addresses, e.g. {@code 198.51.100.0/24}. */
    CIDR("cidr", "CM-BL-NET"),
    /** A sender domain (the domain of MAIL FROM), optionally with its subdomains. */
    DOMAIN("domain", "CM-BL-DOMAIN"),
    /** A sender address (MAIL FROM), compared lower-cased. */
    ADDRESS("address", "CM-BL-ADDRESS"),
    /** A HELO/EHLO name, compared lower-cased. */
    HELO("helo", "CM-BL-HELO");

    private final String keyword;
    private final String defaultCode;

    EntryKind(String keyword, String defaultCode) {
        this.keyword = keyword;
        this.defaultCode = defaultCode;
    }

    public String keyword() {
        return keyword;
    }

    public String defaultCode() {
        return defaultCode;
    }

    public static Optional<EntryKind> fromKeyword(String keyword) {
        String lower = keyword.toLowerCase(Locale.ROOT);
        for (EntryKind kind : values()) {
            if (kind.keyword.equals(lower)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
