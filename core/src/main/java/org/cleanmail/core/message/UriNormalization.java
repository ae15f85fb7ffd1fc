package org.cleanmail.core.message;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.parser.Parser;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.google.common.net.InetAddresses;
import com.google.common.net.InternetDomainName;

/**
 * Brings a URI as written in a message to one canonical form, undoing what spammers do
 * to hide links from filters: HTML entities and %-escapes, {@code hxxp} and {@code h**p}
 * schemes, backslashes, {@code [.]} or {@code (dot)} in hosts, numeric hosts, missing
 * schemes. Hosts come out lower-case and in ASCII (punycode for internationalized names).
 * Also finds redirector targets ({@code ?url=http...}) inside a URI.
 */
final class UriNormalization {
    private static final int MAX_URI_LENGTH = 2048;
    private static final Pattern OBFUSCATED_SCHEME = Pattern.compile(
        "^(?:h(?:xx|\\*\\*|tt|x{2,3}|tx|xt)p(s?)|(ftp|https?))(?::|\\[:\\]|\\(:\\))", Pattern.CASE_INSENSITIVE);
    private static final Pattern OBFUSCATED_DOT = Pattern.compile(
        "\\s*(?:\\[\\.\\]|\\(\\.\\)|\\{\\.\\}|\\[dot\\]|\\(dot\\)|\\{dot\\})\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.-]{0,15}):", Pattern.CASE_INSENSITIVE);
    private static final Pattern HOST_LABELS = Pattern.compile("[\\p{L}\\p{N}_-]+(?:\\.[\\p{L}\\p{N}_-]+)*");
    private static final Pattern NUMERIC_HOST = Pattern.compile(
        "(?:0x[0-9a-f]+|[0-9]+)(?:\\.(?:0x[0-9a-f]+|[0-9]+)){0,3}");
    private static final Pattern EMBEDDED_TARGET = Pattern.compile(
        "(?:https?|ftp)(?::|%3a)(?:/|%2f){2}[^&\\s\"'<>]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMBEDDED_WWW = Pattern.compile(
        "(?<=[=/])www\\.[^&\\s\"'<>/]+(?:/[^&\\s\"'<>]*)?", Pattern.CASE_INSENSITIVE);

    /** Guava's public suffix lookups cost microseconds; hosts and TLDs repeat across messages. */
    private static final LoadingCache<String, String> REGISTRABLE_DOMAINS = Caffeine.newBuilder()
        .maximumSize(10_000).build(UriNormalization::computeRegistrableDomain);
    private static final LoadingCache<String, Boolean> PUBLIC_TOP_LEVEL_DOMAINS = Caffeine.newBuilder()
        .maximumSize(10_000).build(UriNormalization::isPublicTopLevelDomain);

    private UriNormalization() {
    }

    /** The canonical form of a URI candidate, or empty if it is not a usable absolute URI. */
    static Optional<String> normalize(String candidate) {
        String uri = clean(candidate);
        if (uri.isEmpty()) {
            return Optional.empty();
        }
        Matcher obfuscated = OBFUSCATED_SCHEME.matcher(uri);
        if (obfuscated.find()) {
            String scheme = obfuscated.group(2) != null ? obfuscated.group(2).toLowerCase(Locale.ROOT)
                : "http" + obfuscated.group(1).toLowerCase(Locale.ROOT);
            uri = scheme + ":" + uri.substring(obfuscated.end());
        }
        Matcher scheme = SCHEME.matcher(uri);
        if (!scheme.find()) {
            return normalizeSchemeless(uri);
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        String rest = uri.substring(scheme.end());
        if (name.equals("mailto")) {
            return normalizeMailto(rest);
        }
        if (!name.equals("http") && !name.equals("https") && !name.equals("ftp")) {
            return Optional.empty();
        }
        return normalizeHierarchical(name, rest.replace('\\', '/'));
    }

    /**
     * The URI as written (entities decoded, white space and wrapping punctuation dropped), when
     * normalizing changed more than case or a trailing slash: %-escapes decoded, or another
     * host (numeric, obfuscated). SpamAssassin's uri rules see this form too.
     */
    static Optional<String> asWritten(String candidate, String normalized) {
        String uri = clean(candidate);
        Matcher scheme = SCHEME.matcher(uri);
        if (!scheme.find() || uri.equals(normalized)) {
            return Optional.empty();
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        if (!name.equals("http") && !name.equals("https") && !name.equals("ftp")) {
            return Optional.empty();
        }
        boolean otherHost = !host(uri).map(h -> h.toLowerCase(Locale.ROOT)).equals(host(normalized));
        return uri.indexOf('%') >= 0 || otherHost ? Optional.of(uri) : Optional.empty();
    }

    /** Absolute URIs embedded in a normalized URI, such as a redirector's {@code url=} target. */
    static List<String> embeddedTargets(String normalized) {
        List<String> targets = new ArrayList<>();
        int start = normalized.indexOf("://");
        if (start < 0) {
            return targets;
        }
        String tail = normalized.substring(start + 3);
        Matcher absolute = EMBEDDED_TARGET.matcher(tail);
        while (absolute.find()) {
            normalize(percentDecode(absolute.group())).ifPresent(targets::add);
        }
        Matcher www = EMBEDDED_WWW.matcher(tail);
        while (www.find()) {
            normalize(percentDecode(www.group())).ifPresent(targets::add);
        }
        return targets;
    }

    /** The host of a normalized URI (the domain for mailto), empty when there is none. */
    static Optional<String> host(String normalized) {
        if (normalized.startsWith("mailto:")) {
            int at = normalized.lastIndexOf('@');
            return at < 0 ? Optional.empty() : Optional.of(normalized.substring(at + 1));
        }
        int start = normalized.indexOf("://");
        if (start < 0) {
            return Optional.empty();
        }
        int end = start + 3;
        if (normalized.startsWith("[", end)) {
            int close = normalized.indexOf(']', end);
            return close < 0 ? Optional.empty() : Optional.of(normalized.substring(end, close + 1));
        }
        while (end < normalized.length() && "/?#:".indexOf(normalized.charAt(end)) < 0) {
            end++;
        }
        String host = normalized.substring(start + 3, end);
        return host.isEmpty() ? Optional.empty() : Optional.of(host);
    }

    /** The registrable domain of a host ({@code www.foo.co.uk} gives {@code foo.co.uk}); IPs stay as they are. */
    static String registrableDomain(String host) {
        return REGISTRABLE_DOMAINS.get(host);
    }

    /** Whether a host ends in a public suffix (a real TLD), so bare {@code foo.com} counts as a link. */
    static boolean hasPublicSuffix(String host) {
        int dot = host.lastIndexOf('.');
        if (dot <= 0 || dot == host.length() - 1) {
            return false;
        }
        return PUBLIC_TOP_LEVEL_DOMAINS.get(host.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static String computeRegistrableDomain(String host) {
        if (InetAddresses.isInetAddress(host)) {
            return host;
        }
        try {
            InternetDomainName name = InternetDomainName.from(host);
            if (name.isUnderPublicSuffix()) {
                return name.topPrivateDomain().toString();
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            return host;
        }
        return host;
    }

    private static boolean isPublicTopLevelDomain(String label) {
        try {
            return InternetDomainName.from(label).isPublicSuffix();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<String> normalizeSchemeless(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        if (uri.startsWith("//")) {
            return normalizeHierarchical("http", uri.substring(2).replace('\\', '/'));
        }
        int at = uri.indexOf('@');
        int slash = uri.indexOf('/');
        if (at > 0 && (slash < 0 || slash > at) && uri.indexOf(':') < 0) {
            return normalizeMailto(uri);
        }
        if (lower.startsWith("ftp.")) {
            return normalizeHierarchical("ftp", "//" + uri.replace('\\', '/'));
        }
        Optional<String> normalized = normalizeHierarchical("http", "//" + uri.replace('\\', '/'));
        if (lower.startsWith("www")) {
            return normalized;
        }
        return normalized.filter(result -> host(result).map(UriNormalization::isPlausibleBareHost).orElse(false));
    }

    private static boolean isPlausibleBareHost(String host) {
        return InetAddresses.isInetAddress(host) || hasPublicSuffix(host);
    }

    private static Optional<String> normalizeMailto(String rest) {
        String address = rest;
        int query = address.indexOf('?');
        if (query >= 0) {
            address = address.substring(0, query);
        }
        address = percentDecode(address).trim();
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1 || address.indexOf(',') >= 0) {
            return Optional.empty();
        }
        String domain = stripDots(address.substring(at + 1).toLowerCase(Locale.ROOT));
        if (!HOST_LABELS.matcher(domain).matches()) {
            return Optional.empty();
        }
        return Optional.of("mailto:" + address.substring(0, at) + "@" + domain);
    }

    private static Optional<String> normalizeHierarchical(String scheme, String rest) {
        String remainder = rest;
        int slashes = 0;
        while (slashes < remainder.length() && remainder.charAt(slashes) == '/') {
            slashes++;
        }
        remainder = remainder.substring(slashes);
        int end = 0;
        while (end < remainder.length() && "/?#".indexOf(remainder.charAt(end)) < 0) {
            end++;
        }
        String authority = remainder.substring(0, end);
        String path = remainder.substring(end);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        String port = "";
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && authority.indexOf(']') < colon) {
            String digits = authority.substring(colon + 1);
            authority = authority.substring(0, colon);
            if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit) && digits.length() <= 5) {
                port = isDefaultPort(scheme, digits) ? "" : ":" + digits;
            }
        }
        Optional<String> host = normalizeHost(authority);
        if (host.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(scheme + "://" + host.get() + port + normalizePath(path));
    }

    private static Optional<String> normalizeHost(String written) {
        String host = stripDots(OBFUSCATED_DOT.matcher(percentDecode(written)).replaceAll("."))
            .replace('\u3002', '.').replace('\uff0e', '.').replace('\uff61', '.').toLowerCase(Locale.ROOT);
        if (host.isEmpty()) {
            return Optional.empty();
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            String inner = host.substring(1, host.length() - 1);
            return InetAddresses.isInetAddress(inner) ? Optional.of(host) : Optional.empty();
        }
        if (NUMERIC_HOST.matcher(host).matches()) {
            return numericHost(host);
        }
        if (!HOST_LABELS.matcher(host).matches() || host.indexOf('.') < 0 && !host.equals("localhost")) {
            return Optional.empty();
        }
        return toAscii(host);
    }

    /** Internationalized hosts in their ASCII (punycode) form, as DNS blacklists list them. */
    private static Optional<String> toAscii(String host) {
        if (host.chars().allMatch(c -> c < 0x80)) {
            return Optional.of(host);
        }
        try {
            return Optional.of(IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Dotted, decimal, octal and hexadecimal IPv4 forms, as browsers accept them. */
    private static Optional<String> numericHost(String host) {
        String[] parts = host.split("\\.");
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Optional<Long> value = parseIpNumber(parts[i]);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values[i] = value.get();
        }
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 255) {
                return Optional.empty();
            }
            address = address << 8 | values[i];
        }
        int lastBits = 8 * (5 - parts.length);
        long last = values[parts.length - 1];
        if (last >= 1L << lastBits) {
            return Optional.empty();
        }
        address = address << lastBits | last;
        return Optional.of((address >> 24 & 255) + "." + (address >> 16 & 255) + "." + (address >> 8 & 255)
            + "." + (address & 255));
    }

    private static Optional<Long> parseIpNumber(String part) {
        try {
            if (part.startsWith("0x")) {
                return part.length() > 10 ? Optional.empty() : Optional.of(Long.parseLong(part.substring(2), 16));
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return part.length() > 12 ? Optional.empty() : Optional.of(Long.parseLong(part, 8));
            }
            return part.length() > 10 ? Optional.empty() : Optional.of(Long.parseLong(part));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String normalizePath(String path) {
        if (path.isEmpty()) {
            return "/";
        }
        StringBuilder result = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length()) {
                int value = hexValue(path.charAt(i + 1)) * 16 + hexValue(path.charAt(i + 2));
                if (value >= 0 && isSafeToDecode((char) value)) {
                    result.append((char) value);
                    i += 2;
                    continue;
                }
            }
            result.append(c);
        }
        String normalized = result.toString();
        return normalized.startsWith("/") ? normalized : "/" + normalized;
    }

    /** RFC 3986 unreserved characters: decoding them does not change what the URI means. */
    private static boolean isSafeToDecode(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0;
    }

    private static boolean isDefaultPort(String scheme, String port) {
        return scheme.equals("http") && port.equals("80") || scheme.equals("https") && port.equals("443")
            || scheme.equals("ftp") && port.equals("21");
    }

    static String percentDecode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        StringBuilder result = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length()) {
                int high = hexValue(value.charAt(i + 1));
                int low = hexValue(value.charAt(i + 2));
                if (high >= 0 && low >= 0) {
                    result.append((char) (high * 16 + low));
                    i += 2;
                    continue;
                }
            }
            result.append(c);
        }
        return result.toString();
    }

    private static int hexValue(char c) {
        return Character.digit(c, 16) < 0 ? -1000 : Character.digit(c, 16);
    }

    private static String stripDots(String host) {
        int start = 0;
        int end = host.length();
        while (start < end && host.charAt(start) == '.') {
            start++;
        }
        while (end > start && host.charAt(end - 1) == '.') {
            end--;
        }
        return host.substring(start, end);
    }

    private static String clean(String candidate) {
        String uri = candidate.length() > MAX_URI_LENGTH ? candidate.substring(0, MAX_URI_LENGTH) : candidate;
        if (uri.indexOf('&') >= 0) {
            uri = Parser.unescapeEntities(uri, true);
        }
        StringBuilder result = new StringBuilder(uri.length());
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isISOControl(c) && c != '\u00ad' && c != '\u200b') {
                result.append(c);
            }
        }
        String cleaned = result.toString();
        while (!cleaned.isEmpty() && "<\"'(".indexOf(cleaned.charAt(0)) >= 0) {
            cleaned = cleaned.substring(1);
        }
        while (!cleaned.isEmpty() && isTrailingPunctuation(cleaned)) {
            cleaned = cleaned.substring(0, cleaned.length() - 1);
        }
        return cleaned;
    }

    /** Sentence punctuation after a URI; a closing parenthesis only when it closes nothing in the URI. */
    private static boolean isTrailingPunctuation(String uri) {
        char last = uri.charAt(uri.length() - 1);
        if (last == ')') {
            return uri.chars().filter(c -> c == ')').count() > uri.chars().filter(c -> c == '(').count();
        }
        return ".,;:!?'\"]}>".indexOf(last) >= 0;
    }
}
