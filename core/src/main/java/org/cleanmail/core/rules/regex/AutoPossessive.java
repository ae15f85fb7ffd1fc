package org.cleanmail.core.rules.regex;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes a greedy quantifier possessive where that cannot change what the pattern matches,
 * as PCRE does on its own and Java does not: a quantified single character (class,
 * escape, literal) directly followed, in the same sequence, by a single character that
 * must be matched and that the first can never match ({@code [^\n]+\n}, {@code [a-z]{5,}[\s.]+}).
 * Giving back characters could then only put the follower on a character it refuses, so
 * backtracking into the quantifier is pure waste, and on the header rules that scan the
 * header block line by line ({@code (?:[^\n]+\n+)*Subject:}) it is most of the work.
 *
 * <p>Which characters each one matches is asked of Java's own {@link Pattern} for the
 * characters 0-255, under the flags in force; above 255 a character is assumed to be
 * matched by any negated class, {@code .}, {@code \S}, {@code \D}, {@code \W}, Unicode
 * property or escape beyond 255, and two such are never taken for disjoint. Patterns with
 * {@code /x}, Unicode case or Unicode classes, and look-arounds' insides, are left as they
 * are; anything this does not read leaves the pattern unchanged. Thread-safe (each rewrite
 * has its own state; the character sets are shared).
 */
public final class AutoPossessive {
    private static final int ALPHABET = AtomCharacters.ALPHABET;
    /** The inline flags read; Unicode case and classes, and {@code x}, leave the pattern alone. */
    private static final int READABLE_FLAGS = Pattern.CASE_INSENSITIVE | Pattern.MULTILINE | Pattern.DOTALL
        | Pattern.UNIX_LINES;
    private static final int UNSUPPORTED_FLAGS = Pattern.COMMENTS | Pattern.LITERAL | Pattern.CANON_EQ
        | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    private final AtomCharacters atoms;

    public AutoPossessive() {
        this(new AtomCharacters());
    }

    /** A rewriter sharing the character sets of atoms with the compilation's other readers. */
    public AutoPossessive(AtomCharacters atoms) {
        this.atoms = atoms;
    }

    /** The pattern's source with the quantifiers that can be possessive made so; the source itself when none. */
    public String rewrite(Pattern pattern) {
        if ((pattern.flags() & UNSUPPORTED_FLAGS) != 0) {
            return pattern.pattern();
        }
        String source = pattern.pattern();
        try {
            Reader reader = new Reader(source, pattern.flags());
            reader.alternation();
            if (!reader.atEnd() || reader.insertAt.isEmpty()) {
                return source;
            }
            StringBuilder rewritten = new StringBuilder(source.length() + reader.insertAt.size());
            int from = 0;
            for (int at : reader.insertAt) {
                rewritten.append(source, from, at).append('+');
                from = at;
            }
            return rewritten.append(source, from, source.length()).toString();
        } catch (Unreadable | IllegalArgumentException e) {
            return source;
        }
    }

    /** One element of a sequence: a single character (with the characters it matches) or anything else. */
    private static final class Element {
        /** The characters 0-255 a single-character atom matches; null for anything else. */
        BitSet characters;
        /** Whether it may match characters above 255. */
        boolean beyondLatin1;
        /** Where its greedy quantifier ends (where a '+' would go), or -1 when it has none that backtracks. */
        int greedyEnd = -1;
        /** Whether it must match at least once (no quantifier, or one with a minimum of 1 or more). */
        boolean mandatory = true;
    }

    /** A pattern outside what {@link Reader} reads. */
    private static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable() {
            super(null, null, false, false);
        }
    }

    private final class Reader {
        private final String source;
        private final List<Integer> insertAt = new ArrayList<>();
        private int at;
        private int flags;

        Reader(String source, int flags) {
            this.source = source;
            this.flags = flags;
        }

        boolean atEnd() {
            return at == source.length();
        }

        void alternation() throws Unreadable {
            int flagsAtStart = flags;
            sequence();
            while (at < source.length() && source.charAt(at) == '|') {
                at++;
                sequence();
            }
            flags = flagsAtStart;
        }

        private void sequence() throws Unreadable {
            Element previous = null;
            while (at < source.length() && source.charAt(at) != '|' && source.charAt(at) != ')') {
                Element element = element();
                if (previous != null && previous.greedyEnd >= 0 && element.characters != null && element.mandatory
                    && disjoint(previous, element)) {
                    insertAt.add(previous.greedyEnd);
                }
                previous = element;
            }
        }

        private boolean disjoint(Element first, Element second) {
            return !first.characters.intersects(second.characters) && !(first.beyondLatin1 && second.beyondLatin1);
        }

        private Element element() throws Unreadable {
            Element element = new Element();
            char c = source.charAt(at);
            int start = at;
            switch (c) {
                case '(':
                    group();
                    break;
                case '[':
                    at = classEnd(at);
                    single(element, source.substring(start, at), classBeyondLatin1(source.substring(start, at)));
                    break;
                case '\\':
                    escape(element);
                    break;
                case '^':
                case '$':
                    at++;
                    break;
                case '*':
                case '+':
                case '?':
                case '{':
                    throw new Unreadable();
                default:
                    at++;
                    if (Character.isSurrogate(c)) {
                        throw new Unreadable();
                    }
                    single(element, c == '.' ? "." : Pattern.quote(String.valueOf(c)), c == '.' || c >= ALPHABET);
            }
            quantifier(element);
            return element;
        }

        private void single(Element element, String atom, boolean beyondLatin1) {
            element.characters = atoms.of(atom, flags);
            element.beyondLatin1 = beyondLatin1;
        }

        private void quantifier(Element element) throws Unreadable {
            if (at >= source.length()) {
                return;
            }
            char c = source.charAt(at);
            int min;
            boolean backtracks;
            if (c == '*' || c == '+' || c == '?') {
                at++;
                min = c == '+' ? 1 : 0;
                backtracks = true;
            } else if (c == '{') {
                int close = source.indexOf('}', at);
                if (close < 0 || !source.substring(at + 1, close).matches("\\d+(?:,\\d*)?")) {
                    throw new Unreadable();
                }
                String[] bounds = source.substring(at + 1, close).split(",", -1);
                at = close + 1;
                min = Integer.parseInt(bounds[0]);
                backtracks = bounds.length == 2 && (bounds[1].isEmpty() || Integer.parseInt(bounds[1]) > min);
            } else {
                return;
            }
            element.mandatory = min >= 1;
            boolean greedy = at >= source.length() || (source.charAt(at) != '?' && source.charAt(at) != '+');
            if (!greedy) {
                at++;
            }
            if (greedy && backtracks && element.characters != null) {
                element.greedyEnd = at;
            }
            if (at < source.length() && "*+?{".indexOf(source.charAt(at)) >= 0) {
                // a quantifier on a quantifier: not read
                throw new Unreadable();
            }
        }

        /** The index just past the class opening at {@code open}. */
        private int classEnd(int open) throws Unreadable {
            int end = AtomCharacters.classEnd(source, open);
            if (end < 0) {
                throw new Unreadable();
            }
            return end;
        }

        /** Whether a class may match characters above 255: negated, nested, or naming such characters or properties. */
        private boolean classBeyondLatin1(String set) {
            if (set.startsWith("[^") || set.indexOf('[', 1) >= 0 || set.contains("&&")) {
                return true;
            }
            for (int i = 1; i < set.length(); i++) {
                char c = set.charAt(i);
                if (c >= ALPHABET) {
                    return true;
                }
                if (c == '\\' && i + 1 < set.length()) {
                    char escaped = set.charAt(i + 1);
                    if ("pPuSDWhHvVxN".indexOf(escaped) >= 0 && !(escaped == 'x' && i + 2 < set.length()
                        && set.charAt(i + 2) != '{')) {
                        return true;
                    }
                    i++;
                }
            }
            return false;
        }

        private void group() throws Unreadable {
            at++;
            int outer = flags;
            if (source.startsWith("?", at)) {
                if (source.startsWith("?:", at) || source.startsWith("?>", at)) {
                    at += 2;
                } else if (source.startsWith("?=", at) || source.startsWith("?!", at) || source.startsWith("?<=", at)
                    || source.startsWith("?<!", at)) {
                    // look-arounds are left as they are
                    skipGroupBody();
                    flags = outer;
                    return;
                } else if (source.startsWith("?<", at)) {
                    int close = source.indexOf('>', at);
                    if (close < 0) {
                        throw new Unreadable();
                    }
                    at = close + 1;
                } else if (inlineFlags()) {
                    return;
                }
            }
            alternation();
            if (at >= source.length() || source.charAt(at) != ')') {
                throw new Unreadable();
            }
            at++;
            flags = outer;
        }

        /** Skips to just past the group's closing parenthesis, classes and escapes included. */
        private void skipGroupBody() throws Unreadable {
            int depth = 1;
            while (at < source.length()) {
                char c = source.charAt(at);
                if (c == '\\') {
                    at += 2;
                } else if (c == '[') {
                    at = classEnd(at);
                } else {
                    at++;
                    if (c == '(') {
                        depth++;
                    } else if (c == ')' && --depth == 0) {
                        return;
                    }
                }
            }
            throw new Unreadable();
        }

        /**
         * Reads {@code ?flags)} (true: the flags hold for the rest of the enclosing group) or
         * {@code ?flags:} (false: the group's body follows under them).
         */
        private boolean inlineFlags() throws Unreadable {
            AtomCharacters.InlineFlags read = AtomCharacters.inlineFlags(source, at, flags, READABLE_FLAGS);
            if (read == null) {
                throw new Unreadable();
            }
            at = read.end;
            flags = read.flags;
            return read.restOfGroup;
        }

        private void escape(Element element) throws Unreadable {
            if (at + 1 >= source.length()) {
                throw new Unreadable();
            }
            char c = source.charAt(at + 1);
            int start = at;
            // an assertion, or a back-reference: not a single character
            int end = Math.max(AtomCharacters.assertionEnd(source, start), AtomCharacters.backReferenceEnd(source, start));
            if (end >= 0) {
                at = end;
                return;
            }
            at = AtomCharacters.escapeEnd(source, start);
            if (at < 0) {
                throw new Unreadable();
            }
            // above 255: a braced hex escape, a Unicode escape, a property, or a complement or Unicode-wide class
            boolean beyondLatin1 = "uSDWhHvVpP".indexOf(c) >= 0 || c == 'x' && source.startsWith("{", start + 2);
            single(element, source.substring(start, at), beyondLatin1);
        }
    }
}
