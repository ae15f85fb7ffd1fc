package org.cleanmail.core.rules.regex;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Translates Perl regular expressions, as written in SpamAssassin rule files, into
 * compiled {@link java.util.regex.Pattern}s.
 *
 * <p>Accepted literals: {@code /re/mods}, {@code m{re}mods}, {@code m(re)}, {@code m<re>},
 * {@code m[re]}, and {@code m} or {@code qr} with any other non-word delimiter such as
 * {@code m!re!} or {@code m#re#}. Modifiers {@code i m s x} are honoured, {@code n} turns
 * groups non-capturing, {@code g o a u l d p} are ignored; any other modifier is refused.
 *
 * <p>Every pattern is compiled with {@link Pattern#UNIX_LINES}, so that {@code .},
 * {@code ^} and {@code $} know only {@code \n} as a line end: Java's {@code $} then means
 * what Perl's does, "at the end, or before a final newline" ({@code $} under {@code /m}:
 * before any newline). Groups are made non-capturing unless the pattern refers back to
 * one: nothing reads a rule's groups, and Java matches plain groups faster. Translation
 * runs in time linear in the pattern length, and
 * patterns longer than {@value #MAX_PATTERN_LENGTH} chars are refused.
 *
 * <p>Stateless and thread-safe.
 */
public final class PerlRegexTranslator {
    public static final int MAX_PATTERN_LENGTH = 256 * 1024;

    private static final int EXCERPT_RADIUS = 40;
    private static final String IGNORED_MODIFIERS = "goaulpd";

    /** Translates a delimited literal such as {@code /foo\s+bar/i} or {@code m{a/b}s}. */
    public RegexTranslation translate(String literal) {
        if (literal == null || literal.isEmpty()) {
            return RegexTranslation.failure(String.valueOf(literal), "empty regular expression");
        }
        if (literal.length() > MAX_PATTERN_LENGTH) {
            return RegexTranslation.failure(literal, "longer than " + MAX_PATTERN_LENGTH + " chars");
        }
        String rest;
        char closing;
        if (literal.charAt(0) == '/') {
            rest = literal.substring(1);
            closing = '/';
        } else {
            int prefix = literal.startsWith("qr") ? 2 : literal.startsWith("m") ? 1 : 0;
            if (prefix == 0 || literal.length() <= prefix) {
                return RegexTranslation.failure(literal, "missing regexp delimiters");
            }
            char opening = literal.charAt(prefix);
            if (Character.isLetterOrDigit(opening) || opening == '_' || Character.isWhitespace(opening)) {
                return RegexTranslation.failure(literal, "missing regexp delimiters");
            }
            if (opening == '\\') {
                return RegexTranslation.failure(literal, "backslash delimiter not allowed");
            }
            closing = closingDelimiter(opening);
            rest = literal.substring(prefix + 1);
        }
        int modifiersStart = rest.length();
        while (modifiersStart > 0 && Character.isLetter(rest.charAt(modifiersStart - 1))
            && rest.charAt(modifiersStart - 1) < 128) {
            modifiersStart--;
        }
        if (modifiersStart == 0 || rest.charAt(modifiersStart - 1) != closing) {
            return RegexTranslation.failure(literal, "invalid end delimiter/modifiers");
        }
        String body = rest.substring(0, modifiersStart - 1);
        String modifiers = rest.substring(modifiersStart);
        return compile(literal, body, modifiers);
    }

    /** Translates an undelimited pattern with separate modifiers, e.g. ("foo", "i"). */
    public RegexTranslation translate(String body, String modifiers) {
        String original = "/" + body + "/" + modifiers;
        if (body.length() > MAX_PATTERN_LENGTH) {
            return RegexTranslation.failure(original, "longer than " + MAX_PATTERN_LENGTH + " chars");
        }
        return compile(original, body, modifiers);
    }

    private static String excerpt(String text, int index) {
        int from = Math.max(0, Math.min(index, text.length()) - EXCERPT_RADIUS);
        int to = Math.min(text.length(), Math.max(index, 0) + EXCERPT_RADIUS);
        return (from > 0 ? "..." : "") + text.substring(from, to) + (to < text.length() ? "..." : "");
    }

    private static char closingDelimiter(char opening) {
        switch (opening) {
            case '{':
                return '}';
            case '(':
                return ')';
            case '<':
                return '>';
            case '[':
                return ']';
            default:
                return opening;
        }
    }

    private static RegexTranslation compile(String original, String body, String modifiers) {
        int flags = Pattern.UNIX_LINES;
        boolean extended = false;
        boolean noCapture = false;
        for (char modifier : modifiers.toCharArray()) {
            if (modifier == 'i') {
                flags |= Pattern.CASE_INSENSITIVE;
            } else if (modifier == 'm') {
                flags |= Pattern.MULTILINE;
            } else if (modifier == 's') {
                flags |= Pattern.DOTALL;
            } else if (modifier == 'x') {
                extended = true;
            } else if (modifier == 'n') {
                noCapture = true;
            } else if (IGNORED_MODIFIERS.indexOf(modifier) < 0) {
                return RegexTranslation.failure(original, "unsupported modifier '" + modifier + "'");
            }
        }
        PerlPatternRewriter rewriter = new PerlPatternRewriter(body, extended, noCapture);
        String javaSource;
        try {
            javaSource = rewriter.rewrite();
            if (!noCapture && rewriter.captureCount() > 0 && !rewriter.hasBackReferences()) {
                // nothing reads the groups: without capturing, Java matches them faster
                rewriter = new PerlPatternRewriter(body, extended, true);
                javaSource = rewriter.rewrite();
            }
        } catch (UntranslatableRegexException e) {
            return RegexTranslation.failure(original, e.getMessage());
        }
        try {
            Pattern pattern = Pattern.compile(javaSource, flags);
            return RegexTranslation.success(new PerlRegex(original, javaSource, pattern, rewriter.groupNames()));
        } catch (PatternSyntaxException e) {
            return RegexTranslation.failure(original, "Java rejects the translation: " + e.getDescription()
                + " near index " + e.getIndex() + ": " + excerpt(javaSource, e.getIndex()));
        } catch (StackOverflowError e) {
            return RegexTranslation.failure(original, "too deeply nested for the Java compiler");
        }
    }
}
