package org.cleanmail.archive.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the dates of the query language and of the {@code after}/{@code before}
 * parameters: a day {@code 2026-01-31} (UTC) or an instant {@code 2026-01-31T10:15:30Z}.
 * A day stands for the interval from its first to its last millisecond, so
 * {@code date:[2026-01-01 TO 2026-01-31]} includes the whole of January 31.
 */
public final class ArchiveDates {
    private ArchiveDates() {
    }

    /** The first instant of the day or the instant given. */
    public static Instant start(String text) {
        return parse(text).start;
    }

    /** The first instant after the day, or just after the instant given. */
    public static Instant endExclusive(String text) {
        return parse(text).endExclusive;
    }

    /** Whether the text is a date of the query language. */
    public static boolean isDate(String text) {
        return tryParse(text).isPresent();
    }

    private static Interval parse(String text) {
        return tryParse(text).orElseThrow(() -> new InvalidArchiveQueryException("'" + abbreviate(text)
            + "' is not a date; write a day such as 2026-01-31 or an instant such as 2026-01-31T10:15:30Z"));
    }

    private static Optional<Interval> tryParse(String text) {
        if (text == null || text.length() > 40) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        try {
            if (trimmed.length() == 10) {
                LocalDate day = LocalDate.parse(trimmed);
                return Optional.of(new Interval(day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
            }
            Instant instant = Instant.parse(trimmed);
            return Optional.of(new Interval(instant, instant.plusMillis(1)));
        } catch (DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "null" : text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    private static final class Interval {
        private final Instant start;
        private final Instant endExclusive;

        private Interval(Instant start, Instant endExclusive) {
            this.start = start;
            this.endExclusive = endExclusive;
        }
    }
}
