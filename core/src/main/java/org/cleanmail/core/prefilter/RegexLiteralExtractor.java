package org.cleanmail.core.prefilter;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the literals a {@link java.util.regex.Pattern} needs in a text, in the way of RE2's
 * prefilter: each part of the pattern is either a small set of exact strings it can match,
 * or a set of literals of which one must occur. Concatenation multiplies exact sets (so
 * {@code [Vv]iagra} gives {@code viagra}) or keeps the more selective requirement;
 * alternation unites them; optional parts, classes of many characters, back-references and
 * {@code .} require nothing. Everything is case-folded ({@link CaseFold}), so the result
 * holds for case-insensitive patterns too. A pattern this class cannot read yields
 * {@link RequiredLiterals#none()}: the rule is then always run, never wrongly skipped.
 */
public final class RegexLiteralExtractor {
    /** Literals shorter than this occur in nearly every text: they filter nothing. */
    public static final int MIN_LITERAL_LENGTH = 3;
    private static final int MAX_EXACT_STRINGS = 16;
    private static final int MAX_EXACT_LENGTH = 64;
    private static final int MAX_CLASS_CHARS = 4;
    private static final int MAX_ANY_OF = 512;
    private static final int MAX_REPEATS = 100;

    private RegexLiteralExtractor() {
    }

    public static RequiredLiterals requiredLiterals(String javaRegex) {
        return requiredLiterals(javaRegex, false);
    }

    /** @param comments whether the pattern is compiled with {@code Pattern.COMMENTS} ({@code /x}) */
    public static RequiredLiterals requiredLiterals(String javaRegex, boolean comments) {
        return analyse(javaRegex, comments).required();
    }

    /**
     * What a pattern needs in a text, read once: {@link #requiredLiterals}, {@link #requirements}
     * and {@link #minimumOccurrences} together.
     */
    public static Analysis analyse(String javaRegex, boolean comments) {
        try {
            Parser parser = new Parser(javaRegex, comments);
            Info info = parser.alternation();
            if (!parser.atEnd()) {
                return Analysis.NOTHING;
            }
            Set<String> match = info.toMatch();
            if (match == null) {
                return new Analysis(RequiredLiterals.none(), parser.topRequirements(), 1);
            }
            int occurrences = parser.topBranches == 1 && parser.topParts == 1 ? Math.max(1, parser.topPart.repeats) : 1;
            return new Analysis(RequiredLiterals.anyOf(match), parser.topRequirements(), occurrences);
        } catch (RuntimeException | StackOverflowError e) {
            // UnreadablePattern, or a malformed pattern running the reader off its end
            return Analysis.NOTHING;
        }
    }

    /** What a pattern needs in a text ({@link #analyse}). Immutable. */
    public static final class Analysis {
        private static final Analysis NOTHING = new Analysis(RequiredLiterals.none(), List.of(), 1);

        private final RequiredLiterals required;
        private final List<Set<String>> requirements;
        private final int minimumOccurrences;

        private Analysis(RequiredLiterals required, List<Set<String>> requirements, int minimumOccurrences) {
            this.required = required;
            this.requirements = requirements;
            this.minimumOccurrences = minimumOccurrences;
        }

        /** The literals of which one every match holds ({@link #requiredLiterals}). */
        public RequiredLiterals required() {
            return required;
        }

        /** Every requirement of the outermost sequence ({@link #requirements}). */
        public List<Set<String>> requirements() {
            return requirements;
        }

        /** How many occurrences of {@link #required()} a match holds at least ({@link #minimumOccurrences}). */
        public int minimumOccurrences() {
            return minimumOccurrences;
        }
    }

    /** What one part of a pattern can match: exact strings, or literals of which one is required (null: none). */
    private static final class Info {
        private static final Info ANY = new Info(null, null);
        private static final Info EMPTY = exact(Set.of(""));

        private final Set<String> exact;
        private final Set<String> match;
        /**
         * For a repetition of at least once of an exact part ({@code d+}, {@code (?:ab){2,}}):
         * the part's strings, which every match begins and ends with, so that {@code ad+res}
         * still requires {@code ad} and {@code dres}; else null.
         */
        private final Set<String> edge;
        /** How many times, at least, one of {@link #match}'s literals occurs in a match ({@code (?:x){3}}: 3). */
        private final int repeats;

        private Info(Set<String> exact, Set<String> match) {
            this(exact, match, null, 1);
        }

        private Info(Set<String> exact, Set<String> match, Set<String> edge, int repeats) {
            this.exact = exact;
            this.match = match;
            this.edge = edge;
            this.repeats = repeats;
        }

        static Info exact(Set<String> strings) {
            if (strings.size() > MAX_EXACT_STRINGS || strings.stream().anyMatch(s -> s.length() > MAX_EXACT_LENGTH)) {
                return requiring(weakestFree(strings));
            }
            return new Info(strings, null);
        }

        static Info requiring(Set<String> literals) {
            return literals == null ? ANY : new Info(null, literals);
        }

        static Set<String> weakestFree(Set<String> strings) {
            boolean weak = strings.stream().anyMatch(s -> s.length() < MIN_LITERAL_LENGTH);
            return weak || strings.size() > MAX_ANY_OF ? null : strings;
        }

        Set<String> toMatch() {
            return exact != null ? weakestFree(exact) : match;
        }

        Info or(Info other) {
            if (exact != null && other.exact != null) {
                Set<String> union = new HashSet<>(exact);
                union.addAll(other.exact);
                if (union.size() <= MAX_EXACT_STRINGS) {
                    return exact(union);
                }
            }
            Set<String> mine = toMatch();
            Set<String> theirs = other.toMatch();
            if (mine == null || theirs == null) {
                return ANY;
            }
            Set<String> union = new HashSet<>(mine);
            union.addAll(theirs);
            return requiring(union.size() > MAX_ANY_OF ? null : union);
        }

        Info optional() {
            if (exact != null) {
                Set<String> withEmpty = new HashSet<>(exact);
                withEmpty.add("");
                return exact(withEmpty);
            }
            return ANY;
        }

        static Set<String> stronger(Set<String> a, Set<String> b) {
            if (a == null) {
                return b;
            }
            if (b == null) {
                return a;
            }
            int shortestA = a.stream().mapToInt(String::length).min().orElse(0);
            int shortestB = b.stream().mapToInt(String::length).min().orElse(0);
            if (shortestA != shortestB) {
                return shortestA > shortestB ? a : b;
            }
            return a.size() <= b.size() ? a : b;
        }
    }

    private static final class UnreadablePattern extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnreadablePattern() {
            super(null, null, false, false);
        }
    }

    /**
     * Every requirement the pattern's outermost sequence makes, each a set of literals of
     * which one must occur: {@code ^Received:[^\n]*\b(?:cheap|free)\b} requires
     * {@code received:} and one of {@code cheap}, {@code free}. Empty when there is none (or
     * the pattern is an alternation at its top, whose single requirement
     * {@link #requiredLiterals} gives).
     */
    public static List<Set<String>> requirements(String javaRegex, boolean comments) {
        return analyse(javaRegex, comments).requirements();
    }

    /**
     * How many occurrences, at distinct positions, of {@link #requiredLiterals} a match holds
     * at least: more than 1 for a pattern that is one repeated group, such as
     * {@code (?:(?:your\s)?(?:name|city|phone):\s*){3}} (each repetition holds its own).
     */
    public static int minimumOccurrences(String javaRegex, boolean comments) {
        return analyse(javaRegex, comments).minimumOccurrences();
    }

    /** A recursive-descent reader of java.util.regex syntax, just deep enough to find literals. */
    private static final class Parser {
        private final String pattern;
        private int pos;
        private boolean comments;
        /** How deep the sequence being read is: 1 for the outermost. */
        private int nesting;
        /** The requirements of the outermost sequence, as read. */
        private final Set<Set<String>> topRequirements = new LinkedHashSet<>();
        private int topBranches;
        /** The parts of the outermost sequence, and the last one read. */
        private int topParts;
        private Info topPart;

        /** The requirements of the outermost sequence; none when the pattern is an alternation at its top. */
        List<Set<String>> topRequirements() {
            return topBranches == 1 ? List.copyOf(topRequirements) : List.of();
        }

        Parser(String pattern, boolean comments) {
            this.pattern = pattern;
            this.comments = comments;
        }

        boolean atEnd() {
            skipComments();
            return pos >= pattern.length();
        }

        Info alternation() {
            Info result = concatenation();
            while (peek() == '|') {
                pos++;
                result = result.or(concatenation());
            }
            return result;
        }

        /**
         * A sequence: exact parts are multiplied together while the product stays small;
         * a part that is not exact, or a product grown too large, closes the run, whose
         * strings become one candidate requirement. The most selective candidate wins.
         */
        private Info concatenation() {
            nesting++;
            try {
                return sequence();
            } finally {
                nesting--;
            }
        }

        /** Keeps a requirement of the outermost sequence; returns the stronger of the two, as {@link Info#stronger}. */
        private Set<String> consider(Set<String> best, Set<String> candidate) {
            if (nesting == 1 && candidate != null) {
                topRequirements.add(candidate);
            }
            return Info.stronger(best, candidate);
        }

        private Info sequence() {
            if (nesting == 1) {
                topBranches++;
            }
            Set<String> run = Set.of("");
            Set<String> best = null;
            boolean exact = true;
            while (true) {
                skipComments();
                if (pos >= pattern.length() || pattern.charAt(pos) == '|' || pattern.charAt(pos) == ')') {
                    break;
                }
                Info part = quantified();
                if (nesting == 1) {
                    topParts++;
                    topPart = part;
                }
                if (part.exact != null && run.size() * part.exact.size() <= MAX_EXACT_STRINGS) {
                    run = product(run, part.exact);
                    continue;
                }
                exact = false;
                if (part.edge != null && run.size() * part.edge.size() <= MAX_EXACT_STRINGS) {
                    run = product(run, part.edge);
                }
                best = consider(best, Info.weakestFree(run));
                if (part.exact != null) {
                    run = part.exact;
                } else {
                    best = consider(best, part.match);
                    run = part.edge != null ? part.edge : Set.of("");
                }
            }
            if (exact) {
                consider(null, Info.weakestFree(run));
                return Info.exact(run);
            }
            return Info.requiring(consider(best, Info.weakestFree(run)));
        }

        private static Set<String> product(Set<String> left, Set<String> right) {
            Set<String> product = new HashSet<>();
            for (String l : left) {
                for (String r : right) {
                    product.add(l + r);
                }
            }
            return product;
        }

        private Info quantified() {
            Info atom = atom();
            while (true) {
                skipComments();
                if (pos >= pattern.length()) {
                    return atom;
                }
                char c = pattern.charAt(pos);
                int min;
                int max;
                if (c == '*' || c == '?') {
                    pos++;
                    min = 0;
                    max = c == '?' ? 1 : Integer.MAX_VALUE;
                } else if (c == '+') {
                    pos++;
                    min = 1;
                    max = Integer.MAX_VALUE;
                } else if (c == '{') {
                    int[] bounds = counted();
                    min = bounds[0];
                    max = bounds[1];
                } else {
                    return atom;
                }
                if (pos < pattern.length() && (pattern.charAt(pos) == '?' || pattern.charAt(pos) == '+')) {
                    pos++;
                }
                atom = repeat(atom, min, max);
            }
        }

        private static Info repeat(Info atom, int min, int max) {
            if (min == 0) {
                return max == 0 ? Info.EMPTY : atom.optional();
            }
            if (min == 1 && max == 1) {
                return atom;
            }
            Set<String> required = atom.toMatch();
            // each repetition is a separate stretch of the match, so holds its own occurrence
            int repeats = required == null ? 1 : (int) Math.min(MAX_REPEATS, (long) min * (atom.exact != null ? 1 : atom.repeats));
            return new Info(null, required, atom.exact != null && !atom.exact.contains("") ? atom.exact : null, repeats);
        }

        private int[] counted() {
            int close = pattern.indexOf('}', pos);
            if (close < 0) {
                throw new UnreadablePattern();
            }
            String body = pattern.substring(pos + 1, close);
            pos = close + 1;
            try {
                int comma = body.indexOf(',');
                if (comma < 0) {
                    int n = Integer.parseInt(body.trim());
                    return new int[] {n, n};
                }
                int min = Integer.parseInt(body.substring(0, comma).trim());
                String upper = body.substring(comma + 1).trim();
                return new int[] {min, upper.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(upper)};
            } catch (NumberFormatException e) {
                throw new UnreadablePattern();
            }
        }

        private Info atom() {
            char c = pattern.charAt(pos++);
            switch (c) {
                case '(':
                    return group();
                case '[':
                    return literalSet(characterClass());
                case '.':
                    return Info.ANY;
                case '^':
                case '$':
                    return Info.EMPTY;
                case '\\':
                    return escape();
                default:
                    return literal(c);
            }
        }

        private Info group() {
            boolean lookaround = false;
            boolean outerComments = comments;
            if (peekRaw() == '?') {
                pos++;
                char kind = pattern.charAt(pos);
                if (kind == ':' || kind == '>') {
                    pos++;
                } else if (kind == '=' || kind == '!') {
                    pos++;
                    lookaround = true;
                } else if (kind == '<') {
                    char next = pattern.charAt(pos + 1);
                    if (next == '=' || next == '!') {
                        pos += 2;
                        lookaround = true;
                    } else {
                        int close = pattern.indexOf('>', pos);
                        if (close < 0) {
                            throw new UnreadablePattern();
                        }
                        pos = close + 1;
                    }
                } else {
                    boolean scoped = inlineFlags();
                    if (!scoped) {
                        return Info.EMPTY;
                    }
                }
            }
            Info inner = alternation();
            expect(')');
            comments = outerComments;
            return lookaround ? Info.EMPTY : inner;
        }

        /** Reads {@code (?flags)} or {@code (?flags:}; returns whether a scoped group follows. */
        private boolean inlineFlags() {
            boolean on = true;
            while (pos < pattern.length()) {
                char f = pattern.charAt(pos++);
                if (f == ')') {
                    return false;
                }
                if (f == ':') {
                    return true;
                }
                if (f == '-') {
                    on = false;
                } else if (f == 'x') {
                    comments = on;
                } else if ("idmsuUc".indexOf(f) < 0) {
                    throw new UnreadablePattern();
                }
            }
            throw new UnreadablePattern();
        }

        private Info escape() {
            if (pos >= pattern.length()) {
                throw new UnreadablePattern();
            }
            char c = pattern.charAt(pos++);
            switch (c) {
                case 'b':
                case 'B':
                case 'A':
                case 'z':
                case 'Z':
                case 'G':
                    return Info.EMPTY;
                case 'Q':
                    int end = pattern.indexOf("\\E", pos);
                    String quoted = pattern.substring(pos, end < 0 ? pattern.length() : end);
                    pos = end < 0 ? pattern.length() : end + 2;
                    return Info.exact(Set.of(CaseFold.fold(quoted)));
                case 'k':
                    int close = pattern.indexOf('>', pos);
                    pos = close < 0 ? pattern.length() : close + 1;
                    return Info.ANY;
                default:
                    int single = escapedChar(c);
                    return single < 0 ? Info.ANY : literal((char) single);
            }
        }

        /** The character an escape stands for, or -1 for a class, a back-reference or a property. */
        private int escapedChar(char c) {
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
                    return 7;
                case 'e':
                    return 27;
                case 'c':
                    return pos < pattern.length() ? pattern.charAt(pos++) ^ 64 : -1;
                case 'x':
                    return hex();
                case 'u':
                    return hexDigits(4);
                case '0':
                    return octal();
                case 'p':
                case 'P':
                case 'N':
                    if (peekRaw() == '{') {
                        int close = pattern.indexOf('}', pos);
                        pos = close < 0 ? pattern.length() : close + 1;
                    } else {
                        pos++;
                    }
                    return -1;
                default:
                    if (Character.isLetterOrDigit(c)) {
                        return -1;
                    }
                    return c;
            }
        }

        private int hex() {
            if (peekRaw() == '{') {
                int close = pattern.indexOf('}', pos);
                if (close < 0) {
                    throw new UnreadablePattern();
                }
                int codePoint = Integer.parseInt(pattern.substring(pos + 1, close), 16);
                pos = close + 1;
                return codePoint <= Character.MAX_VALUE ? codePoint : -1;
            }
            return hexDigits(2);
        }

        private int hexDigits(int count) {
            if (pos + count > pattern.length()) {
                throw new UnreadablePattern();
            }
            try {
                int value = Integer.parseInt(pattern.substring(pos, pos + count), 16);
                pos += count;
                return value;
            } catch (NumberFormatException e) {
                throw new UnreadablePattern();
            }
        }

        private int octal() {
            int value = 0;
            int digits = 0;
            while (digits < 3 && pos < pattern.length() && pattern.charAt(pos) >= '0' && pattern.charAt(pos) <= '7') {
                value = value * 8 + (pattern.charAt(pos++) - '0');
                digits++;
            }
            return value;
        }

        /** Reads a class after its {@code [}; returns its folded characters, or null when they are too many to list. */
        private Set<Character> characterClass() {
            Set<Character> chars = new HashSet<>();
            boolean enumerable = true;
            if (peekRaw() == '^') {
                pos++;
                enumerable = false;
            }
            boolean first = true;
            while (true) {
                if (pos >= pattern.length()) {
                    throw new UnreadablePattern();
                }
                char c = pattern.charAt(pos++);
                if (c == ']' && !first) {
                    break;
                }
                first = false;
                if (comments && Character.isWhitespace(c)) {
                    continue;
                }
                if (c == '[') {
                    Set<Character> nested = characterClass();
                    if (nested == null) {
                        enumerable = false;
                    } else {
                        chars.addAll(nested);
                    }
                    continue;
                }
                if (c == '&' && peekRaw() == '&') {
                    pos++;
                    enumerable = false;
                    continue;
                }
                int member = c;
                if (c == '\\') {
                    if (pos >= pattern.length()) {
                        throw new UnreadablePattern();
                    }
                    char escaped = pattern.charAt(pos++);
                    if (escaped == 'Q') {
                        int end = pattern.indexOf("\\E", pos);
                        String quoted = pattern.substring(pos, end < 0 ? pattern.length() : end);
                        pos = end < 0 ? pattern.length() : end + 2;
                        for (char q : quoted.toCharArray()) {
                            chars.add(CaseFold.fold(q));
                        }
                        continue;
                    }
                    member = escapedChar(escaped);
                    if (member < 0) {
                        enumerable = false;
                        continue;
                    }
                }
                if (peekRaw() == '-' && pos + 1 < pattern.length() && pattern.charAt(pos + 1) != ']') {
                    pos++;
                    char high = pattern.charAt(pos++);
                    int upper = high;
                    if (high == '\\') {
                        upper = escapedChar(pattern.charAt(pos++));
                    }
                    if (upper < 0 || upper - member >= MAX_CLASS_CHARS * 2) {
                        enumerable = false;
                        continue;
                    }
                    for (int x = member; x <= upper; x++) {
                        chars.add(CaseFold.fold((char) x));
                    }
                    continue;
                }
                chars.add(CaseFold.fold((char) member));
            }
            return enumerable && chars.size() <= MAX_CLASS_CHARS && !chars.isEmpty() ? chars : null;
        }

        private static Info literalSet(Set<Character> chars) {
            if (chars == null) {
                return Info.ANY;
            }
            Set<String> strings = new HashSet<>();
            for (char c : chars) {
                strings.add(String.valueOf(c));
            }
            return Info.exact(strings);
        }

        private static Info literal(char c) {
            return Info.exact(Set.of(String.valueOf(CaseFold.fold(c))));
        }

        private void expect(char c) {
            skipComments();
            if (pos >= pattern.length() || pattern.charAt(pos) != c) {
                throw new UnreadablePattern();
            }
            pos++;
        }

        private char peek() {
            skipComments();
            return pos < pattern.length() ? pattern.charAt(pos) : 0;
        }

        private char peekRaw() {
            return pos < pattern.length() ? pattern.charAt(pos) : 0;
        }

        private void skipComments() {
            if (!comments) {
                return;
            }
            while (pos < pattern.length()) {
                char c = pattern.charAt(pos);
                if (Character.isWhitespace(c)) {
                    pos++;
                } else if (c == '#') {
                    while (pos < pattern.length() && pattern.charAt(pos) != '\n') {
                        pos++;
                    }
                } else {
                    return;
                }
            }
        }
    }
}
