package org.cleanmail.core.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The test flags of a rule ({@code tflags NAME nice multiple maxhits=5}). Every flag is
 * kept, known or not, with its value when written {@code flag=value}. Well-known ones:
 * {@code nice} (negative score), {@code multiple} and {@code maxhits=N} (count each
 * match), {@code net} (needs the network), {@code learn} (Bayes), {@code userconf},
 * {@code noautolearn}, {@code autolearn_force}, {@code publish}, {@code nosubject}.
 */
public final class TFlags {
    public static final TFlags NONE = new TFlags(Map.of());

    private final Map<String, String> flags;

    private TFlags(Map<String, String> flags) {
        this.flags = flags;
    }

    /** Parses the text after the rule name; flags are separated by white space. */
    public static TFlags parse(String text) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (String token : text.trim().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            int equals = token.indexOf('=');
            if (equals > 0) {
                flags.put(token.substring(0, equals).toLowerCase(Locale.ROOT), token.substring(equals + 1));
            } else {
                flags.put(token.toLowerCase(Locale.ROOT), "");
            }
        }
        return new TFlags(Collections.unmodifiableMap(flags));
    }

    public boolean has(String flag) {
        return flags.containsKey(flag.toLowerCase(Locale.ROOT));
    }

    /** The value of a {@code flag=value} flag. */
    public Optional<String> value(String flag) {
        String value = flags.get(flag.toLowerCase(Locale.ROOT));
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** All flags in the order written, each with its value ("" when none). */
    public Map<String, String> all() {
        return flags;
    }

    public boolean nice() {
        return has("nice");
    }

    public boolean net() {
        return has("net");
    }

    public boolean learn() {
        return has("learn");
    }

    /** Whether every match counts ({@code multiple} or {@code maxhits}). */
    public boolean multiple() {
        return has("multiple") || maxHits().isPresent();
    }

    /** {@code maxhits=N}, when set to a positive number. */
    public OptionalInt maxHits() {
        Optional<String> value = value("maxhits");
        if (value.isPresent() && value.get().matches("\\d{1,9}")) {
            int max = Integer.parseInt(value.get());
            return max > 0 ? OptionalInt.of(max) : OptionalInt.empty();
        }
        return OptionalInt.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TFlags && flags.equals(((TFlags) o).flags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(flags);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        flags.forEach((flag, value) -> text.append(text.length() == 0 ? "" : " ").append(flag)
            .append(value.isEmpty() ? "" : "=" + value));
        return text.toString();
    }
}
