package org.cleanmail.core.scoring.eval;

import java.util.Optional;
import java.util.regex.Pattern;

import org.cleanmail.core.rules.regex.PerlRegex;
import org.cleanmail.core.rules.regex.PerlRegexTranslator;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Perl regular expressions given as eval arguments ({@code html_text_match('title', '.{120}')}),
 * translated to Java once and remembered. An argument that does not translate is empty, so
 * the rule answers false. Thread-safe.
 */
final class ArgumentPatterns {
    /** Rule files hold a few dozen such arguments; the bound only guards against abuse. */
    private static final int MAXIMUM_PATTERNS = 1000;

    private final PerlRegexTranslator translator = new PerlRegexTranslator();
    private final Cache<String, Optional<Pattern>> patterns = Caffeine.newBuilder()
        .maximumSize(MAXIMUM_PATTERNS).build();

    Optional<Pattern> pattern(String perlRegex) {
        return patterns.get(perlRegex, this::translate);
    }

    private Optional<Pattern> translate(String perlRegex) {
        try {
            return translator.translate(perlRegex, "").toOptional().map(PerlRegex::pattern);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
