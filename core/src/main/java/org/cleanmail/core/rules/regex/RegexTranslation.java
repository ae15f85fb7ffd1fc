package org.cleanmail.core.rules.regex;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of translating one Perl regular expression: either a compiled
 * {@link PerlRegex}, or the reason why it cannot be used in Java. The original text is
 * kept in both cases for reports.
 */
public final class RegexTranslation {
    private final String original;
    private final PerlRegex regex;
    private final String failure;

    private RegexTranslation(String original, PerlRegex regex, String failure) {
        this.original = Objects.requireNonNull(original, "original");
        this.regex = regex;
        this.failure = failure;
    }

    static RegexTranslation success(PerlRegex regex) {
        return new RegexTranslation(regex.original(), regex, null);
    }

    static RegexTranslation failure(String original, String reason) {
        return new RegexTranslation(original, null, Objects.requireNonNull(reason, "reason"));
    }

    public boolean succeeded() {
        return regex != null;
    }

    public String original() {
        return original;
    }

    /** The translated regex; throws if the translation failed. */
    public PerlRegex regex() {
        if (regex == null) {
            throw new NoSuchElementException("untranslatable regex " + original + ": " + failure);
        }
        return regex;
    }

    public Optional<PerlRegex> toOptional() {
        return Optional.ofNullable(regex);
    }

    /** Why the translation failed; empty when it succeeded. */
    public Optional<String> failureReason() {
        return Optional.ofNullable(failure);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RegexTranslation)) {
            return false;
        }
        RegexTranslation other = (RegexTranslation) o;
        return original.equals(other.original) && Objects.equals(regex, other.regex)
            && Objects.equals(failure, other.failure);
    }

    @Override
    public int hashCode() {
        return Objects.hash(original, regex, failure);
    }

    @Override
    public String toString() {
        return succeeded() ? "RegexTranslation{" + original + " -> " + regex.javaSource() + "}"
            : "RegexTranslation{" + original + " failed: " + failure + "}";
    }
}
