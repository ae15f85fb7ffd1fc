package org.cleanmail.core.scoring.eval;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates of Date and Received headers as leniently as SpamAssassin's
 * {@code parse_rfc822_date}: day, month name and year in either common order, an optional
 * time, a numeric or named zone (UTC when absent or unknown), out-of-range fields clamped.
 */
final class Rfc822Dates {
    /** Longest date text read; a real date is under 100 characters. */
    private static final int MAXIMUM_LENGTH = 512;
    private static final String MONTHS = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
    private static final Pattern COMMA_SPACES = Pattern.compile(", *");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(" (\\d{1,2}) " + MONTHS + " (\\d{4}) ",
        Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_DAY_TIME_YEAR = Pattern.compile(
        " " + MONTHS + " +(\\d{1,2}) \\d+:\\d+:\\d+ (\\d{4}) ", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH_SHORT_YEAR = Pattern.compile(" (\\d{1,2}) " + MONTHS + " (\\d{2,3}) ",
        Pattern.CASE_INSENSITIVE);
    private static final Pattern TIME = Pattern.compile(" (\\d?\\d):(\\d\\d)(?::(\\d\\d))? ");
    private static final Pattern NUMERIC_ZONE = Pattern.compile(" ([-+])(\\d\\d)(\\d\\d) ");
    private static final Pattern NAMED_ZONE = Pattern.compile("\\b([A-Z]{2,4}(?:-DST)?)\\b");
    private static final Map<String, Integer> ZONE_MINUTES = Map.ofEntries(
        Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("GMT", 0), Map.entry("WET", 0),
        Map.entry("NDT", -150), Map.entry("AST", -240), Map.entry("ADT", -180), Map.entry("NST", -210),
        Map.entry("EST", -300), Map.entry("EDT", -240), Map.entry("CST", -360), Map.entry("CDT", -300),
        Map.entry("MST", -420), Map.entry("MDT", -360), Map.entry("PST", -480), Map.entry("PDT", -420),
        Map.entry("HST", -600), Map.entry("AKST", -540), Map.entry("AKDT", -480), Map.entry("HADT", -540),
        Map.entry("HAST", -600), Map.entry("BST", 60), Map.entry("IST", 60), Map.entry("WEST", 60),
        Map.entry("CET", 60), Map.entry("CEST", 120), Map.entry("EET", 120), Map.entry("EEST", 180),
        Map.entry("MSK", 180), Map.entry("MSD", 240), Map.entry("MET", 60), Map.entry("MEZ", 60),
        Map.entry("MEST", 120), Map.entry("MESZ", 120), Map.entry("BRST", -120), Map.entry("BRT", -180),
        Map.entry("AEST", 600), Map.entry("AEDT", 660), Map.entry("ACST", 570), Map.entry("ACDT", 630),
        Map.entry("AWST", 480), Map.entry("NZST", 720), Map.entry("NZDT", 780), Map.entry("JST", 540),
        Map.entry("KST", 540), Map.entry("HKT", 480), Map.entry("SGT", 480), Map.entry("PHT", 480),
        Map.entry("IDT", 180));
    private static final Map<String, Integer> MONTH_NUMBERS = Map.ofEntries(
        Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
        Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
        Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    private Rfc822Dates() {
    }

    /** Seconds since the epoch, or empty when the text holds no recognisable date. */
    static OptionalLong epochSeconds(String date) {
        if (date == null || date.length() > MAXIMUM_LENGTH) {
            return OptionalLong.empty();
        }
        String text = WHITESPACE.matcher(COMMA_SPACES.matcher(" " + date + " ").replaceAll(" ")).replaceAll(" ");
        int day;
        String month;
        int year;
        Matcher matcher = DAY_MONTH_YEAR.matcher(text);
        if (matcher.find()) {
            day = Integer.parseInt(matcher.group(1));
            month = matcher.group(2);
            year = Integer.parseInt(matcher.group(3));
        } else if ((matcher = MONTH_DAY_TIME_YEAR.matcher(text)).find()) {
            day = Integer.parseInt(matcher.group(2));
            month = matcher.group(1);
            year = Integer.parseInt(matcher.group(3));
        } else if ((matcher = DAY_MONTH_SHORT_YEAR.matcher(text)).find()) {
            day = Integer.parseInt(matcher.group(1));
            month = matcher.group(2);
            year = Integer.parseInt(matcher.group(3));
            year += matcher.group(3).length() == 2 && year < 50 ? 2000 : 1900;
        } else {
            return OptionalLong.empty();
        }
        text = text.substring(0, matcher.start()) + " " + text.substring(matcher.end());
        int hour = 0;
        int minute = 0;
        int second = 0;
        Matcher time = TIME.matcher(text);
        if (time.find()) {
            hour = Integer.parseInt(time.group(1));
            minute = Integer.parseInt(time.group(2));
            second = time.group(3) == null ? 0 : Integer.parseInt(time.group(3));
            text = text.substring(0, time.start()) + " " + text.substring(time.end());
        }
        return OptionalLong.of(toEpoch(year, MONTH_NUMBERS.get(month.toLowerCase(Locale.ROOT)), day,
            hour, minute, second) - zoneMinutes(text) * 60L);
    }

    private static long toEpoch(int year, int month, int day, int hour, int minute, int second) {
        int clampedYear = Math.max(1970, Math.min(2037, year));
        int clampedMonth = month;
        int clampedDay = day;
        int daysInMonth = YearMonth.of(clampedYear, month).lengthOfMonth();
        if (clampedDay > daysInMonth) {
            clampedDay = 1;
            clampedMonth++;
            if (clampedMonth > 12) {
                clampedMonth = 1;
                clampedYear = Math.min(2037, clampedYear + 1);
            }
        }
        try {
            return LocalDateTime.of(clampedYear, clampedMonth, Math.max(1, clampedDay), Math.min(23, hour),
                Math.min(59, minute), Math.min(59, second)).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return 0;
        }
    }

    private static int zoneMinutes(String text) {
        Matcher numeric = NUMERIC_ZONE.matcher(text);
        if (numeric.find()) {
            int minutes = Integer.parseInt(numeric.group(2)) * 60 + Integer.parseInt(numeric.group(3));
            return numeric.group(1).equals("-") ? -minutes : minutes;
        }
        Matcher named = NAMED_ZONE.matcher(text);
        if (named.find()) {
            return ZONE_MINUTES.getOrDefault(named.group(1), 0);
        }
        return 0;
    }
}
