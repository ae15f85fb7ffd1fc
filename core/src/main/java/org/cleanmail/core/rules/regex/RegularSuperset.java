package org.cleanmail.core.rules.regex;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.Operations;

/**
 * Reads a Java regular expression into a finite automaton over the characters 0-255 (a
 * text in byte form) that accepts every string one of its matches can be, and more: a
 * superset, so that a text holding no substring the automaton accepts holds no match.
 * Look-arounds, anchors and word boundaries only constrain where a match may be, so they
 * are read as the empty string; a back-reference is read as any string; a counted
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
    private static final int ALPHABET = AtomCharacters.ALPHABET;

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

    /** The automaton, not determinised, of every string a match of the pattern can be; empty when not read. */
    public Optional<Automaton> of(Pattern pattern) {
        if ((pattern.flags() & (Pattern.COMMENTS | Pattern.LITERAL | Pattern.CANON_EQ)) != 0) {
            return Optional.empty();
        }
        try {
            Reader reader = new Reader(pattern.pattern(), pattern.flags());
            Automaton read = reader.alternation();
            // no empty transitions in these automata: the empty string is accepted where the start state is
            if (!reader.atEnd() || read.getNumStates() == 0 || read.isAccept(0)) {
                return Optional.empty();
            }
            return Optional.of(read);
        } catch (Unreadable | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Automaton ofSet(BitSet set) {
        Automaton automaton = new Automaton();
        int start = automaton.createState();
        int end = automaton.createState();
        automaton.setAccept(end, true);
        for (int from = set.nextSetBit(0); from >= 0; ) {
            int to = set.nextClearBit(from);
            automaton.addTransition(start, end, from, to - 1);
            from = to < ALPHABET ? set.nextSetBit(to) : -1;
        }
        automaton.finishState();
        return automaton;
    }

    private static Automaton anyString() {
        return Operations.repeat(Automata.makeCharRange(0, ALPHABET - 1));
    }

    private void checkSize(Automaton automaton) throws Unreadable {
        if (automaton.getNumStates() > maxStates) {
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

        Automaton alternation() throws Unreadable {
            int flagsAtStart = flags;
            List<Automaton> branches = new ArrayList<>();
            branches.add(sequence());
            while (at < source.length() && source.charAt(at) == '|') {
                at++;
                branches.add(sequence());
            }
            // inline flags end with the group that holds them
            flags = flagsAtStart;
            Automaton union = branches.size() == 1 ? branches.get(0) : Operations.union(branches);
            checkSize(union);
            return union;
        }

        private Automaton sequence() throws Unreadable {
            List<Automaton> parts = new ArrayList<>();
            while (at < source.length() && source.charAt(at) != '|' && source.charAt(at) != ')') {
                Automaton atom = atom();
                parts.add(quantified(atom));
            }
            Automaton sequence = parts.isEmpty() ? Automata.makeEmptyString() : Operations.concatenate(parts);
            checkSize(sequence);
            return sequence;
        }

        private Automaton quantified(Automaton atom) throws Unreadable {
            if (at >= source.length()) {
                return atom;
            }
            char c = source.charAt(at);
            Automaton result;
            if (c == '*') {
                at++;
                result = Operations.repeat(atom);
            } else if (c == '+') {
                at++;
                result = Operations.repeat(atom, 1);
            } else if (c == '?') {
                at++;
                result = Operations.optional(atom);
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

        private Automaton counted(Automaton atom) {
            int close = source.indexOf('}', at);
            String[] bounds = source.substring(at + 1, close).split(",", -1);
            at = close + 1;
            int min = Integer.parseInt(bounds[0]);
            Integer max = bounds.length == 1 ? Integer.valueOf(min) : bounds[1].isEmpty() ? null : Integer.valueOf(bounds[1]);
            if (max == null || max > MAX_COUNT) {
                return Operations.repeat(atom, Math.min(min, MAX_COUNT));
            }
            return Operations.repeat(atom, min, max);
        }

        private Automaton atom() throws Unreadable {
            char c = source.charAt(at);
            switch (c) {
                case '(':
                    return group();
                case '[':
                    return ofSet(atoms.of(source.substring(at, at = classEnd(at)), flags));
                case '\\':
                    return escape();
                case '^':
                case '$':
                    at++;
                    return Automata.makeEmptyString();
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
                    return ofSet(atoms.of(c == '.' ? "." : Pattern.quote(String.valueOf(c)), flags));
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

        private Automaton group() throws Unreadable {
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
                    Automaton inline = inlineFlags();
                    if (inline != null) {
                        return inline;
                    }
                }
            }
            Automaton inside = alternation();
            if (at >= source.length() || source.charAt(at) != ')') {
                throw new Unreadable();
            }
            at++;
            flags = outer;
            return assertion ? Automata.makeEmptyString() : inside;
        }

        /**
         * Reads {@code ?flags)} (which changes the flags for the rest of the enclosing group:
         * answers the empty string) or {@code ?flags:} (answers null, the group's body follows).
         */
        private Automaton inlineFlags() throws Unreadable {
            int i = at + 1;
            boolean on = true;
            int changed = flags;
            while (i < source.length()) {
                char c = source.charAt(i);
                if (c == '-') {
                    on = false;
                } else if (c == ')' || c == ':') {
                    at = i + 1;
                    flags = changed;
                    return c == ')' ? Automata.makeEmptyString() : null;
                } else {
                    int flag = flagOf(c);
                    changed = on ? changed | flag : changed & ~flag;
                }
                i++;
            }
            throw new Unreadable();
        }

        private int flagOf(char c) throws Unreadable {
            switch (c) {
                case 'i':
                    return Pattern.CASE_INSENSITIVE;
                case 'm':
                    return Pattern.MULTILINE;
                case 's':
                    return Pattern.DOTALL;
                case 'u':
                    return Pattern.UNICODE_CASE;
                case 'd':
                    return Pattern.UNIX_LINES;
                case 'U':
                    return Pattern.UNICODE_CHARACTER_CLASS;
                default:
                    // x (comments) changes how the rest reads
                    throw new Unreadable();
            }
        }

        private Automaton escape() throws Unreadable {
            if (at + 1 >= source.length()) {
                throw new Unreadable();
            }
            char c = source.charAt(at + 1);
            int start = at;
            switch (c) {
                case 'b':
                case 'B':
                case 'A':
                case 'z':
                case 'Z':
                case 'G':
                    at += 2;
                    return Automata.makeEmptyString();
                case 'k':
                    int close = source.indexOf('>', at);
                    if (close < 0) {
                        throw new Unreadable();
                    }
                    at = close + 1;
                    return anyString();
                default:
                    if (c >= '1' && c <= '9') {
                        // a back-reference: the group's text, whatever it was
                        at += 2;
                        while (at < source.length() && Character.isDigit(source.charAt(at))) {
                            at++;
                        }
                        return anyString();
                    }
                    at = AtomCharacters.escapeEnd(source, start);
                    if (at < 0) {
                        throw new Unreadable();
                    }
            }
            return ofSet(atoms.of(source.substring(start, at), flags));
        }
    }
}
