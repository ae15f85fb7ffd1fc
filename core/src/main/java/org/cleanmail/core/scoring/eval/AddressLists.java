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

    private final Map<String, List<Glob>> lists;

    private AddressLists(List<String> directiveValues) {
        Map<String, List<Glob>> byName = new HashMap<>();
        for (String value : directiveValues) {
            Matcher directive = DIRECTIVE.matcher(value);
            if (!directive.matches()) {
                continue;
            }
            List<Glob> patterns = byName.computeIfAbsent(directive.group(1), name -> new ArrayList<>());
            for (String glob : directive.group(2).trim().split("\\s+")) {
                patterns.add(new Glob(glob.toLowerCase(Locale.ROOT)));
            }
        }
        Map<String, List<Glob>> frozen = new HashMap<>();
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
        for (Glob glob : lists.getOrDefault(list, List.of())) {
            if (glob.matches(lower)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One lower-cased glob, as a pattern, and the literal text before its first wildcard and
     * after its last: an address that does not start and end with them (most, for
     * {@code *@*.icu}) is ruled out without the pattern.
     */
    private static final class Glob {
        private final Pattern pattern;
        private final String prefix;
        private final String suffix;

        Glob(String glob) {
            StringBuilder regex = new StringBuilder();
            for (char c : glob.toCharArray()) {
                if (c == '*') {
                    regex.append(".*");
                } else if (c == '?') {
                    regex.append('.');
                } else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            this.pattern = Pattern.compile(regex.toString(), Pattern.DOTALL);
            int first = firstWildcard(glob);
            this.prefix = first < 0 ? glob : glob.substring(0, first);
            this.suffix = first < 0 ? glob : glob.substring(Math.max(glob.lastIndexOf('*'), glob.lastIndexOf('?')) + 1);
        }

        private static int firstWildcard(String glob) {
            int star = glob.indexOf('*');
            int question = glob.indexOf('?');
            return star < 0 ? question : question < 0 ? star : Math.min(star, question);
        }

        boolean matches(String address) {
            return address.startsWith(prefix) && address.endsWith(suffix) && pattern.matcher(address).matches();
        }
    }

    @Override
    public String toString() {
        return "AddressLists" + lists.keySet();
    }
}
