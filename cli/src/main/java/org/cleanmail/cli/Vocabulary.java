package org.cleanmail.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Words taken from real messages for synthetic rules: lower-case words of 4 to 12 letters
 * that occur in at least 3 messages and at most 5% of them, so that a rule built from a
 * few of them is a candidate for a small share of messages and fires now and then, as
 * real rules do. The same messages always give the same words.
 */
final class Vocabulary {
    private static final Pattern WORD = Pattern.compile("(?<![A-Za-z])[a-z]{4,12}(?![A-Za-z])");
    private static final int MIN_MESSAGES = 3;
    private static final double MAX_SHARE = 0.05;

    private Vocabulary() {
    }

    /** Up to {@code max} words, the most widespread first (ties in alphabetical order). */
    static List<String> of(Collection<byte[]> messages, int max) {
        Map<String, Integer> messagesWith = new HashMap<>();
        for (byte[] message : messages) {
            Set<String> seen = new HashSet<>();
            Matcher word = WORD.matcher(new String(message, StandardCharsets.ISO_8859_1));
            while (word.find()) {
                seen.add(word.group());
            }
            seen.forEach(w -> messagesWith.merge(w, 1, Integer::sum));
        }
        int ceiling = Math.max(MIN_MESSAGES, (int) (messages.size() * MAX_SHARE));
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(messagesWith.entrySet());
        return entries.stream()
            .filter(e -> e.getValue() >= MIN_MESSAGES && e.getValue() <= ceiling)
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .limit(max)
            .map(Map.Entry::getKey)
            .collect(Collectors.toList());
    }
}
