package org.cleanmail.core.message.relay;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.cleanmail.core.prefilter.RegexLiteralExtractor;

/**
 * Whether a pattern can match a text, from the literals one of which each of its matches
 * holds ({@link RegexLiteralExtractor}): a few {@code indexOf}s on the case-folded text
 * instead of a search, for the many patterns of {@link ReceivedLineParser} that a field is
 * tried with in turn and that mostly fail. Sound: false only when the pattern cannot match.
 * Thread-safe.
 */
final class RequiredLiteralCheck {
    /** Beyond this many literals a check costs about what the search does: none is made. */
    private static final int MAX_LITERALS = 8;
    private static final String[] NO_CHECK = new String[0];

    /** By pattern (identity: patterns do not define equality), its literals; empty for none. */
    private final Map<Pattern, String[]> literals = new ConcurrentHashMap<>();

    /** Whether the pattern may match the text of which {@code folded} is the case folding. */
    boolean mayMatch(Pattern pattern, String folded) {
        String[] required = literals.computeIfAbsent(pattern, RequiredLiteralCheck::required);
        if (required.length == 0) {
            return true;
        }
        for (String literal : required) {
            if (folded.contains(literal)) {
                return true;
            }
        }
        return false;
    }

    private static String[] required(Pattern pattern) {
        var anyOf = RegexLiteralExtractor.analyse(pattern.pattern(), (pattern.flags() & Pattern.COMMENTS) != 0)
            .required().anyOf();
        return anyOf.isEmpty() || anyOf.size() > MAX_LITERALS ? NO_CHECK : anyOf.toArray(new String[0]);
    }
}
