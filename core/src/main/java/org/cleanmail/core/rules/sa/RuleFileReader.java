package org.cleanmail.core.rules.sa;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cleanmail.core.message.relay.NetworkList;
import org.cleanmail.core.rules.OtherDirective;
import org.cleanmail.core.rules.RuleType;
import org.cleanmail.core.rules.SkipCategory;
import org.cleanmail.core.rules.SkippedRule;
import org.cleanmail.core.rules.SourceLocation;

/**
 * Reads the lines of SpamAssassin {@code .cf} files into a {@link RawRuleSet}, the way
 * SpamAssassin's own parser does: {@code #} starts a comment unless escaped as
 * {@code \#}, there are no line continuations, {@code lang xx} lines apply only when the
 * configured locale starts with xx,
 * {@code if}/{@code ifplugin}/{@code else}/{@code endif} blocks are evaluated (an
 * unclosed block ends with its file), {@code include} reads a file relative to the
 * including one. Files are read one byte per char (ISO-8859-1), so patterns keep the
 * bytes SpamAssassin matches.
 */
final class RuleFileReader {
    static final int MAX_INCLUDE_DEPTH = 10;
    static final int MAX_LINE_LENGTH = 64 * 1024;
    static final long MAX_FILE_SIZE = 32L * 1024 * 1024;

    private static final Pattern LANG = Pattern.compile("lang\\s+(\\S+)\\s+(.*)");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern COMMENT = Pattern.compile("(?<!\\\\)#.*$");
    private static final Pattern RULE_NAME = Pattern.compile("[_a-zA-Z][_a-zA-Z0-9]{0,127}");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)");
    private static final String UNREPLACED_VERSION = "@@VERSION@@";

    private final RuleLoadOptions options;
    private final ConditionEvaluator conditions;
    private final RawRuleSet raw;
    private final Set<Path> including = new HashSet<>();

    RuleFileReader(RuleLoadOptions options, RawRuleSet raw) {
        this.options = options;
        this.conditions = new ConditionEvaluator(options);
        this.raw = raw;
    }

    /** One open {@code if} block. */
    private static final class Block {
        final boolean skippingBefore;
        final String reasonIfFalse;
        final SkipCategory category;
        final SourceLocation location;

        Block(boolean skippingBefore, String reasonIfFalse, SkipCategory category, SourceLocation location) {
            this.skippingBefore = skippingBefore;
            this.reasonIfFalse = reasonIfFalse;
            this.category = category;
            this.location = location;
        }
    }

    /** The state of reading one file. */
    private static final class FileState {
        final Path path;
        final String name;
        final Deque<Block> blocks = new ArrayDeque<>();
        boolean skipping;
        SkipCategory skipCategory;
        String skipReason;
        boolean versionMismatch;

        FileState(Path path, String name) {
            this.path = path;
            this.name = name;
        }
    }

    void readFile(Path file, int depth) {
        Path normalized = file.toAbsolutePath().normalize();
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!including.add(normalized)) {
            raw.problem(new SourceLocation(name, 0), "include cycle: " + file + " is already being read");
            return;
        }
        try {
            if (Files.size(file) > MAX_FILE_SIZE) {
                raw.problem(new SourceLocation(name, 0), "larger than " + MAX_FILE_SIZE + " bytes, not read");
                return;
            }
            byte[] bytes = Files.readAllBytes(file);
            readText(new FileState(normalized, name), new String(bytes, StandardCharsets.ISO_8859_1), depth);
        } catch (IOException e) {
            raw.problem(new SourceLocation(name, 0), "cannot read " + file + ": " + e.getMessage());
        } finally {
            including.remove(normalized);
        }
    }

    void readText(String fileName, String text) {
        readText(new FileState(null, fileName), text, 0);
    }

    private void readText(FileState file, String text, int depth) {
        raw.files++;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length && !file.versionMismatch; i++) {
            SourceLocation location = new SourceLocation(file.name, i + 1);
            if (lines[i].length() > MAX_LINE_LENGTH) {
                raw.problem(location, "line longer than " + MAX_LINE_LENGTH + " chars, ignored");
                continue;
            }
            readLine(file, lines[i], location, depth);
        }
        for (Block block : file.blocks) {
            raw.problem(block.location, "unclosed 'if' block, closed at end of file");
        }
    }

    private void readLine(FileState file, String original, SourceLocation location, int depth) {
        String line = original;
        if (line.indexOf('#') >= 0) {
            line = COMMENT.matcher(line).replaceFirst("").replace("\\#", "#");
        }
        line = line.strip();
        if (line.isEmpty()) {
            return;
        }
        if (line.startsWith("lang")) {
            Matcher lang = LANG.matcher(line);
            if (lang.matches()) {
                if (!options.locale().toLowerCase(Locale.ROOT).startsWith(lang.group(1).toLowerCase(Locale.ROOT))) {
                    raw.langLinesSkipped++;
                    return;
                }
                line = lang.group(2);
            }
        }
        String[] keyAndValue = WHITESPACE.split(line, 2);
        String key = keyAndValue[0].toLowerCase(Locale.ROOT).replace('-', '_');
        String value = keyAndValue.length > 1 ? keyAndValue[1] : "";
        if (conditional(file, key, value, location)) {
            return;
        }
        if (file.skipping) {
            noteSkippedDefinition(file, key, value, location);
            return;
        }
        directive(file, key, value, location, depth);
    }

    private boolean conditional(FileState file, String key, String value, SourceLocation location) {
        switch (key) {
            case "endif":
                if (!value.isEmpty()) {
                    raw.problem(location, "'endif' must stand alone");
                }
                if (file.blocks.isEmpty()) {
                    raw.problem(location, "'endif' without 'if'");
                    return true;
                }
                file.skipping = file.blocks.pop().skippingBefore;
                restoreSkipReason(file);
                return true;
            case "ifplugin":
            case "if":
                openBlock(file, key, value, location);
                return true;
            case "else":
                if (file.blocks.isEmpty()) {
                    raw.problem(location, "'else' without 'if'");
                    return true;
                }
                Block block = file.blocks.peek();
                boolean outerSkipping = file.blocks.stream().anyMatch(open -> open.skippingBefore);
                file.skipping = outerSkipping || !file.skipping;
                if (file.skipping && !outerSkipping) {
                    file.skipCategory = SkipCategory.CONDITION_FALSE;
                    file.skipReason = "else branch of " + block.reasonIfFalse.replaceFirst("^[^:]*: ", "");
                }
                restoreSkipReason(file);
                return true;
            default:
                return false;
        }
    }

    private void openBlock(FileState file, String key, String value, SourceLocation location) {
        if (value.isEmpty()) {
            raw.problem(location, "'" + key + "' without a condition, taken as false");
        }
        String condition = "ifplugin".equals(key) ? "plugin(" + value + ")" : value;
        SkipCategory category = "ifplugin".equals(key) ? SkipCategory.PLUGIN_NOT_AVAILABLE : SkipCategory.CONDITION_FALSE;
        String reason = "ifplugin".equals(key) ? value : key + " " + value;
        file.blocks.push(new Block(file.skipping, category.label() + ": " + reason, category, location));
        if (file.skipping) {
            return;
        }
        boolean holds = false;
        if (!value.isEmpty()) {
            ConditionEvaluator.Outcome outcome = conditions.evaluate(condition);
            outcome.note.ifPresent(note -> raw.problem(location, note));
            holds = outcome.value;
        }
        if (!holds) {
            file.skipping = true;
            file.skipCategory = category;
            file.skipReason = reason;
        }
    }

    private void restoreSkipReason(FileState file) {
        if (!file.skipping) {
            file.skipCategory = null;
            file.skipReason = null;
        }
    }

    private void noteSkippedDefinition(FileState file, String key, String value, SourceLocation location) {
        Optional<RuleType> type = RuleType.fromDirective(key);
        if (type.isEmpty()) {
            return;
        }
        String name = WHITESPACE.split(value, 2)[0];
        if (RULE_NAME.matcher(name).matches() && file.skipCategory != null) {
            raw.conditionallySkipped.put(name,
                new SkippedRule(name, type.get(), location, file.skipCategory, file.skipReason));
        }
    }

    private void directive(FileState file, String key, String value, SourceLocation location, int depth) {
        Optional<RuleType> type = RuleType.fromDirective(key);
        if (type.isPresent()) {
            definition(type.get(), value, location);
            return;
        }
        switch (key) {
            case "describe":
                attribute(key, value, location).ifPresent(nameAndText -> raw.descriptions.put(nameAndText[0], nameAndText[1]));
                break;
            case "tflags":
                attribute(key, value, location).ifPresent(nameAndText -> raw.tflags.put(nameAndText[0], nameAndText[1]));
                break;
            case "score":
                score(value, location);
                break;
            case "priority":
                priority(value, location);
                break;
            case "replace_tag":
                attribute(key, value, location).ifPresent(tag -> raw.replaceTags.put(tag[0], tag[1]));
                break;
            case "replace_pre":
                attribute(key, value, location).ifPresent(tag -> raw.replacePre.put(tag[0], tag[1]));
                break;
            case "replace_post":
                attribute(key, value, location).ifPresent(tag -> raw.replacePost.put(tag[0], tag[1]));
                break;
            case "replace_inter":
                attribute(key, value, location).ifPresent(tag -> raw.replaceInter.put(tag[0], tag[1]));
                break;
            case "replace_rules":
                raw.replaceRules.addAll(List.of(WHITESPACE.split(value)));
                break;
            case "include":
                include(file, value, location, depth);
                break;
            case "require_version":
                requireVersion(file, value, location);
                break;
            case "trusted_networks":
            case "internal_networks":
            case "msa_networks":
                try {
                    NetworkList.check(value);
                } catch (IllegalArgumentException e) {
                    raw.problem(location, key + ": " + e.getMessage()
                        + "; the bad entry is ignored");
                }
                raw.otherDirectives.add(new OtherDirective(key, value, location));
                break;
            case "enable_compat":
                conditions.enableCompat(value.trim());
                raw.otherDirectives.add(new OtherDirective(key, value, location));
                break;
            default:
                raw.otherDirectives.add(new OtherDirective(key, value, location));
        }
    }

    private void definition(RuleType type, String value, SourceLocation location) {
        String[] nameAndText = WHITESPACE.split(value, 2);
        if (!RULE_NAME.matcher(nameAndText[0]).matches()) {
            raw.problem(location, "invalid rule name '" + nameAndText[0] + "' in '" + type.directive() + "' line");
            return;
        }
        if (nameAndText.length < 2 || nameAndText[1].isBlank()) {
            raw.problem(location, "'" + type.directive() + " " + nameAndText[0] + "' has no definition");
            return;
        }
        raw.define(nameAndText[0], type, nameAndText[1], location);
    }

    private Optional<String[]> attribute(String key, String value, SourceLocation location) {
        String[] nameAndText = WHITESPACE.split(value, 2);
        if (nameAndText[0].isEmpty() || nameAndText.length < 2) {
            raw.problem(location, "'" + key + "' needs a name and a value, got '" + value + "'");
            return Optional.empty();
        }
        return Optional.of(nameAndText);
    }

    private void score(String value, SourceLocation location) {
        String[] tokens = WHITESPACE.split(value);
        if (tokens.length != 2 && tokens.length != 5) {
            raw.problem(location, "'score' needs a rule name and 1 or 4 numbers, got '" + value + "'");
            return;
        }
        List<Double> values = new ArrayList<>();
        for (int i = 1; i < tokens.length; i++) {
            String number = tokens[i].replace("(", "").replace(")", "");
            if (!NUMBER.matcher(number).matches()) {
                raw.problem(location, "'score " + tokens[0] + "': '" + tokens[i] + "' is not a number");
                return;
            }
            values.add(Double.parseDouble(number));
        }
        raw.scores.put(tokens[0], values);
    }

    private void priority(String value, SourceLocation location) {
        String[] tokens = WHITESPACE.split(value);
        if (tokens.length != 2 || !tokens[1].matches("[-+]?\\d{1,9}")) {
            raw.problem(location, "'priority' needs a rule name and an integer, got '" + value + "'");
            return;
        }
        raw.priorities.put(tokens[0], Integer.parseInt(tokens[1]));
    }

    private void include(FileState file, String value, SourceLocation location, int depth) {
        if (value.isEmpty()) {
            raw.problem(location, "'include' without a file name");
            return;
        }
        if (depth >= MAX_INCLUDE_DEPTH) {
            raw.problem(location, "includes nested deeper than " + MAX_INCLUDE_DEPTH + ", '" + value + "' ignored");
            return;
        }
        Path target = Path.of(value);
        if (!target.isAbsolute()) {
            if (file.path == null) {
                raw.problem(location, "relative include '" + value + "' in text without a directory, ignored");
                return;
            }
            target = file.path.resolveSibling(value);
        }
        if (!Files.isReadable(target) || Files.isDirectory(target)) {
            raw.problem(location, "cannot read included file " + target);
            return;
        }
        readFile(target, depth + 1);
    }

    private void requireVersion(FileState file, String value, SourceLocation location) {
        if (UNREPLACED_VERSION.equals(value) || options.version().equals(value)) {
            return;
        }
        raw.problem(location, "file requires SpamAssassin version " + value + ", we stand for "
            + options.version() + ": rest of file skipped");
        file.versionMismatch = true;
    }
}
