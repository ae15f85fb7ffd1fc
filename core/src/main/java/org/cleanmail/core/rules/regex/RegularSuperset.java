package org.cleanmail.core.rules.regex;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.cleanmail.core.rules.regex.SupersetNfa.Shape;

/**
 * Reads a Java regular expression into a finite automaton over the characters 0-255 (a
 * text in byte form, {@link SupersetNfa}) that accepts every string one of its matches can be, and more: a
 * superset, so that a text holding no substring the automaton accepts holds no match.
 * Look-arounds, word boundaries and the end anchors only constrain where a match may be, so
 * they are read as the empty string; the start anchors ({@code ^}, {@code \A}) are read as
 * the empty string where the text or a line starts ({@link SupersetNfa.Shape#at}), so that
 * a filter of {@code /^Subject:/m} passes a text with a line that starts so, not one with
 * {@code Subject:} anywhere; a back-reference is read as any string; a counted
 * repetition beyond {@value #MAX_COUNT} is loosened to "at least" ({@code [^\n]{0,200}} is
 * read as {@code [^\n]*}); a lazy or possessive quantifier and an atomic group are read as
 * the greedy, plain ones (they match fewer strings, never others). Each character, class or
 * escape is given the set of characters 0-255 Java's own {@link Pattern} matches with it,
 * under the flags in force there ({@code (?i)} groups included), so classes, escapes and
 * case folding mean exactly what they mean to the pattern.
 *
 * <p>Empty when the pattern is outside what this reads ({@code /x} comments, {@code \Q},
 * {@code \R}, {@code \X}, named back-references of unknown form...), when it can match the
 * empty string (every text would pass), or when the automaton grows beyond the states
 * it is given. Thread-safe (each reading has its own state; the character sets are shared).
 */
public final class RegularSuperset {
    /** Counted repetitions up to this are kept; beyond, loosened to "at least". */
    static final int MAX_COUNT = 8;
    /** The inline flags read; others ({@code x}) change how the rest reads. */
    private static final int READABLE_FLAGS = Pattern.CASE_INSENSITIVE | Pattern.MULTILINE | Pattern.DOTALL
        | Pattern.UNICODE_CASE | Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS;

    /** Beyond this many states (before determinising), the automaton is given up. */
    private final int maxStates;

    private final AtomCharacters atoms;

    /** @param maxStates beyond this many states, while reading, a pattern is given up */
    public RegularSuperset(int maxStates) {
        this(new AtomCharacters(), maxStates);
    }

    /** A reader sharing the character sets of atoms with the compilation's other readers. */
    public RegularSuperset(AtomCharacters atoms, int maxStates) {
        this.atoms = atoms;
        this.maxStates = maxStates;
    }

    /** The automaton of every string a match of the pattern can be; empty when not read. */
    public Optional<SupersetNfa> of(Pattern pattern) {
        return shape(pattern).map(shape -> SupersetNfa.of(shape, maxStates));
    }

    /**
     * The automaton of every string a match of each of the patterns can be, each pattern a
     * branch with its own end ({@link SupersetNfa#branchEnding}), branches numbered as the
     * patterns are; empty when one of them is not read, or all together are too large.
     */
    public Optional<SupersetNfa> ofEach(List<Pattern> patterns) {
        List<Shape> shapes = new ArrayList<>();
        for (Pattern pattern : patterns) {
            Optional<Shape> shape = shape(pattern);
            if (shape.isEmpty()) {
                return Optional.empty();
            }
            shapes.add(shape.get());
        }
        return Optional.ofNullable(SupersetNfa.ofEach(shapes, maxStates));
    }

    private Optional<Shape> shape(Pattern pattern) {
        if ((pattern.flags() & (Pattern.COMMENTS | Pattern.LITERAL | Pattern.CANON_EQ)) != 0) {
            return Optional.empty();
        }
        try {
            Reader reader = new Reader(pattern.pattern(), pattern.flags());
            Shape read = reader.alternation();
            if (!reader.atEnd() || read.nullable()) {
                return Optional.empty();
            }
            return Optional.of(read);
        } catch (Unreadable | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void checkSize(Shape shape) throws Unreadable {
        if (shape.states(maxStates + 1L) > maxStates) {
            throw new Unreadable();
        }
    }

    /** A pattern outside what {@link Reader} reads. */
    private static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable() {
            super(null, null, false, false);
        }
    }

    /** Recursive descent over the pattern source, flags tracked per group. */
    private final class Reader {
        private final String source;
        private int at;
        private int flags;

        Reader(String source, int flags) {
            this.source = source;
            this.flags = flags;
        }

        boolean atEnd() {
            return at == source.length();
        }

        Shape alternation() throws Unreadable {
            int flagsAtStart = flags;
            List<Shape> branches = new ArrayList<>();
            branches.add(sequence());
            while (at < source.length() && source.charAt(at) == '|') {
                at++;
                branches.add(sequence());
            }
            // inline flags end with the group that holds them
            flags = flagsAtStart;
            Shape union = branches.size() == 1 ? branches.get(0) : Shape.alternation(branches);
            checkSize(union);
            return union;
        }

        private Shape sequence() throws Unreadable {
            List<Shape> parts = new ArrayList<>();
            while (at < source.length() && source.charAt(at) != '|' && source.charAt(at) != ')') {
                Shape atom = atom();
                parts.add(quantified(atom));
            }
            Shape sequence = Shape.sequence(parts);
            checkSize(sequence);
            return sequence;
        }

        private Shape quantified(Shape atom) throws Unreadable {
            if (at >= source.length()) {
                return atom;
            }
            char c = source.charAt(at);
            Shape result;
            if (c == '*') {
                at++;
                result = Shape.repeat(atom, 0, -1);
            } else if (c == '+') {
                at++;
                result = Shape.repeat(atom, 1, -1);
            } else if (c == '?') {
                at++;
                result = Shape.repeat(atom, 0, 1);
            } else if (c == '{' && countAhead()) {
                result = counted(atom);
            } else {
                return atom;
            }
            if (at < source.length() && (source.charAt(at) == '?' || source.charAt(at) == '+')) {
                // lazy or possessive: fewer strings, never others
                at++;
            }
            checkSize(result);
            return quantified(result);
        }

        private boolean countAhead() {
            int close = source.indexOf('}', at);
            return close > at + 1 && source.substring(at + 1, close).matches("\\d+(?:,\\d*)?");
        }

        private Shape counted(Shape atom) {
            int close = source.indexOf('}', at);
            String[] bounds = source.substring(at + 1, close).split(",", -1);
            at = close + 1;
            int min = Integer.parseInt(bounds[0]);
            Integer max = bounds.length == 1 ? Integer.valueOf(min) : bounds[1].isEmpty() ? null : Integer.valueOf(bounds[1]);
            if (max == null || max > MAX_COUNT) {
                return Shape.repeat(atom, Math.min(min, MAX_COUNT), -1);
            }
            return Shape.repeat(atom, min, max);
        }

        private Shape atom() throws Unreadable {
            char c = source.charAt(at);
            switch (c) {
                case '(':
                    return group();
                case '[':
                    return Shape.chars(atoms.of(source.substring(at, at = classEnd(at)), flags));
                case '\\':
                    return escape();
                case '^':
                    at++;
                    if ((flags & Pattern.MULTILINE) == 0) {
                        return Shape.at(SupersetNfa.TEXT_START);
                    }
                    // a line starts after \n alone under UNIX_LINES (every translated rule); else after \r, \u0085... too
                    return (flags & Pattern.UNIX_LINES) != 0 ? Shape.at(SupersetNfa.LINE_START) : Shape.empty();
                case '$':
                    at++;
                    return Shape.empty();
                case '*':
                case '+':
                case '?':
                case '{':
                    // a dangling quantifier: Java refused it or read it otherwise
                    throw new Unreadable();
                default:
                    at++;
                    if (Character.isHighSurrogate(c)) {
                        throw new Unreadable();
                    }
                    return Shape.chars(atoms.of(c == '.' ? "." : Pattern.quote(String.valueOf(c)), flags));
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

        private Shape group() throws Unreadable {
            at++;
            int outer = flags;
            boolean assertion = false;
            if (source.startsWith("?", at)) {
                if (source.startsWith("?:", at) || source.startsWith("?>", at)) {
                    at += 2;
                } else if (source.startsWith("?=", at) || source.startsWith("?!", at)) {
                    at += 2;
                    assertion = true;
                } else if (source.startsWith("?<=", at) || source.startsWith("?<!", at)) {
                    at += 3;
                    assertion = true;
                } else if (source.startsWith("?<", at)) {
                    int close = source.indexOf('>', at);
                    if (close < 0) {
                        throw new Unreadable();
                    }
                    at = close + 1;
                } else {
                    Shape inline = inlineFlags();
                    if (inline != null) {
                        return inline;
                    }
                }
            }
            Shape inside = alternation();
            if (at >= source.length() || source.charAt(at) != ')') {
                throw new Unreadable();
            }
            at++;
            flags = outer;
            return assertion ? Shape.empty() : inside;
        }

        /**
         * Reads {@code ?flags)} (which changes the flags for the rest of the enclosing group:
         * answers the empty string) or {@code ?flags:} (answers null, the group's body follows).
         */
        private Shape inlineFlags() throws Unreadable {
            AtomCharacters.InlineFlags read = AtomCharacters.inlineFlags(source, at, flags, READABLE_FLAGS);
            if (read == null) {
                throw new Unreadable();
            }
            at = read.end;
            flags = read.flags;
            return read.restOfGroup ? Shape.empty() : null;
        }

        private Shape escape() throws Unreadable {
            if (at + 1 >= source.length()) {
                throw new Unreadable();
            }
            int start = at;
            int end = AtomCharacters.assertionEnd(source, start);
            if (end >= 0) {
                at = end;
                return source.charAt(start + 1) == 'A' ? Shape.at(SupersetNfa.TEXT_START) : Shape.empty();
            }
            if (source.charAt(start + 1) == 'k') {
                // a named back-reference: the group's text, whatever it was
                int close = source.indexOf('>', start);
                if (close < 0) {
                    throw new Unreadable();
                }
                at = close + 1;
                return Shape.anyString();
            }
            end = AtomCharacters.backReferenceEnd(source, start);
            if (end >= 0) {
                // a back-reference: the group's text, whatever it was
                at = end;
                return Shape.anyString();
            }
            at = AtomCharacters.escapeEnd(source, start);
            if (at < 0) {
                throw new Unreadable();
            }
            return Shape.chars(atoms.of(source.substring(start, at), flags));
        }
    }
}
