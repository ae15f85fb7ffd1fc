package org.cleanmail.core.rules.regex;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Perl regular expression from a rule file together with its compiled Java
 * translation. The original text is kept for reports; the Java source and
 * {@link Pattern} are what a matching engine uses.
 *
 * <p>Patterns are translated for SpamAssassin's byte semantics: a rule file is read one
 * byte per char (ISO-8859-1) and the text matched should be presented the same way, so
 * that {@code \xC3\xA4} matches the UTF-8 bytes of "ä". Case-insensitive matching folds
 * ASCII letters only, as Perl does on byte strings.
 *
 * <p>Perl named groups are renamed when Java would reject their name (Java allows only
 * ASCII letters and digits); {@link #groupNames()} maps each Perl name to its Java name.
 */
public final class PerlRegex {
    /**
     * Perl's {@code \b} on byte strings as the translation spells it: between \w and not \w
     * (Java's own \b, before Java 19, also counts non-ASCII letters such as \u00c3 as word
     * characters). Its look-behinds read one character back.
     */
    public static final String WORD_BOUNDARY = "(?:(?<=\\w)(?!\\w)|(?<!\\w)(?=\\w))";
    /** Perl's {@code \B} as the translation spells it; see {@link #WORD_BOUNDARY}. */
    public static final String NOT_WORD_BOUNDARY = "(?:(?<=\\w)(?=\\w)|(?<!\\w)(?!\\w))";

    private final String original;
    private final String javaSource;
    private final Pattern pattern;
    private final Map<String, String> groupNames;

    PerlRegex(String original, String javaSource, Pattern pattern, Map<String, String> groupNames) {
        this.original = Objects.requireNonNull(original, "original");
        this.javaSource = Objects.requireNonNull(javaSource, "javaSource");
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        this.groupNames = Map.copyOf(groupNames);
    }

    /** The Perl text as written in the rule file, delimiters and modifiers included. */
    public String original() {
        return original;
    }

    /** The translated java.util.regex source, without the flags (see {@link Pattern#flags()}). */
    public String javaSource() {
        return javaSource;
    }

    /** The compiled pattern; thread-safe, create one {@link java.util.regex.Matcher} per use. */
    public Pattern pattern() {
        return pattern;
    }

    /** Perl group name to the Java group name used in {@link #pattern()}. */
    public Map<String, String> groupNames() {
        return groupNames;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PerlRegex)) {
            return false;
        }
        PerlRegex other = (PerlRegex) o;
        return original.equals(other.original) && javaSource.equals(other.javaSource)
            && pattern.flags() == other.pattern.flags();
    }

    @Override
    public int hashCode() {
        return Objects.hash(original, javaSource, pattern.flags());
    }

    @Override
    public String toString() {
        return original;
    }
}
