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
        if (containsIgnoreCase(joined, "www") && (joined.contains(" .") || joined.contains(". "))) {
            joined = SPACED_WWW_HOST.matcher(joined).replaceAll("www.$1.$2");
        }
        if ((joined.contains("/ ") || joined.contains("\\ "))
            && (containsIgnoreCase(joined, "http") || containsIgnoreCase(joined, "hxxp"))) {
            joined = SPACE_AFTER_SCHEME.matcher(joined).replaceAll("$1$2$3");
        }
        return joined;
    }

    private static boolean mayHoldBracketedDots(String text) {
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ']' || c == ')' || c == '}') {
                char before = text.charAt(i - 1);
                if (before == '.' || before == 't' || before == 'T') {
                    return true;
                }
            }
        }
        return false;
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
