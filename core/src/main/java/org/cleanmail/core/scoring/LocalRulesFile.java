package org.cleanmail.core.scoring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The administrator's rule file ({@code local.cf}) as blocks, one per rule, each opened
 * by a {@code # rule NAME} line, so that a rule's lines can be replaced or removed
 * without touching the others. Lines before the first block are kept as they are.
 * Immutable: every change returns a new file.
 */
final class LocalRulesFile {
    static final String BLOCK_MARKER = "# rule ";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final List<String> preamble;
    private final Map<String, List<String>> blocks;

    private LocalRulesFile(List<String> preamble, Map<String, List<String>> blocks) {
        this.preamble = List.copyOf(preamble);
        this.blocks = Collections.unmodifiableMap(blocks);
    }

    static LocalRulesFile parse(String text) {
        List<String> preamble = new ArrayList<>();
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        List<String> current = preamble;
        for (String line : text.split("\r?\n", -1)) {
            if (line.startsWith(BLOCK_MARKER)) {
                current = new ArrayList<>();
                blocks.put(line.substring(BLOCK_MARKER.length()).trim(), current);
            } else if (!line.isBlank() || current == preamble) {
                current.add(line);
            }
        }
        while (!preamble.isEmpty() && preamble.get(preamble.size() - 1).isBlank()) {
            preamble.remove(preamble.size() - 1);
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        blocks.forEach((name, lines) -> frozen.put(name, List.copyOf(lines)));
        return new LocalRulesFile(preamble, frozen);
    }

    /**
     * Checks that every line of a rule's definition is about that rule
     * ({@code header NAME ...}, {@code score NAME 2}); returns the lines without blanks.
     */
    static List<String> ruleLines(String name, String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.startsWith(BLOCK_MARKER.trim())) {
                throw new IllegalArgumentException("a rule's lines cannot contain a '" + BLOCK_MARKER.trim() + "' line");
            }
            if (trimmed.startsWith("#")) {
                lines.add(trimmed);
                continue;
            }
            String[] words = WHITESPACE.split(trimmed, 3);
            if (words.length < 3 || !words[1].equals(name)) {
                throw new IllegalArgumentException("each line must be about rule " + name + ", e.g. 'score " + name
                    + " 1.0'; got '" + trimmed + "'");
            }
            lines.add(trimmed);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("the definition of rule " + name + " is empty; give e.g. 'body " + name
                + " /pattern/'");
        }
        return lines;
    }

    Optional<List<String>> block(String name) {
        return Optional.ofNullable(blocks.get(name));
    }

    LocalRulesFile with(String name, List<String> lines) {
        Map<String, List<String>> changed = new LinkedHashMap<>(blocks);
        changed.remove(name);
        changed.put(name, List.copyOf(lines));
        return new LocalRulesFile(preamble, changed);
    }

    LocalRulesFile without(String name) {
        Map<String, List<String>> changed = new LinkedHashMap<>(blocks);
        changed.remove(name);
        return new LocalRulesFile(preamble, changed);
    }

    /** The block of a rule with its score line replaced (or added). */
    LocalRulesFile withScore(String name, String scoreLine) {
        List<String> lines = new ArrayList<>();
        for (String line : blocks.getOrDefault(name, List.of())) {
            String[] words = WHITESPACE.split(line.trim(), 3);
            if (!(words.length >= 2 && words[0].equals("score") && words[1].equals(name))) {
                lines.add(line);
            }
        }
        lines.add(scoreLine);
        return with(name, lines);
    }

    String render() {
        StringBuilder text = new StringBuilder();
        preamble.forEach(line -> text.append(line).append('\n'));
        blocks.forEach((name, lines) -> {
            text.append(text.length() == 0 ? "" : "\n").append(BLOCK_MARKER).append(name).append('\n');
            lines.forEach(line -> text.append(line).append('\n'));
        });
        return text.toString();
    }
}
