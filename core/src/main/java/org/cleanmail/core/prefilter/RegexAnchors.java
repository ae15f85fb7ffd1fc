package org.cleanmail.core.prefilter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds where a match of a {@link java.util.regex.Pattern} must touch the text: a set of
 * case-folded literals, one of which every match holds at a bounded distance from its
 * start ({@link Anchor}). A pattern without a usable literal (a large alternation, an
 * obfuscation pattern like {@code [_\W]{0,3}v[_\W]{0,3}[a4@]...}) then needs to be tried
 * only at the few positions near an occurrence of its anchor, instead of at every position
 * of the text: Perl and Hyperscan get the same effect from their start-class and literal
 * analysis.
 *
 * <p>Each part of the pattern is read as its shortest and longest match length, the small
 * set of exact strings it matches (if any), and its best anchor relative to its start.
 * Concatenation shifts anchors by the lengths of the parts before them (an unbounded part
 * before an anchor drops it), alternation unites one anchor of each branch, a repetition
 * of at least one keeps its operand's, optional parts, look-arounds, back-references and
 * wide classes give none. The choice among candidates uses a rough frequency of each
 * character in mail text ({@link Anchor#expectedTries()}). Sound by construction: every
 * match of the pattern holds one of the literals (case-folded with {@link CaseFold}) at
 * an offset within the bounds. A pattern this class cannot read yields no anchor.
 */
public final class RegexAnchors {
    /** An unbounded length. */
    static final int INFINITE = Integer.MAX_VALUE;
    private static final int MAX_EXACT_STRINGS = 64;
    private static final int MAX_EXACT_LENGTH = 32;
    private static final int MAX_REPEAT_EXPANSION = 4;
    /**
     * Longer patterns are not analysed: in the stock rules they are ReplaceTags expansions
     * (of 50,000 to 300,000 characters) whose anchors filter nothing, and reading them costs
     * a good part of a second each.
     */
    private static final int MAX_PATTERN_LENGTH = 20_000;
    /** An anchor of more literals than this would filter nothing; not worth its cost. */
    private static final int MAX_ANCHOR_LITERALS = 512;
    /** Lengths beyond this count as unbounded: an anchor that far from the start filters nothing. */
    private static final int MAX_LENGTH = 10_000;

    private RegexAnchors() {
    }

    /**
     * The most selective anchor of a pattern, if it has one.
     *
     * @param comments whether the pattern is compiled with {@code Pattern.COMMENTS} ({@code /x})
     */
    public static Optional<Anchor> of(String javaRegex, boolean comments) {
        Parser parser = read(javaRegex, comments);
        return parser == null ? Optional.empty() : Optional.ofNullable(parser.whole.best());
    }

    /**
     * A second anchor to confirm an attempt at the most selective one ({@link #of}): the most
     * selective of the other anchors of the pattern's top-level sequence, on other literals
     * and offsets from the match's start (no opening run), whose offset window is at most
     * {@code maxWindow} wide. Every match holds both; an occurrence of the first with none of
     * the second in reach is no match's. A pattern with a top-level alternation has none.
     *
     * @param comments whether the pattern is compiled with {@code Pattern.COMMENTS} ({@code /x})
     */
    public static Optional<Anchor> confirming(String javaRegex, boolean comments, int maxWindow) {
        Parser parser = read(javaRegex, comments);
        Anchor first = parser == null ? null : parser.whole.best();
        if (first == null || parser.topLevelSequence == null) {
            return Optional.empty();
        }
        Anchor best = null;
        for (Anchor candidate : parser.topLevelSequence) {
            if (candidate.prefixClass() == null && !candidate.literals().equals(first.literals())
                && candidate.maxOffset() - candidate.minOffset() < maxWindow) {
                best = Anchor.better(best, candidate);
            }
        }
        return Optional.ofNullable(best);
    }

    /** The pattern read to its end, or null when it cannot be. */
    private static Parser read(String javaRegex, boolean comments) {
        if (javaRegex.length() > MAX_PATTERN_LENGTH) {
            return null;
        }
        try {
            Parser parser = new Parser(javaRegex, comments);
            parser.whole = parser.alternation();
            return parser.atEnd() ? parser : null;
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    /**
     * One of {@link #literals()} starts in every match at an offset from the match's start
     * between {@link #minOffset()} and {@link #maxOffset()}. With a {@link #prefixClass()}
     * the offsets count instead from the end of the run the match opens with: at least
     * {@link #prefixMin()} characters of that class, as many as the text holds (so
     * {@code \b[a-z]{2,}\d{5,}} is anchored at its digits, each tried after the run of
     * letters before it). Immutable.
     */
    public static final class Anchor {
        /**
         * About how many characters of the opening run lie right before an occurrence, for
         * the expected tries of a prefix-class anchor: the run usually ends where the rarer
         * class of the anchor begins, and is often empty there (digits after a space).
         */
        static final int TYPICAL_RUN = 2;

        private final Set<String> literals;
        private final int minOffset;
        private final int maxOffset;
        /** The estimated share of positions where one of the literals starts. */
        private final double perPosition;
        private final double expectedTries;
        private final Set<String> prefixClass;
        private final int prefixMin;

        Anchor(Set<String> literals, int minOffset, int maxOffset) {
            this(Set.copyOf(literals), minOffset, maxOffset, perPosition(literals), null, 0);
        }

        private Anchor(Set<String> literals, int minOffset, int maxOffset, double perPosition, Set<String> prefixClass,
                       int prefixMin) {
            this.literals = literals;
            this.minOffset = minOffset;
            this.maxOffset = maxOffset;
            this.perPosition = perPosition;
            this.prefixClass = prefixClass;
            this.prefixMin = prefixMin;
            double window = (double) maxOffset - minOffset + 1 + (prefixClass == null ? 0 : TYPICAL_RUN);
            this.expectedTries = Math.min(1.0, perPosition) * window;
        }

        private static double perPosition(Set<String> literals) {
            double sum = 0;
            for (String literal : literals) {
                sum += CharFrequency.of(literal);
            }
            return sum;
        }

        /** Case-folded, non-empty. */
        public Set<String> literals() {
            return literals;
        }

        public int minOffset() {
            return minOffset;
        }

        public int maxOffset() {
            return maxOffset;
        }

        /**
         * About how many match attempts per character of text a search at this anchor makes
         * (a search at every position makes one): the chance that a literal starts at a
         * position times the width of the offset window.
         */
        public double expectedTries() {
            return expectedTries;
        }

        /**
         * The characters (case-folded, one per string) of the run every match opens with, the
         * offsets counting from its end; null when the offsets count from the match's start.
         */
        public Set<String> prefixClass() {
            return prefixClass;
        }

        /** The fewest characters of the opening run ({@link #prefixClass()}). */
        public int prefixMin() {
            return prefixMin;
        }

        Anchor shifted(int min, int max) {
            if (prefixClass != null) {
                return min == 0 && max == 0 ? this : null;
            }
            if (max == INFINITE || (long) maxOffset + max > MAX_LENGTH) {
                return null;
            }
            return new Anchor(literals, minOffset + min, maxOffset + max, perPosition, null, 0);
        }

        /** This anchor, its offsets counted from the end of an opening run of a class instead. */
        Anchor afterRun(Set<String> runClass, int runMin) {
            return prefixClass != null ? null : new Anchor(literals, minOffset, maxOffset, perPosition, runClass, runMin);
        }

        static Anchor better(Anchor a, Anchor b) {
            if (a == null) {
                return b;
            }
            if (b == null) {
                return a;
            }
            return b.expectedTries < a.expectedTries ? b : a;
        }

        @Override
        public String toString() {
            return "Anchor" + literals + "@" + minOffset + ".." + maxOffset
                + (prefixClass == null ? "" : " after a run of " + prefixMin + "+ of " + prefixClass);
        }
    }

    /** What one part of a pattern matches. */
    private static final class Node {
        static final Node EMPTY = new Node(0, 0, Set.of(""), null);

        final int min;
        final int max;
        /** The exact strings it matches, folded, or null when too many or not known. */
        final Set<String> exact;
        /** The best anchor relative to its start, or null. */
        final Anchor anchor;
        /** For an unbounded repetition of one character class: its characters, folded; else null. */
        final Set<String> runClass;

        Node(int min, int max, Set<String> exact, Anchor anchor) {
            this(min, max, exact, anchor, null);
        }

        Node(int min, int max, Set<String> exact, Anchor anchor, Set<String> runClass) {
            this.min = min;
            this.max = max;
            this.exact = exact;
            this.anchor = anchor;
            this.runClass = runClass;
        }

        static Node any(int min, int max) {
            return new Node(min, max, null, null);
        }

        static Node exact(Set<String> strings) {
            if (strings.size() > MAX_EXACT_STRINGS) {
                return new Node(minLength(strings), maxLength(strings), null, anchorOf(strings));
            }
            return new Node(minLength(strings), maxLength(strings), strings, null);
        }

        /** The anchor this node offers: its exact strings at offset 0, or its best anchor. */
        Anchor best() {
            return Anchor.better(anchor, exact == null ? null : anchorOf(exact));
        }

        static Anchor anchorOf(Set<String> strings) {
            return strings.isEmpty() || strings.contains("") ? null : new Anchor(strings, 0, 0);
        }

        static int minLength(Set<String> strings) {
            int min = Integer.MAX_VALUE;
            for (String string : strings) {
                min = Math.min(min, string.length());
            }
            return strings.isEmpty() ? 0 : min;
        }

        static int maxLength(Set<String> strings) {
            int max = 0;
            for (String string : strings) {
                max = Math.max(max, string.length());
            }
            return max;
        }
    }

    private static int add(int a, int b) {
        if (a == INFINITE || b == INFINITE || (long) a + b > MAX_LENGTH) {
            return INFINITE;
        }
        return a + b;
    }

    private static int multiply(int a, int times) {
        if (times == 0) {
            return 0;
        }
        if (a == INFINITE || times == INFINITE || (long) a * times > MAX_LENGTH) {
            return a == 0 ? 0 : INFINITE;
        }
        return a * times;
    }

    private static Set<String> product(Set<String> left, Set<String> right) {
        if (left.size() == 1 && right.size() == 1) {
            return Set.of(left.iterator().next() + right.iterator().next());
        }
        Set<String> product = new HashSet<>();
        for (String l : left) {
            for (String r : right) {
                product.add(l + r);
            }
        }
        return product;
    }

    private static boolean productFits(Set<String> left, Set<String> right) {
        return (long) left.size() * right.size() <= MAX_EXACT_STRINGS
            && Node.maxLength(left) + Node.maxLength(right) <= MAX_EXACT_LENGTH;
    }

    private static final class UnreadablePattern extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnreadablePattern() {
            super(null, null, false, false);
        }
    }

    /** A recursive-descent reader of java.util.regex syntax, deep enough for lengths and literals. */
    private static final class Parser {
        private final String pattern;
        private int pos;
        private boolean comments;
        /** How many groups the reader is inside. */
        private int depth;
        /** The whole pattern's reading. */
        Node whole;
        /**
         * The anchors of the parts of the pattern's top-level sequence (each sound for the whole
         * pattern), once read; null when the pattern is an alternation at the top.
         */
        List<Anchor> topLevelSequence;

        Parser(String pattern, boolean comments) {
            this.pattern = pattern;
            this.comments = comments;
        }

        boolean atEnd() {
            skipComments();
            return pos >= pattern.length();
        }

        Node alternation() {
            Node first = concatenation();
            if (peek() != '|') {
                return first;
            }
            List<Node> branches = new ArrayList<>();
            branches.add(first);
            while (peek() == '|') {
                pos++;
                branches.add(concatenation());
            }
            if (depth == 0) {
                topLevelSequence = null;
            }
            return or(branches);
        }

        /** The branches united in one pass: exact strings while few, else one anchor of each branch. */
        private static Node or(List<Node> branches) {
            int min = INFINITE;
            int max = 0;
            Set<String> exact = new HashSet<>();
            for (Node branch : branches) {
                min = Math.min(min, branch.min);
                max = Math.max(max, branch.max);
                if (exact != null && branch.exact != null && exact.size() + branch.exact.size() <= MAX_EXACT_STRINGS * 2) {
                    exact.addAll(branch.exact);
                } else {
                    exact = null;
                }
            }
            if (exact != null && exact.size() <= MAX_EXACT_STRINGS) {
                return new Node(min, max, exact, null);
            }
            Set<String> literals = new HashSet<>();
            int minOffset = INFINITE;
            int maxOffset = 0;
            for (Node branch : branches) {
                Anchor anchor = branch.best();
                if (anchor == null || anchor.prefixClass() != null
                    || literals.size() + anchor.literals().size() > MAX_ANCHOR_LITERALS) {
                    return new Node(min, max, null, null);
                }
                literals.addAll(anchor.literals());
                minOffset = Math.min(minOffset, anchor.minOffset());
                maxOffset = Math.max(maxOffset, anchor.maxOffset());
            }
            return new Node(min, max, null, new Anchor(literals, minOffset, maxOffset));
        }

        /**
         * A sequence: runs of exact parts multiply into literals (closed when the product
         * grows too large); every anchor is shifted by the lengths before it, and the best kept.
         */
        private Node concatenation() {
            int min = 0;
            int max = 0;
            Set<String> run = Set.of("");
            int runMin = 0;
            int runMax = 0;
            Anchor best = null;
            boolean exact = true;
            // an opening run of one class (after zero-width parts only), and the lengths after it
            Node openingRun = null;
            int afterMin = 0;
            int afterMax = 0;
            List<Anchor> sequence = depth == 0 ? new ArrayList<>() : null;
            while (true) {
                skipComments();
                if (pos >= pattern.length() || pattern.charAt(pos) == '|' || pattern.charAt(pos) == ')') {
                    break;
                }
                Node part = quantified();
                if (openingRun != null) {
                    Anchor after = shift(part.best(), afterMin, afterMax);
                    best = Anchor.better(best, after == null ? null : after.afterRun(openingRun.runClass, openingRun.min));
                    afterMin = add(afterMin, part.min);
                    afterMax = add(afterMax, part.max);
                } else if (part.runClass != null && max == 0) {
                    openingRun = part;
                }
                if (part.exact != null && productFits(run, part.exact)) {
                    if (run.equals(Set.of(""))) {
                        runMin = min;
                        runMax = max;
                    }
                    run = product(run, part.exact);
                } else {
                    exact = false;
                    Anchor closedRun = shift(Node.anchorOf(run), runMin, runMax);
                    Anchor ofPart = shift(part.best(), min, max);
                    best = Anchor.better(best, closedRun);
                    best = Anchor.better(best, ofPart);
                    if (sequence != null) {
                        addIfAny(sequence, closedRun);
                        addIfAny(sequence, ofPart);
                    }
                    run = part.exact != null ? part.exact : Set.of("");
                    runMin = min;
                    runMax = max;
                    if (part.exact == null) {
                        runMin = add(min, part.min);
                        runMax = add(max, part.max);
                    }
                }
                min = add(min, part.min);
                max = add(max, part.max);
            }
            if (exact) {
                return new Node(min, max, run, null);
            }
            Anchor lastRun = shift(Node.anchorOf(run), runMin, runMax);
            best = Anchor.better(best, lastRun);
            if (sequence != null) {
                addIfAny(sequence, lastRun);
                topLevelSequence = sequence;
            }
            return new Node(min, max, null, best);
        }

        private static void addIfAny(List<Anchor> anchors, Anchor anchor) {
            if (anchor != null) {
                anchors.add(anchor);
            }
        }

        private static Anchor shift(Anchor anchor, int min, int max) {
            return anchor == null ? null : anchor.shifted(min, max);
        }

        private Node quantified() {
            Node atom = atom();
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
                    max = c == '?' ? 1 : INFINITE;
                } else if (c == '+') {
                    pos++;
                    min = 1;
                    max = INFINITE;
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

        private static Node repeat(Node atom, int min, int max) {
            if (max == 0) {
                return Node.EMPTY;
            }
            int low = multiply(atom.min, min);
            int high = max == INFINITE ? (atom.max == 0 ? 0 : INFINITE) : multiply(atom.max, max);
            Set<String> exact = null;
            if (atom.exact != null && max <= MAX_REPEAT_EXPANSION) {
                exact = expand(atom.exact, min, max);
            }
            Anchor anchor = min >= 1 ? atom.best() : null;
            if (exact != null) {
                return new Node(low, high, exact, anchor);
            }
            boolean classRun = max == INFINITE && atom.exact != null && !atom.exact.isEmpty() && atom.min == 1
                && atom.max == 1;
            return new Node(low, high, null, anchor, classRun ? atom.exact : null);
        }

        /** The strings of {@code min} to {@code max} repetitions, or null when too many. */
        private static Set<String> expand(Set<String> strings, int min, int max) {
            Set<String> all = new HashSet<>();
            Set<String> power = Set.of("");
            for (int times = 0; times <= max; times++) {
                if (times >= min) {
                    all.addAll(power);
                }
                if (times < max) {
                    if (!productFits(power, strings)) {
                        return null;
                    }
                    power = product(power, strings);
                }
            }
            return all.size() <= MAX_EXACT_STRINGS ? all : null;
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
                return new int[] {min, upper.isEmpty() ? INFINITE : Integer.parseInt(upper)};
            } catch (NumberFormatException e) {
                throw new UnreadablePattern();
            }
        }

        private Node atom() {
            char c = pattern.charAt(pos++);
            switch (c) {
                case '(':
                    return group();
                case '[':
                    return charSet(characterClass());
                case '.':
                    return Node.any(1, 2);
                case '^':
                case '$':
                    return Node.EMPTY;
                case '\\':
                    return escape();
                default:
                    if (Character.isSurrogate(c)) {
                        return Node.any(1, 2);
                    }
                    return literal(c);
            }
        }

        private Node group() {
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
                        return Node.EMPTY;
                    }
                }
            }
            depth++;
            Node inner = alternation();
            depth--;
            expect(')');
            comments = outerComments;
            return lookaround ? Node.EMPTY : inner;
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

        private Node escape() {
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
                    return Node.EMPTY;
                case 'Q':
                    int end = pattern.indexOf("\\E", pos);
                    String quoted = pattern.substring(pos, end < 0 ? pattern.length() : end);
                    pos = end < 0 ? pattern.length() : end + 2;
                    if (quoted.length() > MAX_EXACT_LENGTH) {
                        return Node.any(quoted.length(), quoted.length());
                    }
                    return Node.exact(Set.of(CaseFold.fold(quoted)));
                case 'k':
                    int close = pattern.indexOf('>', pos);
                    pos = close < 0 ? pattern.length() : close + 1;
                    return Node.any(0, INFINITE);
                case 'R':
                    return Node.any(1, 2);
                case 'X':
                    return Node.any(1, INFINITE);
                default:
                    if (c >= '1' && c <= '9') {
                        while (pos < pattern.length() && Character.isDigit(pattern.charAt(pos))) {
                            pos++;
                        }
                        return Node.any(0, INFINITE);
                    }
                    int single = escapedChar(c);
                    if (single >= 0) {
                        return literal((char) single);
                    }
                    if (single == CLASS) {
                        long[] set = new long[4];
                        return addEscapedClass(set, c) ? charSet(set) : Node.any(1, 2);
                    }
                    return Node.any(1, 2);
            }
        }

        /** {@link #escapedChar}: a class escape such as {@code \s} or {@code \w}. */
        private static final int CLASS = -2;

        /** The character an escape stands for; {@link #CLASS} for a class; -1 for anything else (property, supplementary). */
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
                case 'd':
                case 'D':
                case 's':
                case 'S':
                case 'w':
                case 'W':
                case 'h':
                case 'H':
                case 'v':
                case 'V':
                    return CLASS;
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
                        throw new UnreadablePattern();
                    }
                    return c;
            }
        }

        /**
         * Adds to a 256-bit set the characters below 256 of a class escape; returns false when
         * the class also holds characters at or above 256 (then it cannot anchor).
         */
        private static boolean addEscapedClass(long[] set, char c) {
            boolean negated = Character.isUpperCase(c);
            long[] base = new long[4];
            switch (Character.toLowerCase(c)) {
                case 'd':
                    addRange(base, '0', '9');
                    break;
                case 's':
                    addChars(base, " \t\n\u000b\f\r");
                    break;
                case 'w':
                    addRange(base, 'a', 'z');
                    addRange(base, 'A', 'Z');
                    addRange(base, '0', '9');
                    addChars(base, "_");
                    break;
                case 'h':
                    addChars(base, " \t\u00a0");
                    return false;
                case 'v':
                    addChars(base, "\n\u000b\f\r\u0085");
                    return false;
                default:
                    return false;
            }
            if (negated) {
                return false;
            }
            for (int i = 0; i < 4; i++) {
                set[i] |= base[i];
            }
            return true;
        }

        private static void addRange(long[] set, int low, int high) {
            for (int x = low; x <= high; x++) {
                set[x >>> 6] |= 1L << x;
            }
        }

        private static void addChars(long[] set, String chars) {
            for (char x : chars.toCharArray()) {
                set[x >>> 6] |= 1L << x;
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
                return codePoint <= Character.MAX_VALUE && !Character.isSurrogate((char) codePoint) ? codePoint : -1;
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
                return Character.isSurrogate((char) value) ? -1 : value;
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

        /**
         * Reads a class after its {@code [}; returns its characters as a 256-bit set, or null
         * when it may match a character at or above 256 (negated, properties, intersections).
         */
        private long[] characterClass() {
            long[] set = new long[4];
            boolean known = true;
            if (peekRaw() == '^') {
                pos++;
                known = false;
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
                    long[] nested = characterClass();
                    if (nested == null) {
                        known = false;
                    } else {
                        for (int i = 0; i < 4; i++) {
                            set[i] |= nested[i];
                        }
                    }
                    continue;
                }
                if (c == '&' && peekRaw() == '&') {
                    pos++;
                    known = false;
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
                            known &= addChar(set, q);
                        }
                        continue;
                    }
                    member = escapedChar(escaped);
                    if (member == CLASS) {
                        known &= addEscapedClass(set, escaped);
                        continue;
                    }
                    if (member < 0) {
                        known = false;
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
                    if (upper < 0 || upper >= 256) {
                        known = false;
                        continue;
                    }
                    for (int x = member; x <= upper; x++) {
                        known &= addChar(set, (char) x);
                    }
                    continue;
                }
                known &= addChar(set, (char) member);
            }
            return known ? set : null;
        }

        /** Adds a character below 256; false for one above (a class holding it cannot anchor). */
        private static boolean addChar(long[] set, char c) {
            if (c >= 256 || Character.isSurrogate(c)) {
                return false;
            }
            set[c >>> 6] |= 1L << c;
            return true;
        }

        private static Node charSet(long[] set) {
            if (set == null) {
                return Node.any(1, 2);
            }
            int count = Long.bitCount(set[0]) + Long.bitCount(set[1]) + Long.bitCount(set[2]) + Long.bitCount(set[3]);
            if (count > MAX_EXACT_STRINGS * 2) {
                // a class this wide (\w, \S, [\x00-\x7f]) anchors nothing
                return Node.any(1, 1);
            }
            Set<String> strings = new HashSet<>();
            for (int c = 0; c < 256; c++) {
                if ((set[c >>> 6] & (1L << c)) != 0) {
                    strings.add(String.valueOf(CaseFold.fold((char) c)));
                }
            }
            if (strings.isEmpty()) {
                return Node.any(1, 1);
            }
            return Node.exact(strings);
        }

        private static Node literal(char c) {
            return Node.exact(Set.of(String.valueOf(CaseFold.fold(c))));
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
