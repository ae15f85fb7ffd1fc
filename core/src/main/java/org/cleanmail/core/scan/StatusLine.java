package org.cleanmail.core.scan;

import java.util.Locale;

/**
 * Renders a scan result the way SpamAssassin's {@code X-Spam-Status} header does, so
 * that administrators and mail-client filters recognise it:
 * {@code Yes, score=1000.0 required=5.0 tests=GTUBE}.
 */
public final class StatusLine {
    private StatusLine() {
    }

    public static String of(ScanResult result, double threshold) {
        String tests = result.hits().isEmpty() ? "none" : String.join(",", result.hitNames());
        return (result.reaches(threshold) ? "Yes" : "No")
            + ", score=" + formatScore(result.score())
            + " required=" + formatScore(threshold)
            + " tests=" + tests
            + (result.truncated() ? " truncated=yes" : "");
    }

    /** One decimal, dot separator whatever the locale: {@code 5.0}, {@code -0.5}. */
    public static String formatScore(double score) {
        return String.format(Locale.ROOT, "%.1f", score);
    }
}
