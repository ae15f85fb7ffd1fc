package org.cleanmail.core.rules.sa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.cleanmail.core.rules.RuleSet;
import org.cleanmail.core.rules.SourceLocation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads SpamAssassin rule files ({@code .cf}) into a {@link RuleSet}.
 *
 * <p>A directory is loaded as SpamAssassin does: its {@code *.cf} files sorted by name,
 * so that a definition in a later file replaces an earlier one. Nothing in the input is
 * fatal: an unreadable file, an unparseable line or an untranslatable pattern is reported
 * in the rule set ({@link RuleSet#problems()}, {@link RuleSet#skipped()}) and loading goes
 * on. Thread-safe: each call works on its own state.
 *
 * <pre>{@code
 * RuleSet rules = new SpamAssassinRuleLoader(RuleLoadOptions.defaults())
 *     .loadDirectory(Path.of("/usr/share/spamassassin"));
 * }</pre>
 */
public final class SpamAssassinRuleLoader {
    private static final Logger LOGGER = LoggerFactory.getLogger(SpamAssassinRuleLoader.class);

    private final RuleLoadOptions options;

    public SpamAssassinRuleLoader(RuleLoadOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** Loads the {@code *.cf} files of a directory (not its subdirectories), in file name order. */
    public RuleSet loadDirectory(Path directory) {
        RawRuleSet raw = new RawRuleSet();
        List<Path> files;
        try (Stream<Path> entries = Files.list(directory)) {
            files = entries.filter(path -> path.getFileName().toString().endsWith(".cf") && Files.isRegularFile(path))
                .sorted()
                .collect(Collectors.toList());
        } catch (IOException e) {
            raw.problem(new SourceLocation(directory.toString(), 0), "cannot list " + directory + ": " + e.getMessage());
            files = List.of();
        }
        return load(raw, files);
    }

    /** Loads the given files in the given order. */
    public RuleSet loadFiles(List<Path> files) {
        return load(new RawRuleSet(), files);
    }

    /** Loads rule text held in memory; {@code fileName} names it in reports. Relative includes are refused. */
    public RuleSet loadText(String fileName, String text) {
        RawRuleSet raw = new RawRuleSet();
        new RuleFileReader(options, raw).readText(fileName, text);
        return new RuleSetCompiler(options).compile(raw);
    }

    private RuleSet load(RawRuleSet raw, List<Path> files) {
        RuleFileReader reader = new RuleFileReader(options, raw);
        for (Path file : files) {
            reader.readFile(file, 0);
        }
        RuleSet rules = new RuleSetCompiler(options).compile(raw);
        LOGGER.info("Loaded {} SpamAssassin rules from {} files, {} skipped, {} problems",
            rules.summary().totalLoaded(), rules.summary().files(), rules.skipped().size(), rules.problems().size());
        return rules;
    }
}
