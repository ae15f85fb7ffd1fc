package org.cleanmail.core.scan;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders a scan result the way SpamAssassin's {@code X-Spam-Status} header does, so
 * that administrators and mail-client filters recognise it:
 * {@code Yes, score=1000.0 required=5.0 tests=GTUBE}, followed by the details of hits
 * that have one ({@code details=FINGERPRINT_EXACT:3f2a...:1.00}).
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
            + details(result)
            + (result.truncated() ? " truncated=yes" : "");
    }

    /** {@code details=FINGERPRINT_FUZZY:3f2a...:0.84,...} for the hits that carry a detail. */
    private static String details(ScanResult result) {
        String details = result.hits().stream()
            .filter(hit -> hit.detail().isPresent())
            .map(hit -> hit.name() + ":" + hit.detail().get())
            .collect(Collectors.joining(","));
        return details.isEmpty() ? "" : " details=" + details;
    }

    /** One decimal, dot separator whatever the locale: {@code 5.0}, {@code -0.5}. */
    public static String formatScore(double score) {
        return String.format(Locale.ROOT, "%.1f", score);
    }
}
