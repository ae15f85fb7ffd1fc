package org.cleanmail.core.rules.regex;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A translated pattern cut down to what can match a text of ASCII characters only: the
 * alternatives that need a character at or above 128 are dropped, and so are optional parts
 * that need one. SpamAssassin's look-alike rules ({@code <A>} of ReplaceTags stands for
 * {@code [aA@]} and some twenty alternatives of accented letters in UTF-8 bytes) shrink to
 * their few ASCII alternatives, which a matcher tries far faster, on the many texts that are
 * plain ASCII. On such a text the cut pattern matches exactly where the whole one does.
 * A plain group left with one alternative loses its parentheses ({@code (?:[aA@])+} is
 * {@code [aA@]+}): Java enters, and on every attempt resets, a slot per group.
 *
 * <p>Reads the Java syntax the translation writes. A capturing group is never dropped (a
 * back-reference counts groups), nor anything holding one; a negative look-around whose
 * every alternative needs a non-ASCII character always holds and is dropped. A pattern that
 * cannot be read (or uses {@code \Q}, {@code /x} comments, or Unicode case folding, under
 * which a non-ASCII letter in the pattern can match an ASCII one) is not cut. Stateless.
 */
public final class AsciiPruning {
    /** What {@link #prune} gives for a pattern that cannot match any ASCII text. */
    public static final String NEVER = "(?!)";

    private AsciiPruning() {
    }

    /**
     * The pattern's source cut for ASCII texts; {@link #NEVER} when no ASCII text can match
     * it; empty when nothing is cut or the pattern cannot be read.
     */
    public static Optional<String> prune(Pattern pattern) {
        if ((pattern.flags() & (Pattern.COMMENTS | Pattern.UNICODE_CASE | Pattern.LITERAL | Pattern.CANON_EQ)) != 0) {
            return Optional.empty();
        }
        String source = pattern.pattern();
        try {
            Reader reader = new Reader(source);
            Alternation root = reader.alternation();
            if (!reader.atEnd()) {
                return Optional.empty();
            }
            if (root.dead()) {
                return Optional.of(NEVER);
            }
            StringBuilder cut = new StringBuilder(source.length());
            root.print(cut);
            return cut.length() == source.length() ? Optional.empty() : Optional.of(cut.toString());
        } catch (Unreadable e) {
            return Optional.empty();
        }
    }

    /** A part of the pattern, printed back from its source. */
    private interface Node {
        /** Whether no ASCII text can match it. */
        boolean dead();

        /** Whether it holds a capturing group. */
        boolean captures();

        void print(StringBuilder out);

        /** Whether it prints nothing: a negative look-around that always holds. */
        default boolean vanishes() {
            return false;
        }
    }

    private static final class Alternation implements Node {
        private final List<Sequence> branches = new ArrayList<>();

        @Override
        public boolean dead() {
            for (Sequence branch : branches) {
                if (!branch.dead()) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean captures() {
            for (Sequence branch : branches) {
                if (branch.captures()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void print(StringBuilder out) {
            boolean first = true;
            for (Sequence branch : branches) {
                if (branch.dead() && !branch.captures()) {
                    continue;
                }
                if (!first) {
                    out.append('|');
                }
                branch.print(out);
                first = false;
            }
        }
    }

    private static final class Sequence implements Node {
        private final List<Item> items = new ArrayList<>();

        @Override
        public boolean dead() {
            for (Item item : items) {
                if (item.dead()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean captures() {
            for (Item item : items) {
                if (item.captures()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void print(StringBuilder out) {
            for (Item item : items) {
                item.print(out);
            }
        }
    }

    /** An atom and its quantifier. */
    private static final class Item implements Node {
        private final Node atom;
        private final String quantifier;
        private final boolean optional;

        Item(Node atom, String quantifier, boolean optional) {
            this.atom = atom;
            this.quantifier = quantifier;
            this.optional = optional;
        }

        @Override
        public boolean dead() {
            return !optional && atom.dead();
        }

        @Override
        public boolean captures() {
            return atom.captures();
        }

        @Override
        public void print(StringBuilder out) {
            if (optional && atom.dead() && !atom.captures() || atom.vanishes()) {
                return;
            }
            if (atom instanceof Group && ((Group) atom).unwraps(quantifier.isEmpty()) && !endsWithNumberedEscape(out)) {
                // (?:[aA@]) is [aA@], one group fewer for the matcher to enter and reset
                ((Group) atom).printInside(out);
            } else {
                atom.print(out);
            }
            out.append(quantifier);
        }
    }

    /**
     * Whether the text printed so far ends with an escape and digits ({@code \1}, {@code \01}):
     * digits printed next would join them ({@code \1} then {@code 0} reads as {@code \10}).
     */
    private static boolean endsWithNumberedEscape(StringBuilder out) {
        int i = out.length();
        while (i > 0 && Character.isDigit(out.charAt(i - 1))) {
            i--;
        }
        return i < out.length() && i > 0 && out.charAt(i - 1) == '\\' || i < out.length() && i > 1
            && out.charAt(i - 2) == '\\' && Character.isLetter(out.charAt(i - 1));
    }

    /** Source printed as it is: a character, a class, an assertion, a back-reference. */
    private static final class Text implements Node {
        private final String text;
        private final boolean dead;
        /** Whether it matches exactly one character (a character, a class, an escape of either). */
        private final boolean oneCharacter;
        /** Whether it is an inline flag setting such as {@code (?i)}, which lasts to the end of its group. */
        private final boolean flags;

        Text(String text, boolean dead) {
            this(text, dead, false, false);
        }

        Text(String text, boolean dead, boolean oneCharacter, boolean flags) {
            this.text = text;
            this.dead = dead;
            this.oneCharacter = oneCharacter;
            this.flags = flags;
        }

        @Override
        public boolean dead() {
            return dead;
        }

        @Override
        public boolean captures() {
            return false;
        }

        @Override
        public void print(StringBuilder out) {
            out.append(text);
        }
    }

    private static final class Group implements Node {
        private final String opening;
        private final Alternation inner;
        private final boolean capturing;
        private final boolean negative;

        Group(String opening, Alternation inner, boolean capturing, boolean negative) {
            this.opening = opening;
            this.inner = inner;
            this.capturing = capturing;
            this.negative = negative;
        }

        @Override
        public boolean dead() {
            // a negative look-around over what cannot match always holds
            return !negative && inner.dead();
        }

        @Override
        public boolean captures() {
            return capturing || inner.captures();
        }

        @Override
        public boolean vanishes() {
            return negative && inner.dead() && !inner.captures();
        }

        /**
         * Whether a plain {@code (?:...)} left with one alternative can be printed without its
         * parentheses: always when not quantified, else when that alternative is one character.
         */
        boolean unwraps(boolean unquantified) {
            Sequence only = onlyBranch();
            if (!opening.equals("(?:") || only == null) {
                return false;
            }
            for (Item item : only.items) {
                if (item.atom instanceof Text && ((Text) item.atom).flags) {
                    return false;
                }
            }
            if (unquantified) {
                return true;
            }
            return only.items.size() == 1 && only.items.get(0).quantifier.isEmpty()
                && only.items.get(0).atom instanceof Text && ((Text) only.items.get(0).atom).oneCharacter;
        }

        /** The one alternative left, or null when there are several (or none). */
        private Sequence onlyBranch() {
            Sequence only = null;
            for (Sequence branch : inner.branches) {
                if (branch.dead() && !branch.captures()) {
                    continue;
                }
                if (only != null) {
                    return null;
                }
                only = branch;
            }
            return only;
        }

        void printInside(StringBuilder out) {
            onlyBranch().print(out);
        }

        @Override
        public void print(StringBuilder out) {
            if (vanishes()) {
                return;
            }
            out.append(opening);
            if (inner.dead() && !inner.captures()) {
                out.append(NEVER);
            } else {
                inner.print(out);
            }
            out.append(')');
        }
    }

    /** A pattern outside what {@link Reader} reads. */
    private static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable() {
            super(null, null, false, false);
        }
    }

    private static final class Reader {
        private final String source;
        private int at;

        Reader(String source) {
            this.source = source;
        }

        boolean atEnd() {
            return at == source.length();
        }

        Alternation alternation() throws Unreadable {
            Alternation alternation = new Alternation();
            alternation.branches.add(sequence());
            while (at < source.length() && source.charAt(at) == '|') {
                at++;
                alternation.branches.add(sequence());
            }
            return alternation;
        }

        private Sequence sequence() throws Unreadable {
            Sequence sequence = new Sequence();
            while (at < source.length() && source.charAt(at) != '|' && source.charAt(at) != ')') {
                Node atom = atom();
                int start = at;
                boolean optional = quantifier();
                sequence.items.add(new Item(atom, source.substring(start, at), optional));
            }
            return sequence;
        }

        /** Reads a quantifier, if one follows; whether it allows zero repetitions. */
        private boolean quantifier() throws Unreadable {
            if (at >= source.length()) {
                return false;
            }
            char c = source.charAt(at);
            boolean optional;
            if (c == '?' || c == '*') {
                at++;
                optional = true;
            } else if (c == '+') {
                at++;
                optional = false;
            } else if (c == '{') {
                int close = source.indexOf('}', at);
                if (close < 0) {
                    throw new Unreadable();
                }
                String bounds = source.substring(at + 1, close);
                if (!bounds.matches("\\d+(,\\d*)?")) {
                    throw new Unreadable();
                }
                optional = Integer.parseInt(bounds.split(",")[0]) == 0;
                at = close + 1;
            } else {
                return false;
            }
            if (at < source.length() && (source.charAt(at) == '?' || source.charAt(at) == '+')) {
                at++;
            }
            return optional;
        }

        private Node atom() throws Unreadable {
            int start = at;
            char c = source.charAt(at++);
            switch (c) {
                case '(':
                    return group(start);
                case '[':
                    return new Text(source.substring(start, skipClass(start)), deadClass(start), true, false);
                case '\\':
                    return escape(start);
                case '*':
                case '+':
                case '?':
                case '{':
                    throw new Unreadable();
                default:
                    return new Text(String.valueOf(c), c >= 128, "^$.|)]}".indexOf(c) < 0, false);
            }
        }

        private Node group(int start) throws Unreadable {
            boolean capturing = true;
            boolean negative = false;
            if (at < source.length() && source.charAt(at) == '?') {
                capturing = false;
                at++;
                if (source.startsWith("<=", at) || source.startsWith("<!", at)) {
                    negative = source.charAt(at + 1) == '!';
                    at += 2;
                } else if (at < source.length() && source.charAt(at) == '<') {
                    int close = source.indexOf('>', at);
                    if (close < 0) {
                        throw new Unreadable();
                    }
                    at = close + 1;
                    capturing = true;
                } else if (at < source.length() && ":=!>".indexOf(source.charAt(at)) >= 0) {
                    negative = source.charAt(at) == '!';
                    at++;
                } else {
                    return flags(start);
                }
            }
            String opening = source.substring(start, at);
            Alternation inner = alternation();
            if (at >= source.length() || source.charAt(at) != ')') {
                throw new Unreadable();
            }
            at++;
            return new Group(opening, inner, capturing, negative);
        }

        /** {@code (?i)} or {@code (?i-s:...)}: flags, which must not turn on Unicode case folding. */
        private Node flags(int start) throws Unreadable {
            int end = at;
            while (end < source.length() && (Character.isLetter(source.charAt(end)) || source.charAt(end) == '-')) {
                end++;
            }
            String flags = source.substring(at, end);
            if (flags.indexOf('u') >= 0 || flags.indexOf('U') >= 0 || flags.indexOf('x') >= 0 || end >= source.length()) {
                throw new Unreadable();
            }
            at = end + 1;
            if (source.charAt(end) == ')') {
                return new Text(source.substring(start, at), false, false, true);
            }
            if (source.charAt(end) != ':') {
                throw new Unreadable();
            }
            String opening = source.substring(start, at);
            Alternation inner = alternation();
            if (at >= source.length() || source.charAt(at) != ')') {
                throw new Unreadable();
            }
            at++;
            return new Group(opening, inner, false, false);
        }

        private Node escape(int start) throws Unreadable {
            if (at >= source.length()) {
                throw new Unreadable();
            }
            char c = source.charAt(at++);
            int value;
            switch (c) {
                case 'x':
                    value = number(RegexEscapes.hex(source, at));
                    break;
                case 'u':
                    value = number(RegexEscapes.unicode(source, at));
                    break;
                case '0':
                    value = number(RegexEscapes.octal(source, at));
                    break;
                case 'Q':
                case 'E':
                    throw new Unreadable();
                case 'k':
                case 'p':
                case 'P':
                case 'N':
                    skipBraced();
                    return new Text(source.substring(start, at), false, c != 'k', false);
                case 'c':
                    at++;
                    return new Text(source.substring(start, at), false, true, false);
                default:
                    if (Character.isDigit(c)) {
                        while (at < source.length() && Character.isDigit(source.charAt(at))) {
                            at++;
                        }
                    }
                    // an escaped character, a class such as \d or \s, an assertion, a back-reference
                    boolean oneCharacter = !Character.isLetterOrDigit(c) || "dDsSwWhHvVtnrfae".indexOf(c) >= 0;
                    return new Text(source.substring(start, at), c >= 128, oneCharacter, false);
            }
            return new Text(source.substring(start, at), value >= 128, true, false);
        }

        private void skipBraced() throws Unreadable {
            if (at < source.length() && (source.charAt(at) == '{' || source.charAt(at) == '<')) {
                int close = source.indexOf(source.charAt(at) == '{' ? '}' : '>', at);
                if (close < 0) {
                    throw new Unreadable();
                }
                at = close + 1;
            } else if (at < source.length()) {
                at++;
            }
        }

        /** The number an escape holds ({@link RegexEscapes}); moves past it. */
        private int number(RegexEscapes.Number number) throws Unreadable {
            if (number == null) {
                throw new Unreadable();
            }
            at = number.end();
            return number.value();
        }

        /** The end of the class opening at {@code start} (nested classes included); moves past it. */
        private int skipClass(int start) throws Unreadable {
            int depth = 0;
            int i = start;
            while (i < source.length()) {
                char c = source.charAt(i);
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == '[') {
                    depth++;
                    i++;
                    if (i < source.length() && source.charAt(i) == '^') {
                        i++;
                    }
                    if (i < source.length() && source.charAt(i) == ']') {
                        // a leading ] is a member
                        i++;
                    }
                    continue;
                }
                if (c == ']') {
                    depth--;
                    if (depth == 0) {
                        at = i + 1;
                        return at;
                    }
                }
                i++;
            }
            throw new Unreadable();
        }

        /**
         * Whether the class opening at {@code start} holds only characters at or above 128: a
         * plain, not negated class of characters, escapes and ranges (any other is alive).
         */
        private boolean deadClass(int start) throws Unreadable {
            int end = at - 1;
            int i = start + 1;
            if (source.charAt(i) == '^') {
                return false;
            }
            boolean first = true;
            while (i < end) {
                char c = source.charAt(i);
                if (c == '[' || c == '&' && i + 1 < end && source.charAt(i + 1) == '&') {
                    return false;
                }
                int low;
                if (c == '\\') {
                    Reader member = new Reader(source);
                    member.at = i + 1;
                    Node escaped = member.escape(i);
                    if (!escaped.dead()) {
                        return false;
                    }
                    i = member.at;
                    low = 128;
                } else {
                    if (c == ']' && !first) {
                        return false;
                    }
                    low = c;
                    i++;
                }
                first = false;
                if (low < 128) {
                    return false;
                }
                if (i + 1 < end && source.charAt(i) == '-') {
                    // a range upwards from a character at or above 128 stays there
                    i++;
                    if (source.charAt(i) == '\\') {
                        Reader member = new Reader(source);
                        member.at = i + 1;
                        member.escape(i);
                        i = member.at;
                    } else {
                        i++;
                    }
                }
            }
            return true;
        }
    }
}
