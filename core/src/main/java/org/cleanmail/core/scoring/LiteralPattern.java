package org.cleanmail.core.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.cleanmail.core.prefilter.CaseFold;
import org.cleanmail.core.prefilter.RegexLiteralExtractor;
import org.cleanmail.core.rules.regex.PerlRegex;
import org.cleanmail.core.rules.regex.RegexEscapes;

/**
 * A pattern that can only match one of a few literal strings, each perhaps with Perl's
 * {@code \b} before or after it: {@code \b(?:cheap|free)\s?} is not one, but
 * {@code \b(?:cheap|fr[e3]e)\b} (four strings) and {@code [Vv]iagra} are. Whether such a
 * pattern matches a text is decided at the positions where one of its strings occurs,
 * without the regular expression: each string is compared there (ASCII letters folded for
 * a case-insensitive pattern, as Java's matching without {@code UNICODE_CASE} folds them)
 * and the boundaries checked, with Perl's byte-string word characters {@code [A-Za-z0-9_]}.
 *
 * <p>Read from the translated Java source: literal characters and escapes, classes of a few
 * characters, groups, alternation, {@code ?}, and {@link PerlRegex#WORD_BOUNDARY}. A
 * boundary between two characters of the pattern is decided when reading it. Anything
 * else (other quantifiers, look-arounds, {@code .}, anchors, back-references, inline
 * flags, {@code /x}) makes {@link #of} answer empty, as do strings shorter than
 * {@link RegexLiteralExtractor#MIN_LITERAL_LENGTH} (their occurrences are too many to
 * record) and more than {@value #MAX_STRINGS} strings. Immutable and thread-safe.
 */
final class LiteralPattern {
    static final int MAX_STRINGS = 64;
    private static final int MAX_CLASS_CHARS = 8;
    /** Stands for a word boundary while reading; a pattern holding this character is not read. */
    private static final char BOUNDARY = '\uE000';

    private final boolean caseInsensitive;
    /** The strings' case-folded forms ({@link CaseFold}), each once: what the literal scan finds. */
    private final List<String> literals;
    /** By literal: the strings that fold to it, ASCII letters in lower case when case-insensitive. */
    private final char[][][] strings;
    private final boolean[][] boundaryBefore;
    private final boolean[][] boundaryAfter;
    /**
     * By literal: whether an occurrence the literal scan reports is one of its strings as it
     * is (a case-insensitive string of ASCII characters, which folding keeps among ASCII
     * characters), so that only the boundaries are left to check.
     */
    private final boolean[] foundIsMatched;
    /**
     * By literal: the {@link LiteralOccurrences} boundary kinds an occurrence needs to be a
     * match, one bit per kind its strings accept (read only where {@link #foundIsMatched}).
     */
    private final int[] acceptedKinds;
    private final boolean decidedByKinds;

    private LiteralPattern(boolean caseInsensitive, List<String> strings, List<Boolean> before, List<Boolean> after) {
        this.caseInsensitive = caseInsensitive;
        Map<String, List<Integer>> byLiteral = new LinkedHashMap<>();
        for (int i = 0; i < strings.size(); i++) {
            byLiteral.computeIfAbsent(CaseFold.fold(strings.get(i)), literal -> new ArrayList<>()).add(i);
        }
        this.literals = List.copyOf(byLiteral.keySet());
        this.strings = new char[literals.size()][][];
        this.boundaryBefore = new boolean[literals.size()][];
        this.boundaryAfter = new boolean[literals.size()][];
        this.foundIsMatched = new boolean[literals.size()];
        this.acceptedKinds = new int[literals.size()];
        boolean allMatched = true;
        for (int l = 0; l < literals.size(); l++) {
            List<Integer> variants = byLiteral.get(literals.get(l));
            this.strings[l] = new char[variants.size()][];
            this.boundaryBefore[l] = new boolean[variants.size()];
            this.boundaryAfter[l] = new boolean[variants.size()];
            for (int v = 0; v < variants.size(); v++) {
                int i = variants.get(v);
                this.strings[l][v] = strings.get(i).toCharArray();
                this.boundaryBefore[l][v] = before.get(i);
                this.boundaryAfter[l][v] = after.get(i);
                this.acceptedKinds[l] |= LiteralOccurrences.kindNeeding(before.get(i), after.get(i));
            }
            this.foundIsMatched[l] = caseInsensitive && variants.size() == 1 && isAscii(strings.get(variants.get(0)));
            allMatched &= foundIsMatched[l];
        }
        this.decidedByKinds = allMatched;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /** The pattern as literal strings, or empty when it can match anything else (or reads too many strings). */
    static Optional<LiteralPattern> of(Pattern pattern) {
        int flags = pattern.flags();
        if ((flags & ~(Pattern.CASE_INSENSITIVE | Pattern.MULTILINE | Pattern.DOTALL | Pattern.UNIX_LINES)) != 0) {
            return Optional.empty();
        }
        String source = pattern.pattern();
        if (source.indexOf(BOUNDARY) >= 0) {
            return Optional.empty();
        }
        boolean caseInsensitive = (flags & Pattern.CASE_INSENSITIVE) != 0;
        try {
            Reader reader = new Reader(source.replace(PerlRegex.WORD_BOUNDARY, String.valueOf(BOUNDARY)), caseInsensitive);
            List<String> read = reader.alternation();
            if (!reader.atEnd()) {
                return Optional.empty();
            }
            return settle(read, caseInsensitive);
        } catch (Unreadable e) {
            return Optional.empty();
        }
    }

    /** Turns the strings read, boundary marks included, into strings with boundary flags; empty when one is too short. */
    private static Optional<LiteralPattern> settle(List<String> read, boolean caseInsensitive) {
        Map<String, boolean[]> settled = new LinkedHashMap<>();
        for (String string : read) {
            int start = 0;
            int end = string.length();
            while (start < end && string.charAt(start) == BOUNDARY) {
                start++;
            }
            while (end > start && string.charAt(end - 1) == BOUNDARY) {
                end--;
            }
            StringBuilder text = new StringBuilder(end - start);
            boolean possible = true;
            for (int i = start; i < end && possible; i++) {
                char c = string.charAt(i);
                if (c != BOUNDARY) {
                    text.append(c);
                } else if (string.charAt(i - 1) != BOUNDARY) {
                    int next = i + 1;
                    while (string.charAt(next) == BOUNDARY) {
                        next++;
                    }
                    // between two known characters a boundary is there or not, whatever the text
                    possible = isWord(string.charAt(i - 1)) != isWord(string.charAt(next));
                }
            }
            if (!possible) {
                continue;
            }
            if (text.length() < RegexLiteralExtractor.MIN_LITERAL_LENGTH) {
                return Optional.empty();
            }
            // the same string with and without a boundary stays twice: each matches where the other may not
            settled.putIfAbsent((start > 0 ? "b" : "-") + (end < string.length() ? "b" : "-") + text,
                new boolean[] {start > 0, end < string.length()});
        }
        if (settled.isEmpty() || settled.size() > MAX_STRINGS) {
            return Optional.empty();
        }
        List<String> strings = new ArrayList<>();
        List<Boolean> before = new ArrayList<>();
        List<Boolean> after = new ArrayList<>();
        settled.forEach((key, boundaries) -> {
            strings.add(key.substring(2));
            before.add(boundaries[0]);
            after.add(boundaries[1]);
        });
        return Optional.of(new LiteralPattern(caseInsensitive, strings, before, after));
    }

    /**
     * The strings, case-folded ({@link CaseFold}), each once: where one of them occurs, the
     * pattern may match. {@link #matchesAt} takes the number of the one found.
     */
    List<String> literals() {
        return literals;
    }

    /** How many strings the pattern matches (letter case aside). */
    int size() {
        int size = 0;
        for (char[][] variants : strings) {
            size += variants.length;
        }
        return size;
    }

    /**
     * Whether an occurrence the literal scan reports of the literal numbered {@code literal}
     * is one of the pattern's strings as it is, so that its boundary kind alone decides
     * ({@link LiteralOccurrences#kinds}).
     */
    boolean foundIsMatched(int literal) {
        return foundIsMatched[literal];
    }

    /** The {@link LiteralOccurrences} boundary kinds an occurrence of the literal needs to be a match, one bit each. */
    int acceptedKinds(int literal) {
        return acceptedKinds[literal];
    }

    /**
     * Whether every literal's occurrences are decided by their boundary kinds: the pattern
     * is decided by {@link #matchesByKinds} without reading any occurrence.
     */
    boolean decidedByKinds() {
        return decidedByKinds;
    }

    /**
     * Whether the pattern matches, from the boundary kinds of its literals' occurrences
     * (texts from {@code firstChunk} on); only where {@link #decidedByKinds()}.
     *
     * @param ids the target's ids of {@link #literals()}, in their order
     */
    boolean matchesByKinds(LiteralOccurrences found, int[] ids, int firstChunk) {
        for (int l = 0; l < ids.length; l++) {
            if ((found.kinds(ids[l], firstChunk) & acceptedKinds[l]) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the pattern matches the text at {@code start}, where the literal scan found the literal numbered {@code literal}. */
    boolean matchesAt(CharSequence text, int start, int literal) {
        char[][] variants = strings[literal];
        for (int v = 0; v < variants.length; v++) {
            if ((foundIsMatched[literal] || stringAt(text, start, variants[v]))
                && (!boundaryBefore[literal][v] || boundaryAt(text, start))
                && (!boundaryAfter[literal][v] || boundaryAt(text, start + variants[v].length))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the pattern matches the text at {@code start}, whichever of its strings is there. */
    boolean matchesAt(CharSequence text, int start) {
        for (int literal = 0; literal < strings.length; literal++) {
            char[][] variants = strings[literal];
            for (int v = 0; v < variants.length; v++) {
                if (stringAt(text, start, variants[v]) && (!boundaryBefore[literal][v] || boundaryAt(text, start))
                    && (!boundaryAfter[literal][v] || boundaryAt(text, start + variants[v].length))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean stringAt(CharSequence text, int start, char[] string) {
        if (start < 0 || start + string.length > text.length()) {
            return false;
        }
        for (int i = 0; i < string.length; i++) {
            char c = text.charAt(start + i);
            if (caseInsensitive && c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != string[i]) {
                return false;
            }
        }
        return true;
    }

    /** Perl's {@code \b} on a byte string: a word character on one side only (outside the text: none). */
    static boolean boundaryAt(CharSequence text, int position) {
        boolean before = position > 0 && isWord(text.charAt(position - 1));
        boolean after = position < text.length() && isWord(text.charAt(position));
        return before != after;
    }

    private static boolean isWord(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /** A pattern outside what {@link Reader} reads. */
    private static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable() {
            super(null, null, false, false);
        }
    }

    /** Reads a Java pattern source into the strings it matches (boundary marks included). */
    private static final class Reader {
        private final String source;
        private final boolean caseInsensitive;
        private int at;

        Reader(String source, boolean caseInsensitive) {
            this.source = source;
            this.caseInsensitive = caseInsensitive;
        }

        boolean atEnd() {
            return at == source.length();
        }

        List<String> alternation() throws Unreadable {
            Set<String> strings = new LinkedHashSet<>(sequence());
            while (at < source.length() && source.charAt(at) == '|') {
                at++;
                strings.addAll(sequence());
                limit(strings.size());
            }
            return new ArrayList<>(strings);
        }

        private List<String> sequence() throws Unreadable {
            List<String> strings = List.of("");
            while (at < source.length() && source.charAt(at) != '|' && source.charAt(at) != ')') {
                List<String> atom = atom();
                if (at < source.length() && source.charAt(at) == '?') {
                    at++;
                    if (at < source.length() && source.charAt(at) == '+') {
                        throw new Unreadable();
                    }
                    if (at < source.length() && source.charAt(at) == '?') {
                        at++;
                    }
                    List<String> optional = new ArrayList<>(atom);
                    optional.add("");
                    atom = optional;
                }
                if (at < source.length() && "*+{".indexOf(source.charAt(at)) >= 0) {
                    throw new Unreadable();
                }
                strings = product(strings, atom);
            }
            return strings;
        }

        private static List<String> product(List<String> left, List<String> right) throws Unreadable {
            limit((long) left.size() * right.size());
            Set<String> product = new LinkedHashSet<>();
            for (String a : left) {
                for (String b : right) {
                    product.add(a + b);
                }
            }
            return new ArrayList<>(product);
        }

        private static void limit(long strings) throws Unreadable {
            if (strings > MAX_STRINGS * 4L) {
                throw new Unreadable();
            }
        }

        private List<String> atom() throws Unreadable {
            char c = source.charAt(at++);
            switch (c) {
                case '(':
                    if (source.startsWith("?:", at)) {
                        at += 2;
                    } else if (at < source.length() && source.charAt(at) == '?') {
                        throw new Unreadable();
                    }
                    List<String> inner = alternation();
                    if (at >= source.length() || source.charAt(at) != ')') {
                        throw new Unreadable();
                    }
                    at++;
                    return inner;
                case '[':
                    return characterClass();
                case '\\':
                    return List.of(fold(escape()));
                case BOUNDARY:
                    return List.of(String.valueOf(BOUNDARY));
                case '.':
                case '^':
                case '$':
                case '*':
                case '+':
                case '?':
                case '{':
                case ']':
                    throw new Unreadable();
                default:
                    return List.of(fold(c));
            }
        }

        private List<String> characterClass() throws Unreadable {
            Set<String> members = new LinkedHashSet<>();
            if (at < source.length() && source.charAt(at) == '^') {
                throw new Unreadable();
            }
            boolean first = true;
            while (true) {
                if (at >= source.length()) {
                    throw new Unreadable();
                }
                char c = source.charAt(at++);
                if (c == ']' && !first) {
                    break;
                }
                first = false;
                if (c == '[' || c == '&' || c == BOUNDARY) {
                    throw new Unreadable();
                }
                char low = c == '\\' ? escape() : c;
                char high = low;
                if (at + 1 < source.length() && source.charAt(at) == '-' && source.charAt(at + 1) != ']') {
                    at++;
                    char end = source.charAt(at++);
                    if (end == '[' || end == '&') {
                        throw new Unreadable();
                    }
                    high = end == '\\' ? escape() : end;
                    if (high < low || high - low >= MAX_CLASS_CHARS) {
                        throw new Unreadable();
                    }
                }
                for (char member = low; member <= high; member++) {
                    members.add(fold(member));
                }
                if (members.size() > MAX_CLASS_CHARS) {
                    throw new Unreadable();
                }
            }
            return new ArrayList<>(members);
        }

        /** The character an escape stands for; the backslash is read. */
        private char escape() throws Unreadable {
            if (at >= source.length()) {
                throw new Unreadable();
            }
            char c = source.charAt(at++);
            switch (c) {
                case 't':
                    return '\t';
                case 'n':
                    return '\n';
                case 'r':
                    return '\r';
                case 'f':
                    return '\f';
                case 'a':
                    return '\u0007';
                case 'e':
                    return '\u001B';
                case 'x':
                    return character(RegexEscapes.hex(source, at));
                case 'u':
                    return character(RegexEscapes.unicode(source, at));
                case '0':
                    return character(RegexEscapes.octal(source, at));
                default:
                    if (Character.isLetterOrDigit(c)) {
                        throw new Unreadable();
                    }
                    return c;
            }
        }

        /** The character an escape's number stands for ({@link RegexEscapes}); moves past it. */
        private char character(RegexEscapes.Number number) throws Unreadable {
            if (number == null || number.value() > Character.MAX_VALUE) {
                throw new Unreadable();
            }
            at = number.end();
            return (char) number.value();
        }

        private String fold(char c) {
            return String.valueOf(caseInsensitive && c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
    }
}
