package org.cleanmail.core.fingerprint;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns decoded body text into the words that fingerprints hash, so that copies of one
 * mail sent to many recipients normalise to the same words. Deterministic; the steps, in
 * order:
 * <ol>
 * <li>Only the first {@code maxChars} characters are read (bounded time and memory).</li>
 * <li>Unicode NFKC (full-width letters, ligatures and the like fold to plain letters);
 *     format characters (zero-width spaces and joiners, soft hyphens, BOM) are removed.</li>
 * <li>Footers are dropped: signatures and mailing-list footers (which the spam relayed by
 *     a list shares with the list's ham). A footer block starts at a separator line
 *     ({@code "-- "}, or {@value #SEPARATOR_MIN_LENGTH} or more of {@code - _ = * ~}) and
 *     holds at most {@value #FOOTER_MAX_LINES} non-blank lines to the end of the text; up
 *     to {@value #FOOTER_MAX_BLOCKS} such blocks go, never the first line of text.</li>
 * <li>Greeting lines are dropped: among the first {@value #GREETING_SEARCH_LINES} non-blank
 *     lines, a line of at most {@value #GREETING_MAX_WORDS} words that starts with a
 *     greeting word (dear, hi, hello, hey, greetings, good morning/afternoon/evening).</li>
 * <li>The text is cut at white space into tokens; punctuation around a token is trimmed.
 *     A URL ({@code http://}, {@code https://}, {@code ftp://}, {@code www.},
 *     {@code mailto:}) becomes {@value #URL}; an e-mail address becomes {@value #EMAIL}; a
 *     token of {@value #ID_MIN_LENGTH} or more base64 characters with a digit (tracking
 *     ids, tokens) becomes {@value #ID}.</li>
 * <li>Other tokens split into runs of letters and digits; everything else is punctuation
 *     noise and goes. A run that contains a digit becomes {@value #NUMBER}, and
 *     consecutive numbers collapse into one (so "555-0123" and "555 0123" agree); other
 *     runs are case-folded (upper-cased then lower-cased, root locale, so that "STRASSE"
 *     and "straße" agree).</li>
 * </ol>
 * Placeholders start with {@code #}, which no word can contain. The result does not
 * depend on letter case anywhere. Thread-safe.
 */
public final class TextNormalizer {
    public static final int DEFAULT_MAX_CHARS = 256 * 1024;
    public static final String URL = "#url";
    public static final String EMAIL = "#email";
    public static final String ID = "#id";
    public static final String NUMBER = "#";
    /** Every placeholder starts with it. */
    public static final char PLACEHOLDER_MARK = '#';

    static final int GREETING_SEARCH_LINES = 3;
    static final int GREETING_MAX_WORDS = 6;
    static final int ID_MIN_LENGTH = 16;
    static final int FOOTER_MAX_LINES = 12;
    static final int FOOTER_MAX_BLOCKS = 3;
    static final int SEPARATOR_MIN_LENGTH = 10;
    private static final String SEPARATOR_CHARACTERS = "-_=*~";

    private static final Set<String> GREETINGS = Set.of("dear", "hi", "hello", "hey", "greetings", "howdy");
    private static final Set<String> GOOD_TIMES = Set.of("morning", "afternoon", "evening", "day");
    private static final String[] URL_PREFIXES = {"http://", "https://", "ftp://", "www.", "mailto:"};
    /** The first characters of {@link #URL_PREFIXES}. */
    private static final String URL_PREFIX_STARTS = Arrays.stream(URL_PREFIXES).map(prefix -> prefix.substring(0, 1))
        .collect(Collectors.joining());
    private static final String EDGE_PUNCTUATION = "<>()[]{}\"'`.,;:!?*|";

    private final int maxChars;

    public TextNormalizer() {
        this(DEFAULT_MAX_CHARS);
    }

    public TextNormalizer(int maxChars) {
        if (maxChars <= 0) {
            throw new IllegalArgumentException("maxChars must be positive, got " + maxChars);
        }
        this.maxChars = maxChars;
    }

    public NormalizedText normalize(String bodyText) {
        String head = bodyText.length() > maxChars ? bodyText.substring(0, maxChars) : bodyText;
        String folded = removeFormatCharacters(Normalizer.normalize(head, Normalizer.Form.NFKC));
        List<String> lines = Arrays.asList(folded.split("\n", -1));
        int footerStart = footerStart(lines);
        List<String> words = new ArrayList<>();
        int nonBlankLines = 0;
        for (String line : lines.subList(0, footerStart)) {
            if (line.isBlank()) {
                continue;
            }
            nonBlankLines++;
            if (nonBlankLines <= GREETING_SEARCH_LINES && isGreeting(line)) {
                continue;
            }
            addWords(line, words);
        }
        return new NormalizedText(words, String.join("\n", lines.subList(0, footerStart)),
            String.join("\n", lines.subList(footerStart, lines.size())));
    }

    /** Where the trailing footer blocks start: the number of lines when there are none. */
    private static int footerStart(List<String> lines) {
        int firstContent = 0;
        while (firstContent < lines.size() && lines.get(firstContent).isBlank()) {
            firstContent++;
        }
        int end = lines.size();
        for (int block = 0; block < FOOTER_MAX_BLOCKS; block++) {
            int separator = -1;
            int nonBlank = 0;
            for (int i = end - 1; i > firstContent && nonBlank <= FOOTER_MAX_LINES; i--) {
                String line = lines.get(i).strip();
                if (isSeparator(line)) {
                    separator = i;
                    break;
                }
                nonBlank += line.isEmpty() ? 0 : 1;
            }
            if (separator < 0) {
                break;
            }
            end = separator;
        }
        return end;
    }

    private static boolean isSeparator(String line) {
        if ("--".equals(line)) {
            return true;
        }
        if (line.length() < SEPARATOR_MIN_LENGTH) {
            return false;
        }
        for (int i = 0; i < line.length(); i++) {
            if (SEPARATOR_CHARACTERS.indexOf(line.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String removeFormatCharacters(String text) {
        int first = 0;
        while (first < text.length() && Character.getType(text.charAt(first)) != Character.FORMAT) {
            first++;
        }
        if (first == text.length()) {
            // most texts hold none: kept as they are
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.getType(c) != Character.FORMAT) {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    private static boolean isGreeting(String line) {
        String[] tokens = line.trim().split("\\s+", GREETING_MAX_WORDS + 2);
        if (tokens.length > GREETING_MAX_WORDS) {
            return false;
        }
        String first = lettersOnly(tokens[0]);
        if (GREETINGS.contains(first)) {
            return true;
        }
        return "good".equals(first) && tokens.length > 1 && GOOD_TIMES.contains(lettersOnly(tokens[1]));
    }

    private static String lettersOnly(String token) {
        StringBuilder letters = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isLetter(c)) {
                letters.append(c);
            }
        }
        return letters.toString().toLowerCase(Locale.ROOT);
    }

    private static void addWords(String line, List<String> words) {
        int i = 0;
        int length = line.length();
        while (i < length) {
            while (i < length && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < length && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (start < i) {
                addToken(trimPunctuation(line.substring(start, i)), words);
            }
        }
    }

    private static String trimPunctuation(String token) {
        int start = 0;
        int end = token.length();
        while (start < end && EDGE_PUNCTUATION.indexOf(token.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && EDGE_PUNCTUATION.indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        return token.substring(start, end);
    }

    private static void addToken(String token, List<String> words) {
        if (token.isEmpty()) {
            return;
        }
        if (isUrl(token)) {
            words.add(URL);
        } else if (isEmail(token)) {
            words.add(EMAIL);
        } else if (isId(token)) {
            words.add(ID);
        } else {
            addRuns(token, words);
        }
    }

    private static boolean isUrl(String token) {
        char first = token.charAt(0);
        if (first < 128 && URL_PREFIX_STARTS.indexOf(Character.toLowerCase(first)) < 0) {
            // an ASCII first character no prefix starts with, in any case: most words
            return false;
        }
        String lower = token.toLowerCase(Locale.ROOT);
        for (String prefix : URL_PREFIXES) {
            if (lower.startsWith(prefix) && lower.length() > prefix.length()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isEmail(String token) {
        int at = token.indexOf('@');
        return at > 0 && token.indexOf('.', at + 2) > 0 && token.indexOf('.', at + 2) < token.length() - 1;
    }

    private static boolean isId(String token) {
        if (token.length() < ID_MIN_LENGTH) {
            return false;
        }
        boolean digit = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if ((c < 'A' || c > 'Z') && (c < 'a' || c > 'z') && c != '+' && c != '/' && c != '='
                && c != '_' && c != '-') {
                return false;
            }
        }
        return digit;
    }

    private static void addRuns(String token, List<String> words) {
        int i = 0;
        int length = token.length();
        while (i < length) {
            while (i < length && !Character.isLetterOrDigit(token.charAt(i))) {
                i++;
            }
            int start = i;
            boolean hasDigit = false;
            while (i < length && Character.isLetterOrDigit(token.charAt(i))) {
                hasDigit = hasDigit || Character.isDigit(token.charAt(i));
                i++;
            }
            if (start < i) {
                if (hasDigit) {
                    addNumber(words);
                } else {
                    words.add(foldCase(token.substring(start, i)));
                }
            }
        }
    }

    /** Upper then lower case: "STRASSE", "straße" and "Straße" all fold to "strasse", "ς" to "σ". */
    private static String foldCase(String word) {
        boolean ascii = true;
        boolean lower = true;
        for (int i = 0; i < word.length() && ascii; i++) {
            char c = word.charAt(i);
            ascii = c < 128;
            lower &= c < 'A' || c > 'Z';
        }
        if (ascii) {
            // ASCII folds to its lower case: most words are that already
            return lower ? word : word.toLowerCase(Locale.ROOT);
        }
        return word.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    private static void addNumber(List<String> words) {
        if (words.isEmpty() || !NUMBER.equals(words.get(words.size() - 1))) {
            words.add(NUMBER);
        }
    }
}
