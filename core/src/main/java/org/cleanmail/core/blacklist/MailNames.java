package org.cleanmail.core.blacklist;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;

import com.google.common.net.InternetDomainName;

/**
 * Canonical forms of the names that lists compare, so that every list compares them the
 * same way: domains lower-cased, in ASCII (IDNA), without a trailing dot; mail addresses
 * wholly lower-cased (mail servers treat local parts case-insensitively in practice);
 * HELO names trimmed and lower-cased. Bad input gives an empty result, never an exception.
 */
public final class MailNames {
    private static final int MAX_LOCAL_PART = 64;
    private static final int MAX_HELO = 255;

    private MailNames() {
    }

    /** {@code Spam.Example.} gives {@code spam.example}; empty when it is no domain name. */
    public static Optional<String> domain(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        if (trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        String ascii;
        try {
            ascii = IDN.toASCII(trimmed, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!InternetDomainName.isValid(ascii)) {
            return Optional.empty();
        }
        return Optional.of(ascii);
    }

    /** {@code <Bad@X.Example>} gives {@code bad@x.example}; empty for the null sender or a non-address. */
    public static Optional<String> address(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        if (trimmed.startsWith("<") && trimmed.endsWith(">")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1).trim();
        }
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at > MAX_LOCAL_PART) {
            return Optional.empty();
        }
        String local = trimmed.substring(0, at);
        if (local.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return Optional.empty();
        }
        return domain(trimmed.substring(at + 1))
            .map(domain -> local.toLowerCase(Locale.ROOT) + "@" + domain);
    }

    /** The canonical domain of an address, e.g. {@code x.example} for {@code bad@X.example}. */
    public static Optional<String> domainOfAddress(String text) {
        return address(text).map(address -> address.substring(address.lastIndexOf('@') + 1));
    }

    /**
     * A HELO/EHLO argument, trimmed and lower-cased, trailing dot removed. Any single word
     * is kept, domain or not, since bogus HELO names are what lists catch.
     */
    public static Optional<String> helo(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        if (trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty() || trimmed.length() > MAX_HELO
            || trimmed.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return Optional.empty();
        }
        return Optional.of(trimmed);
    }

    /** {@code a.b.example} gives {@code b.example}; empty at the last label. */
    static Optional<String> parentDomain(String domain) {
        int dot = domain.indexOf('.');
        return dot < 0 ? Optional.empty() : Optional.of(domain.substring(dot + 1));
    }
}
