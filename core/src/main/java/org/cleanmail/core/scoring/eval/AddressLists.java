package org.cleanmail.core.scoring.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named address lists of SpamAssassin's {@code enlist_addrlist (NAME) pattern...}
 * directives, such as {@code enlist_addrlist (PAYPAL) *@paypal.com}. Patterns are file
 * globs ({@code *} any characters, {@code ?} one), matched against the whole address,
 * ignoring case. Immutable.
 */
public final class AddressLists {
    private static final Pattern DIRECTIVE = Pattern.compile("^\\s*\\(([^)\\s]+)\\)\\s+(.+)$");
    private static final AddressLists NONE = new AddressLists(List.of());

    private final Map<String, List<Pattern>> lists;

    private AddressLists(List<String> directiveValues) {
        Map<String, List<Pattern>> byName = new HashMap<>();
        for (String value : directiveValues) {
            Matcher directive = DIRECTIVE.matcher(value);
            if (!directive.matches()) {
                continue;
            }
            List<Pattern> patterns = byName.computeIfAbsent(directive.group(1), name -> new ArrayList<>());
            for (String glob : directive.group(2).trim().split("\\s+")) {
                patterns.add(globPattern(glob));
            }
        }
        Map<String, List<Pattern>> frozen = new HashMap<>();
        byName.forEach((name, patterns) -> frozen.put(name, List.copyOf(patterns)));
        this.lists = Map.copyOf(frozen);
    }

    /** @param directiveValues the values of the {@code enlist_addrlist} directives */
    public static AddressLists of(List<String> directiveValues) {
        return new AddressLists(directiveValues);
    }

    public static AddressLists none() {
        return NONE;
    }

    /** Whether the address matches a pattern of the named list; false for an unknown list. */
    public boolean contains(String list, String address) {
        String lower = address.toLowerCase(Locale.ROOT);
        return lists.getOrDefault(list, List.of()).stream().anyMatch(pattern -> pattern.matcher(lower).matches());
    }

    private static Pattern globPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    @Override
    public String toString() {
        return "AddressLists" + lists.keySet();
    }
}
