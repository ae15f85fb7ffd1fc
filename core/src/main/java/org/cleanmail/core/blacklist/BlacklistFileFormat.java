package org.cleanmail.core.blacklist;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The text form of a blacklist: one entry per line, {@code #} starts a comment line,
 * blank lines are ignored.
 * <pre>
 * # kind value [subdomains] [code=..] [added-by=..] [added=..] [expires=..] [reason="..."]
 * ip      203.0.113.7      code=CM-BL-IP added-by=admin added=2026-01-01T00:00:00Z reason="dictionary attack"
 * cidr    198.51.100.0/24  added=2026-01-01T00:00:00Z expires=2026-02-01T00:00:00Z
 * cidr    2001:db8::/32
 * domain  spam.example     subdomains reason="snowshoe"
 * domain  *.bulk.example
 * address bad@x.example
 * helo    friend
 * </pre>
 * Kinds: {@code ip}, {@code cidr}, {@code domain}, {@code address}, {@code helo}.
 * {@code code} defaults to the kind's code ({@code CM-BL-IP}, {@code CM-BL-NET},
 * {@code CM-BL-DOMAIN}, {@code CM-BL-ADDRESS}, {@code CM-BL-HELO}); {@code added-by} to
 * {@code unknown}; {@code added} to the time of loading. Instants are ISO-8601 UTC.
 * Values holding blanks are double-quoted, with {@code \"}, {@code \\}, {@code \n},
 * {@code \r} escapes. {@link #write(Collection)} writes every attribute, sorted by kind and
 * value, and {@link #parse(List, Instant)} reads that back to equal entries.
 */
public final class BlacklistFileFormat {
    public static final String SUBDOMAINS = "subdomains";
    public static final String REASON = "reason";
    public static final String CODE = "code";
    public static final String ADDED_BY = "added-by";
    public static final String ADDED = "added";
    public static final String EXPIRES = "expires";

    private static final String EXAMPLE = "ip 203.0.113.7 reason=\"dictionary attack\"";

    private BlacklistFileFormat() {
    }

    /**
     * Reads the lines; entries without {@code added} get {@code loadTime}. Each bad line is
     * reported with its number and reason, and skipped.
     */
    public static ParsedList<BlacklistEntry> parse(List<String> lines, Instant loadTime) {
        List<BlacklistEntry> entries = new ArrayList<>();
        List<LineProblem> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                entries.add(parseLine(line, loadTime));
            } catch (IllegalArgumentException e) {
                problems.add(new LineProblem(i + 1, e.getMessage()));
            }
        }
        return new ParsedList<>(entries, problems);
    }

    /** Reads one non-comment line; throws {@link IllegalArgumentException} saying what is wrong. */
    public static BlacklistEntry parseLine(String line, Instant loadTime) {
        List<String> words = LineTokenizer.tokenize(line);
        if (words.size() < 2) {
            throw new IllegalArgumentException("expected a kind and a value, e.g. " + EXAMPLE);
        }
        EntryKind kind = EntryKind.fromKeyword(words.get(0))
            .orElseThrow(() -> new IllegalArgumentException("unknown kind '" + words.get(0)
                + "'; expected ip, cidr, domain, address or helo"));
        BlacklistEntry.Builder builder = BlacklistEntry.builder(kind, words.get(1)).added(loadTime);
        for (String word : words.subList(2, words.size())) {
            applyAttribute(builder, kind, word);
        }
        return builder.build();
    }

    private static void applyAttribute(BlacklistEntry.Builder builder, EntryKind kind, String word) {
        if (word.equals(SUBDOMAINS)) {
            if (kind != EntryKind.DOMAIN) {
                throw new IllegalArgumentException("'subdomains' only applies to domain entries");
            }
            builder.subdomains(true);
            return;
        }
        int equals = word.indexOf('=');
        if (equals <= 0) {
            throw new IllegalArgumentException("unexpected word '" + word + "'; attributes read key=value, e.g. "
                + REASON + "=\"dictionary attack\"");
        }
        String key = word.substring(0, equals);
        String value = word.substring(equals + 1);
        switch (key) {
            case REASON:
                builder.reason(value);
                break;
            case CODE:
                builder.code(value);
                break;
            case ADDED_BY:
                builder.addedBy(value);
                break;
            case ADDED:
                builder.added(instant(key, value));
                break;
            case EXPIRES:
                builder.expires(instant(key, value));
                break;
            default:
                throw new IllegalArgumentException("unknown attribute '" + key + "'; expected " + String.join(", ",
                    REASON, CODE, ADDED_BY, ADDED, EXPIRES));
        }
    }

    private static Instant instant(String key, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + key + "' must be an ISO-8601 UTC instant, e.g. "
                + key + "=2026-01-01T00:00:00Z; got '" + value + "'");
        }
    }

    /** The lines of a file holding {@code entries}, sorted by kind then value, with a header comment. */
    public static List<String> write(Collection<BlacklistEntry> entries) {
        List<String> lines = new ArrayList<>(entries.size() + 1);
        lines.add("# CleanMail blacklist: kind value [subdomains] code= added-by= added= [expires=] reason=");
        entries.stream()
            .sorted(Comparator.comparing(BlacklistEntry::kind).thenComparing(BlacklistEntry::value))
            .map(BlacklistFileFormat::line)
            .collect(Collectors.toCollection(() -> lines));
        return lines;
    }

    /** The line of one entry. */
    public static String line(BlacklistEntry entry) {
        StringBuilder line = new StringBuilder(96)
            .append(entry.kind().keyword()).append(' ').append(LineTokenizer.word(entry.value()));
        if (entry.subdomains()) {
            line.append(' ').append(SUBDOMAINS);
        }
        line.append(' ').append(CODE).append('=').append(entry.code())
            .append(' ').append(ADDED_BY).append('=').append(LineTokenizer.word(entry.addedBy()))
            .append(' ').append(ADDED).append('=').append(entry.added());
        Optional<Instant> expires = entry.expires();
        expires.ifPresent(instant -> line.append(' ').append(EXPIRES).append('=').append(instant));
        if (!entry.reason().isEmpty()) {
            line.append(' ').append(REASON).append('=').append(LineTokenizer.quote(entry.reason()));
        }
        return line.toString();
    }
}
