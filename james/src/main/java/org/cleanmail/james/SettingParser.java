package org.cleanmail.james;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one setting's text strictly, with errors that say where the setting comes from
 * ({@code cleanmail.properties}, or a mailet's parameter) and show a valid example.
 */
public final class SettingParser {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kKmMgG]?)[bB]?");

    private final String source;

    /** @param source where settings come from, as the administrator sees it, e.g. {@code "cleanmail.properties"} */
    public SettingParser(String source) {
        this.source = source;
    }

    public double parseDouble(String key, String value, String example) {
        try {
            double parsed = Double.parseDouble(value.trim());
            if (Double.isNaN(parsed) || Double.isInfinite(parsed)) {
                throw new NumberFormatException(value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw fail(key, "must be a number", example, value);
        }
    }

    /** Accepts {@code true} or {@code false} only (case-insensitive): {@code treu} is an error, not {@code false}. */
    public boolean parseBoolean(String key, String value, String example) {
        String normalised = value.trim().toLowerCase(Locale.ROOT);
        if (normalised.equals("true")) {
            return true;
        }
        if (normalised.equals("false")) {
            return false;
        }
        throw fail(key, "must be true or false", example, value);
    }

    /** A size in bytes, with an optional K, M or G suffix (powers of 1024): {@code 4M}, {@code 512K}, {@code 100000}. */
    public long parseSize(String key, String value, String example) {
        Matcher matcher = SIZE.matcher(value.trim());
        if (!matcher.matches()) {
            throw fail(key, "must be a size such as 512K, 4M or 1G", example, value);
        }
        try {
            long number = Long.parseLong(matcher.group(1));
            return Math.multiplyExact(number, unit(matcher.group(2)));
        } catch (ArithmeticException | NumberFormatException e) {
            throw fail(key, "is too large", example, value);
        }
    }

    public String parseNonBlank(String key, String value, String example) {
        return Optional.of(value.trim())
            .filter(v -> !v.isEmpty())
            .orElseThrow(() -> fail(key, "must not be empty", example, value));
    }

    public ConfigurationException fail(String key, String problem, String example, String value) {
        return new ConfigurationException(source + ": '" + key + "' " + problem + ", e.g. " + example + "; got '" + value + "'");
    }

    private static long unit(String suffix) {
        switch (suffix.toUpperCase(Locale.ROOT)) {
            case "K":
                return 1024L;
            case "M":
                return 1024L * 1024;
            case "G":
                return 1024L * 1024 * 1024;
            default:
                return 1L;
        }
    }
}
