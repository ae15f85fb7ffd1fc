package org.cleanmail.core.rules.regex;

/** Raised inside the translator when a Perl construct has no Java equivalent. */
final class UntranslatableRegexException extends Exception {
    private static final long serialVersionUID = 1L;

    UntranslatableRegexException(String reason) {
        super(reason);
    }
}
