package org.cleanmail.core.message;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds URI candidates in plain text as SpamAssassin does: URIs with a scheme (also the
 * obfuscated {@code hxxp}, {@code h**p}), schemeless {@code www.} and {@code ftp.} hosts,
 * e-mail addresses (as {@code mailto:}) and bare domains ending in a real TLD. Hosts
 * written {@code foo [.] com} or {@code www . foo . com} are joined first.
 */
final class UriExtraction {
    private static final String URI_CHARS = "[^\\s<>\"'`{}|^\\[\\]]";
    private static final Pattern URI_CANDIDATE = Pattern.compile(
        // with a scheme, possibly obfuscated; \\ and / alike
        "(?<scheme>\\b(?:https?|ftp|h(?:xx|\\*\\*|x{3}|tx|xt)ps?)(?::|\\[:\\])[/\\\\]{0,3}" + URI_CHARS + "{1,2048})"
            // an e-mail address
            + "|(?<mail>(?<![\\w.+-])[\\w.+-]{1,64}@[a-z0-9-]{1,63}(?:\\.[a-z0-9-]{1,63}){1,10})"
            // schemeless www. and ftp. hosts
            + "|(?<www>(?<![\\w.@/-])(?:www\\d{0,3}|ftp)\\." + URI_CHARS + "{1,2048})"
            // a bare domain, to be checked against the public suffix list
            + "|(?<bare>(?<![\\w.@/:%-])[a-z0-9][a-z0-9-]{0,62}(?:\\.[a-z0-9][a-z0-9-]{0,62}){1,10}(?![\\w@-])"
            + "(?:/" + URI_CHARS + "{0,2048})?)",
        Pattern.CASE_INSENSITIVE);
    /** {@code 3.Energy} in a numbered list is not a domain. */
    private static final Pattern NUMBERED = Pattern.compile("\\d{1,2}\\.[^.]+$");
    private static final Pattern BRACKETED_DOT = Pattern.compile(
        "\\s?(?:\\[\\.\\]|\\(\\.\\)|\\{\\.\\}|\\[dot\\]|\\(dot\\)|\\{dot\\})\\s?", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACED_WWW_HOST = Pattern.compile(
        "\\bwww ?\\. ?([a-z0-9-]{1,63}) ?\\. ?([a-z]{2,24})\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACE_AFTER_SCHEME = Pattern.compile(
        "\\b(https?|hxxps?)(:|\\[:\\]) ?([/\\\\]{1,3}) ", Pattern.CASE_INSENSITIVE);

    private UriExtraction() {
    }

    /** Candidate strings in text order, still to be normalized. */
    static List<String> candidates(String text, int maxCandidates) {
        String joined = joinObfuscatedHosts(text);
        List<String> found = new ArrayList<>();
        Matcher matcher = URI_CANDIDATE.matcher(joined).useTransparentBounds(true).useAnchoringBounds(false);
        int length = joined.length();
        int position = 0;
        // A URI holds no whitespace and at least one of . @ : so only such words are searched.
        while (position < length && found.size() < maxCandidates) {
            while (position < length && Character.isWhitespace(joined.charAt(position))) {
                position++;
            }
            int start = position;
            boolean promising = false;
            while (position < length && !Character.isWhitespace(joined.charAt(position))) {
                char c = joined.charAt(position);
                promising |= c == '.' || c == '@' || c == ':';
                position++;
            }
            if (promising) {
                matcher.region(start, position);
                collect(matcher, found, maxCandidates);
            }
        }
        return found;
    }

    private static void collect(Matcher matcher, List<String> found, int maxCandidates) {
        while (matcher.find() && found.size() < maxCandidates) {
            if (matcher.group("bare") != null) {
                String bare = matcher.group("bare");
                int slash = bare.indexOf('/');
                String host = slash < 0 ? bare : bare.substring(0, slash);
                if (!UriNormalization.hasPublicSuffix(host) || NUMBERED.matcher(host).lookingAt()) {
                    continue;
                }
            }
            found.add(matcher.group());
        }
    }

    /** The regular expressions run only when a cheap test says they may match. */
    private static String joinObfuscatedHosts(String text) {
        String joined = text;
        if (mayHoldBracketedDots(joined)) {
            joined = BRACKETED_DOT.matcher(joined).replaceAll(".");
        }
        if (mayHoldSpacedWwwHost(joined)) {
            joined = SPACED_WWW_HOST.matcher(joined).replaceAll("www.$1.$2");
        }
        if ((joined.contains("/ ") || joined.contains("\\ "))
            && (containsIgnoreCase(joined, "http") || containsIgnoreCase(joined, "hxxp"))) {
            joined = SPACE_AFTER_SCHEME.matcher(joined).replaceAll("$1$2$3");
        }
        return joined;
    }

    /** Whether the text may hold a dot written {@code [.]}, {@code (dot)}... ({@link #BRACKETED_DOT}). */
    private static boolean mayHoldBracketedDots(String text) {
        for (int i = 2; i < text.length(); i++) {
            char close = text.charAt(i);
            char open = close == ']' ? '[' : close == ')' ? '(' : close == '}' ? '{' : 0;
            if (open != 0) {
                char before = text.charAt(i - 1);
                if (before == '.' && text.charAt(i - 2) == open) {
                    return true;
                }
                if ((before == 't' || before == 'T') && i >= 4 && text.charAt(i - 4) == open
                    && text.regionMatches(true, i - 3, "dot", 0, 3)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether {@link #SPACED_WWW_HOST} may change the text: a {@code www} host with a space
     * around one of its first two dots, or with {@code www} not in lower case (the replacement
     * writes it so). A host written {@code www.example.com} is left as it is.
     */
    private static boolean mayHoldSpacedWwwHost(String text) {
        int n = text.length();
        for (int i = 0; i + 3 <= n; i++) {
            // a w or W first: the case-blind comparison at every position was a percent of the scan
            if ((text.charAt(i) | 0x20) != 'w' || !text.regionMatches(true, i, "www", 0, 3)) {
                continue;
            }
            boolean changed = !text.startsWith("www", i);
            int at = skipSpace(text, i + 3);
            changed |= at > i + 3;
            if (at >= n || text.charAt(at) != '.') {
                continue;
            }
            int label = skipSpace(text, at + 1);
            changed |= label > at + 1;
            int end = label;
            while (end < n && isLabelCharacter(text.charAt(end))) {
                end++;
            }
            if (end > label && skipSpace(text, end) > end) {
                changed = true;
            } else if (end > label && end < n && text.charAt(end) == '.') {
                changed |= skipSpace(text, end + 1) > end + 1;
            }
            if (changed && end > label) {
                return true;
            }
        }
        return false;
    }

    /** The index after one space at {@code at}, or {@code at}. */
    private static int skipSpace(String text, int at) {
        return at < text.length() && text.charAt(at) == ' ' ? at + 1 : at;
    }

    private static boolean isLabelCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-';
    }

    /** Whether the text holds the word (lower-case ASCII letters), in any case. */
    private static boolean containsIgnoreCase(String text, String word) {
        char lower = word.charAt(0);
        char upper = Character.toUpperCase(lower);
        for (int i = 0, last = text.length() - word.length(); i <= last; i++) {
            char c = text.charAt(i);
            if ((c == lower || c == upper) && text.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }
}
