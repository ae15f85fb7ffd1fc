package org.cleanmail.core.rules.regex;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Rewrites the body of one Perl pattern (no delimiters, no trailing modifiers) into
 * java.util.regex syntax. One instance per pattern: it is not thread-safe.
 *
 * <p>Extended mode ({@code /x}, {@code (?x)}) is applied here, by dropping whitespace and
 * comments outside character classes, because Java's COMMENTS flag also drops whitespace
 * inside classes where Perl keeps it.
 */
final class PerlPatternRewriter {
    static final int MAX_NESTING = 100;
    private static final int MAX_QUANTIFIER_LENGTH = 24;
    private static final int MAX_LITERAL_RUN = 200;
    private static final String META_CHARACTERS = "|.*+?^$";
    private static final int MAX_TEMPLATE_LENGTH = 130;

    private static final Map<String, String> POSIX_CLASSES = Map.ofEntries(
        Map.entry("alpha", "\\p{Alpha}"),
        Map.entry("digit", "\\p{Digit}"),
        Map.entry("alnum", "\\p{Alnum}"),
        Map.entry("upper", "\\p{Upper}"),
        Map.entry("lower", "\\p{Lower}"),
        Map.entry("space", "\\s"),
        Map.entry("punct", "\\p{Punct}"),
        Map.entry("print", "\\p{Print}"),
        Map.entry("graph", "\\p{Graph}"),
        Map.entry("cntrl", "\\p{Cntrl}"),
        Map.entry("xdigit", "\\p{XDigit}"),
        Map.entry("blank", "\\p{Blank}"),
        Map.entry("word", "\\w"),
        Map.entry("ascii", "\\p{ASCII}"));
    private static final Map<String, String> NEGATED_POSIX_CLASSES = Map.ofEntries(
        Map.entry("alpha", "\\P{Alpha}"),
        Map.entry("digit", "\\P{Digit}"),
        Map.entry("alnum", "\\P{Alnum}"),
        Map.entry("upper", "\\P{Upper}"),
        Map.entry("lower", "\\P{Lower}"),
        Map.entry("space", "\\S"),
        Map.entry("punct", "\\P{Punct}"),
        Map.entry("print", "\\P{Print}"),
        Map.entry("graph", "\\P{Graph}"),
        Map.entry("cntrl", "\\P{Cntrl}"),
        Map.entry("xdigit", "\\P{XDigit}"),
        Map.entry("blank", "\\P{Blank}"),
        Map.entry("word", "\\W"),
        Map.entry("ascii", "\\P{ASCII}"));
    /** Escapes that mean the same in Perl and Java outside character classes. */
    private static final String SAME_ESCAPES = "dDwWsSAzZGtnrfeahHvVRX";
    /**
     * Perl's word boundary on byte strings: between \w and not \w. Java's own \b (before
     * Java 19) also counts non-ASCII letters such as \u00c3 as word chars, so it is spelt out.
     */
    private static final String WORD_BOUNDARY = PerlRegex.WORD_BOUNDARY;
    private static final String NOT_WORD_BOUNDARY = PerlRegex.NOT_WORD_BOUNDARY;
    private static final Pattern QUANTIFIER = Pattern.compile("\\{\\d+(,\\d*)?}");
    private static final Pattern UPPER_BOUND_QUANTIFIER = Pattern.compile("\\{,\\d+}");
    private static final Pattern TEMPLATE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Escapes that mean the same in Perl and Java inside character classes. */
    private static final String SAME_CLASS_ESCAPES = "dDwWsStnrfeahHvV";

    private final String source;
    private final boolean noCapture;
    private final StringBuilder out = new StringBuilder();
    private final Deque<Boolean> extendedStack = new ArrayDeque<>();
    private final Map<String, String> groupNames = new LinkedHashMap<>();
    private int pos;
    private int captureCount;
    private boolean backReferences;
    private int literalRun;

    PerlPatternRewriter(String source, boolean extended, boolean noCapture) {
        this.source = source;
        this.noCapture = noCapture;
        this.extendedStack.push(extended);
    }

    /** Perl group names to Java group names, after {@link #rewrite()}. */
    Map<String, String> groupNames() {
        return groupNames;
    }

    /** Whether the pattern refers back to a group ({@code \1}, {@code \k<name>}...); known once rewritten. */
    boolean hasBackReferences() {
        return backReferences;
    }

    /** How many capturing groups the Perl pattern opens; known once rewritten. */
    int captureCount() {
        return captureCount;
    }

    String rewrite() throws UntranslatableRegexException {
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (extendedStack.peek() && Character.isWhitespace(c)) {
                pos++;
            } else if (extendedStack.peek() && c == '#') {
                skipComment();
            } else if (c == '\\') {
                pos++;
                escape();
            } else if (c == '[') {
                pos++;
                characterClass();
            } else if (c == '(') {
                pos++;
                openGroup();
            } else if (c == ')') {
                pos++;
                closeGroup();
            } else if (c == '{') {
                brace();
            } else if (c == '}') {
                literalAtom("\\}");
                pos++;
            } else if (c == '%' && startsWithCaptureTemplate()) {
                throw new UntranslatableRegexException(
                    "capture template " + source.substring(pos, closingBrace(pos, MAX_TEMPLATE_LENGTH) + 1)
                        + " needs the captures of another rule");
            } else if (META_CHARACTERS.indexOf(c) >= 0) {
                out.append(c);
                literalRun = 0;
                pos++;
            } else {
                literalAtom(String.valueOf(c));
                pos++;
            }
        }
        return out.toString();
    }

    /**
     * Appends a literal. Java's Pattern compiles a long run of literals in quadratic time,
     * so every {@value #MAX_LITERAL_RUN} literals the run is cut by an empty group, placed
     * before a literal so that a following quantifier still applies to that literal.
     */
    private void literalAtom(String javaText) {
        if (++literalRun > MAX_LITERAL_RUN) {
            out.append("(?:)");
            literalRun = 1;
        }
        out.append(javaText);
    }

    private void structure(String javaText) {
        out.append(javaText);
        literalRun = 0;
    }

    private void skipComment() {
        while (pos < source.length() && source.charAt(pos) != '\n') {
            pos++;
        }
    }

    private boolean startsWithCaptureTemplate() {
        int end = closingBrace(pos, MAX_TEMPLATE_LENGTH);
        return source.startsWith("%{", pos) && end > pos + 2
            && TEMPLATE_NAME.matcher(source.substring(pos + 2, end)).matches();
    }

    /** The index of the first '}' within {@code limit} chars from {@code from}, or -1: bounded, never quadratic. */
    private int closingBrace(int from, int limit) {
        int last = Math.min(source.length(), from + limit);
        for (int i = from; i < last; i++) {
            if (source.charAt(i) == '}') {
                return i;
            }
        }
        return -1;
    }

    private void brace() {
        int end = closingBrace(pos, MAX_QUANTIFIER_LENGTH);
        String candidate = end < 0 ? "" : source.substring(pos, end + 1);
        if (QUANTIFIER.matcher(candidate).matches()) {
            structure(candidate);
            pos = end + 1;
        } else if (UPPER_BOUND_QUANTIFIER.matcher(candidate).matches()) {
            structure("{0" + candidate.substring(1));
            pos = end + 1;
        } else {
            literalAtom("\\{");
            pos++;
        }
    }

    private void openGroup() throws UntranslatableRegexException {
        if (extendedStack.size() > MAX_NESTING) {
            throw new UntranslatableRegexException("groups nested deeper than " + MAX_NESTING);
        }
        if (source.startsWith("*", pos)) {
            throw new UntranslatableRegexException("backtracking control verb (*...) is not supported by Java");
        }
        if (!source.startsWith("?", pos)) {
            captureCount++;
            out.append(noCapture ? "(?:" : "(");
            extendedStack.push(extendedStack.peek());
            return;
        }
        pos++;
        String rest = source.substring(pos, Math.min(source.length(), pos + 3));
        if (rest.startsWith("#")) {
            int end = source.indexOf(')', pos);
            if (end < 0) {
                throw new UntranslatableRegexException("unterminated (?# comment");
            }
            pos = end + 1;
        } else if (rest.startsWith(":") || rest.startsWith("=") || rest.startsWith("!") || rest.startsWith(">")) {
            out.append("(?").append(rest.charAt(0));
            pos++;
            extendedStack.push(extendedStack.peek());
        } else if (rest.startsWith("<=") || rest.startsWith("<!")) {
            out.append("(?").append(rest, 0, 2);
            pos += 2;
            extendedStack.push(extendedStack.peek());
        } else if (rest.startsWith("<") || rest.startsWith("P<") || rest.startsWith("'")) {
            namedGroup(rest.startsWith("P") ? 2 : 1, rest.startsWith("'") ? '\'' : '>');
        } else if (rest.startsWith("P=")) {
            pos += 2;
            String name = readUntil(')');
            backReferences = true;
            out.append("\\k<").append(javaGroupName(name)).append('>');
        } else if (rest.startsWith("|")) {
            throw new UntranslatableRegexException("branch reset (?|...) is not supported by Java");
        } else if (rest.startsWith("{") || rest.startsWith("?{")) {
            throw new UntranslatableRegexException("embedded code (?{...}) is not supported");
        } else if (rest.startsWith("(")) {
            throw new UntranslatableRegexException("conditional (?(...)...) is not supported by Java");
        } else if (rest.startsWith("&") || rest.startsWith("P>") || rest.startsWith("R")
            || (!rest.isEmpty() && (Character.isDigit(rest.charAt(0)) || rest.charAt(0) == '+'
            || (rest.charAt(0) == '-' && rest.length() > 1 && Character.isDigit(rest.charAt(1)))))) {
            throw new UntranslatableRegexException("recursion (?R), (?1), (?&name) is not supported by Java");
        } else {
            inlineFlags();
        }
    }

    private void namedGroup(int prefixLength, char terminator) throws UntranslatableRegexException {
        pos += prefixLength;
        String name = readUntil(terminator);
        if (!GROUP_NAME.matcher(name).matches()) {
            throw new UntranslatableRegexException("invalid group name '" + name + "'");
        }
        if (groupNames.containsKey(name)) {
            throw new UntranslatableRegexException("duplicate group name '" + name + "' is not supported by Java");
        }
        String javaName = name.replace("_", "");
        if (javaName.isEmpty() || !Character.isLetter(javaName.charAt(0))) {
            javaName = "g" + javaName;
        }
        String unique = javaName;
        int suffix = 2;
        while (groupNames.containsValue(unique)) {
            unique = javaName + suffix++;
        }
        groupNames.put(name, unique);
        captureCount++;
        out.append("(?<").append(unique).append('>');
        extendedStack.push(extendedStack.peek());
    }

    private String readUntil(char terminator) throws UntranslatableRegexException {
        int end = source.indexOf(terminator, pos);
        if (end < 0) {
            throw new UntranslatableRegexException("missing '" + terminator + "' after group name");
        }
        String name = source.substring(pos, end);
        pos = end + 1;
        return name;
    }

    private String javaGroupName(String perlName) throws UntranslatableRegexException {
        String javaName = groupNames.get(perlName);
        if (javaName == null) {
            throw new UntranslatableRegexException("reference to undefined group '" + perlName + "'");
        }
        return javaName;
    }

    private void inlineFlags() throws UntranslatableRegexException {
        int start = pos;
        boolean caret = false;
        boolean negative = false;
        StringBuilder on = new StringBuilder();
        StringBuilder off = new StringBuilder();
        Boolean extended = null;
        while (pos < source.length() && source.charAt(pos) != ')' && source.charAt(pos) != ':') {
            char flag = source.charAt(pos++);
            if (flag == '^' && pos - 1 == start) {
                caret = true;
            } else if (flag == '-' && !negative) {
                negative = true;
            } else if (flag == 'i' || flag == 'm' || flag == 's') {
                (negative ? off : on).append(flag);
            } else if (flag == 'x') {
                extended = !negative;
            } else if ("adlunop".indexOf(flag) < 0) {
                throw new UntranslatableRegexException("unknown group syntax (?" + source.substring(start, pos));
            }
        }
        if (pos >= source.length()) {
            throw new UntranslatableRegexException("unterminated group (?" + source.substring(start));
        }
        if (caret) {
            for (char flag : "ims".toCharArray()) {
                if (on.indexOf(String.valueOf(flag)) < 0 && off.indexOf(String.valueOf(flag)) < 0) {
                    off.append(flag);
                }
            }
            if (extended == null) {
                extended = Boolean.FALSE;
            }
        }
        boolean scoped = source.charAt(pos) == ':';
        pos++;
        String flags = on + (off.length() > 0 ? "-" + off : "");
        if (scoped) {
            out.append("(?").append(flags).append(':');
            extendedStack.push(extended == null ? extendedStack.peek() : extended);
        } else {
            if (!flags.isEmpty()) {
                out.append("(?").append(flags).append(')');
            }
            if (extended != null) {
                extendedStack.pop();
                extendedStack.push(extended);
            }
        }
    }

    private void closeGroup() {
        if (extendedStack.size() > 1) {
            extendedStack.pop();
        }
        out.append(')');
    }

    private void escape() throws UntranslatableRegexException {
        if (pos >= source.length()) {
            throw new UntranslatableRegexException("pattern ends with a backslash");
        }
        char c = source.charAt(pos++);
        if (c >= '1' && c <= '9') {
            backReferenceOrOctal(c);
        } else if (c == '0') {
            literalAtom(literal(readOctal(2, c - '0')));
        } else if (c == 'x') {
            literalAtom(literal(readHex()));
        } else if (c == 'o' && source.startsWith("{", pos)) {
            literalAtom(literal(readBracedOctal()));
        } else if (c == 'c') {
            literalAtom(literal(readControl()));
        } else if (c == 'N') {
            structure(namedCharOrNonNewline(false));
        } else if (c == 'p' || c == 'P') {
            structure(unicodeProperty(c));
        } else if (c == 'k') {
            namedBackReference();
        } else if (c == 'g') {
            numberedOrNamedBackReference();
        } else if (c == 'Q') {
            quoted();
        } else if (c == 'E') {
            return;
        } else if (c == 'K') {
            throw new UntranslatableRegexException("\\K (keep left text out of the match) is not supported by Java");
        } else if (c == 'b' && source.startsWith("{", pos)) {
            throw new UntranslatableRegexException("\\b{...} boundaries are not supported by Java");
        } else if ("luLU".indexOf(c) >= 0) {
            throw new UntranslatableRegexException("case-changing escape \\" + c + " is not supported");
        } else if (c == 'b') {
            structure(WORD_BOUNDARY);
        } else if (c == 'B') {
            structure(NOT_WORD_BOUNDARY);
        } else if (SAME_ESCAPES.indexOf(c) >= 0) {
            structure("\\" + c);
        } else {
            literalAtom(literal(c));
        }
    }

    private void backReferenceOrOctal(char first) throws UntranslatableRegexException {
        int start = pos - 1;
        while (pos < source.length() && Character.isDigit(source.charAt(pos))) {
            pos++;
        }
        String digits = source.substring(start, pos);
        int number = Integer.parseInt(digits.length() > 6 ? digits.substring(0, 6) : digits);
        if (digits.length() == 1 || number <= captureCount) {
            appendBackReference(number);
            return;
        }
        if (first >= '8') {
            throw new UntranslatableRegexException("reference to undefined group \\" + digits);
        }
        pos = start + 1;
        literalAtom(literal(readOctal(2, first - '0')));
    }

    private void appendBackReference(int number) {
        backReferences = true;
        boolean digitFollows = pos < source.length() && Character.isDigit(source.charAt(pos));
        if (digitFollows) {
            out.append("(?:\\").append(number).append(')');
        } else {
            out.append('\\').append(number);
        }
    }

    private int readOctal(int maxMoreDigits, int initial) {
        int value = initial;
        for (int i = 0; i < maxMoreDigits && pos < source.length(); i++) {
            char d = source.charAt(pos);
            if (d < '0' || d > '7') {
                break;
            }
            value = value * 8 + (d - '0');
            pos++;
        }
        return value;
    }

    private int readBracedOctal() throws UntranslatableRegexException {
        int end = source.indexOf('}', pos);
        String digits = end < 0 ? "" : source.substring(pos + 1, end).trim();
        if (!digits.matches("[0-7]{1,7}")) {
            throw new UntranslatableRegexException("invalid octal escape \\o{" + digits + "}");
        }
        pos = end + 1;
        return Integer.parseInt(digits, 8);
    }

    private int readHex() throws UntranslatableRegexException {
        if (source.startsWith("{", pos)) {
            int end = source.indexOf('}', pos);
            if (end < 0) {
                throw new UntranslatableRegexException("unterminated \\x{...}");
            }
            String digits = source.substring(pos + 1, end).trim().replace("_", "");
            pos = end + 1;
            if (digits.isEmpty()) {
                return 0;
            }
            if (!digits.matches("[0-9A-Fa-f]{1,6}") || Integer.parseInt(digits, 16) > Character.MAX_CODE_POINT) {
                throw new UntranslatableRegexException("invalid hex escape \\x{" + digits + "}");
            }
            return Integer.parseInt(digits, 16);
        }
        int value = 0;
        for (int i = 0; i < 2 && pos < source.length() && Character.digit(source.charAt(pos), 16) >= 0; i++) {
            value = value * 16 + Character.digit(source.charAt(pos++), 16);
        }
        return value;
    }

    private int readControl() throws UntranslatableRegexException {
        if (pos >= source.length()) {
            throw new UntranslatableRegexException("pattern ends with \\c");
        }
        return Character.toUpperCase(source.charAt(pos++)) ^ 64;
    }

    private String namedCharOrNonNewline(boolean inClass) throws UntranslatableRegexException {
        if (!source.startsWith("{", pos)) {
            if (inClass) {
                throw new UntranslatableRegexException("\\N without a name inside a character class");
            }
            return "[^\\n]";
        }
        int end = source.indexOf('}', pos);
        if (end < 0) {
            throw new UntranslatableRegexException("unterminated \\N{...}");
        }
        String name = source.substring(pos + 1, end);
        pos = end + 1;
        if (name.matches("U\\+[0-9A-Fa-f]{1,6}")) {
            return literal(Integer.parseInt(name.substring(2), 16));
        }
        int codePoint;
        try {
            codePoint = Character.codePointOf(name);
        } catch (IllegalArgumentException e) {
            throw new UntranslatableRegexException("unknown character name \\N{" + name + "}");
        }
        return literal(codePoint);
    }

    private String unicodeProperty(char kind) throws UntranslatableRegexException {
        boolean negated = kind == 'P';
        String name;
        if (source.startsWith("{", pos)) {
            int end = source.indexOf('}', pos);
            if (end < 0) {
                throw new UntranslatableRegexException("unterminated \\" + kind + "{...}");
            }
            name = source.substring(pos + 1, end).trim();
            pos = end + 1;
        } else if (pos < source.length()) {
            name = String.valueOf(source.charAt(pos++));
        } else {
            throw new UntranslatableRegexException("pattern ends with \\" + kind);
        }
        if (name.startsWith("^")) {
            negated = !negated;
            name = name.substring(1).trim();
        }
        String prefix = negated ? "\\P{" : "\\p{";
        for (String candidate : List.of(name, "Is" + name, "In" + name, "Is" + name.replace("_", ""))) {
            if (candidate.matches("[A-Za-z0-9_=]+") && javaAccepts("\\p{" + candidate + "}")) {
                return prefix + candidate + "}";
            }
        }
        throw new UntranslatableRegexException("unknown Unicode property \\" + kind + "{" + name + "}");
    }

    private static boolean javaAccepts(String regex) {
        try {
            Pattern.compile(regex);
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private void namedBackReference() throws UntranslatableRegexException {
        if (pos >= source.length()) {
            throw new UntranslatableRegexException("pattern ends with \\k");
        }
        char open = source.charAt(pos);
        char close = open == '<' ? '>' : open == '{' ? '}' : open == '\'' ? '\'' : 0;
        if (close == 0) {
            throw new UntranslatableRegexException("\\k must be followed by <name>, {name} or 'name'");
        }
        pos++;
        backReferences = true;
        out.append("\\k<").append(javaGroupName(readUntil(close))).append('>');
    }

    private void numberedOrNamedBackReference() throws UntranslatableRegexException {
        String ref;
        if (source.startsWith("{", pos)) {
            pos++;
            ref = readUntil('}');
        } else {
            int start = pos;
            if (pos < source.length() && source.charAt(pos) == '-') {
                pos++;
            }
            while (pos < source.length() && Character.isDigit(source.charAt(pos))) {
                pos++;
            }
            ref = source.substring(start, pos);
        }
        if (ref.matches("-?\\d{1,6}")) {
            int number = Integer.parseInt(ref);
            int absolute = number < 0 ? captureCount + 1 + number : number;
            if (absolute <= 0 || absolute > captureCount) {
                throw new UntranslatableRegexException("reference to undefined group \\g{" + ref + "}");
            }
            appendBackReference(absolute);
        } else {
            backReferences = true;
            out.append("\\k<").append(javaGroupName(ref)).append('>');
        }
    }

    private void quoted() {
        int end = source.indexOf("\\E", pos);
        String text = end < 0 ? source.substring(pos) : source.substring(pos, end);
        pos = end < 0 ? source.length() : end + 2;
        text.codePoints().forEach(cp -> literalAtom(literal(cp)));
    }

    private void characterClass() throws UntranslatableRegexException {
        StringBuilder cls = new StringBuilder("[");
        if (source.startsWith("^", pos)) {
            cls.append('^');
            pos++;
        }
        List<ClassItem> items = new ArrayList<>();
        boolean first = true;
        while (true) {
            if (pos >= source.length()) {
                throw new UntranslatableRegexException("unterminated character class");
            }
            char c = source.charAt(pos);
            if (c == ']' && !first) {
                pos++;
                break;
            }
            first = false;
            if (c == '[' && (source.startsWith("[:", pos) || source.startsWith("[=", pos)
                || source.startsWith("[.", pos))) {
                items.add(ClassItem.set(posixClass()));
            } else if (c == '\\') {
                pos++;
                items.add(classEscape());
            } else if (c == '-') {
                pos++;
                items.add(ClassItem.DASH);
            } else {
                int cp = source.codePointAt(pos);
                pos += Character.charCount(cp);
                items.add(ClassItem.single(cp));
            }
        }
        appendClassItems(cls, items);
        structure(cls.append(']').toString());
    }

    private static void appendClassItems(StringBuilder cls, List<ClassItem> items) throws UntranslatableRegexException {
        for (int i = 0; i < items.size(); i++) {
            ClassItem item = items.get(i);
            boolean range = i + 2 < items.size() && item.isSingle() && items.get(i + 1) == ClassItem.DASH
                && items.get(i + 2).isSingle();
            if (range) {
                int from = item.codePoint;
                int to = items.get(i + 2).codePoint;
                if (from > to) {
                    throw new UntranslatableRegexException("invalid range in character class: "
                        + new String(Character.toChars(from)) + "-" + new String(Character.toChars(to)));
                }
                cls.append(literal(from)).append('-').append(literal(to));
                i += 2;
            } else if (item == ClassItem.DASH) {
                cls.append("\\-");
            } else if (item.isSingle()) {
                cls.append(literal(item.codePoint));
            } else {
                cls.append(item.text);
            }
        }
    }

    private String posixClass() throws UntranslatableRegexException {
        char kind = source.charAt(pos + 1);
        int end = source.indexOf(kind + "]", pos + 2);
        if (end < 0) {
            throw new UntranslatableRegexException("unterminated POSIX class");
        }
        String name = source.substring(pos + 2, end);
        pos = end + 2;
        if (kind != ':') {
            throw new UntranslatableRegexException("POSIX collating element [" + kind + name + kind + "] is not supported");
        }
        boolean negated = name.startsWith("^");
        String key = (negated ? name.substring(1) : name).toLowerCase(Locale.ROOT);
        String translated = (negated ? NEGATED_POSIX_CLASSES : POSIX_CLASSES).get(key);
        if (translated == null) {
            throw new UntranslatableRegexException("unknown POSIX class [:" + name + ":]");
        }
        return translated;
    }

    private ClassItem classEscape() throws UntranslatableRegexException {
        if (pos >= source.length()) {
            throw new UntranslatableRegexException("unterminated character class");
        }
        char c = source.charAt(pos++);
        if (c == 'b') {
            return ClassItem.single(8);
        } else if (c >= '0' && c <= '7') {
            return ClassItem.single(readOctal(2, c - '0'));
        } else if (c == 'x') {
            return ClassItem.single(readHex());
        } else if (c == 'o' && source.startsWith("{", pos)) {
            return ClassItem.single(readBracedOctal());
        } else if (c == 'c') {
            return ClassItem.single(readControl());
        } else if (c == 'N') {
            return ClassItem.set(namedCharOrNonNewline(true));
        } else if (c == 'p' || c == 'P') {
            return ClassItem.set(unicodeProperty(c));
        } else if (c == 'R' || c == 'X' || c == 'K' || c == 'k' || c == 'g') {
            throw new UntranslatableRegexException("\\" + c + " is not allowed inside a character class");
        } else if (c == 'n') {
            return ClassItem.single('\n');
        } else if (c == 't') {
            return ClassItem.single('\t');
        } else if (c == 'r') {
            return ClassItem.single('\r');
        } else if (c == 'f') {
            return ClassItem.single('\f');
        } else if (c == 'e') {
            return ClassItem.single(27);
        } else if (c == 'a') {
            return ClassItem.single(7);
        } else if (SAME_CLASS_ESCAPES.indexOf(c) >= 0) {
            return ClassItem.set("\\" + c);
        } else {
            return ClassItem.single(c);
        }
    }

    /** Java source matching exactly the given code point, inside or outside a class. */
    static String literal(int codePoint) {
        if ((codePoint >= 'a' && codePoint <= 'z') || (codePoint >= 'A' && codePoint <= 'Z')
            || (codePoint >= '0' && codePoint <= '9')) {
            return String.valueOf((char) codePoint);
        }
        if (codePoint > 32 && codePoint < 127) {
            return "\\" + (char) codePoint;
        }
        return "\\x{" + Integer.toHexString(codePoint) + "}";
    }

    /** One element of a character class: a single code point, a dash or a set such as \d. */
    private static final class ClassItem {
        static final ClassItem DASH = new ClassItem(-1, "-");

        final int codePoint;
        final String text;

        private ClassItem(int codePoint, String text) {
            this.codePoint = codePoint;
            this.text = text;
        }

        static ClassItem single(int codePoint) {
            return new ClassItem(codePoint, null);
        }

        static ClassItem set(String text) {
            return new ClassItem(-1, text);
        }

        boolean isSingle() {
            return text == null;
        }
    }
}
