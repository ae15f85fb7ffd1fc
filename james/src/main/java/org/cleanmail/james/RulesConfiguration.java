package org.cleanmail.james;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.cleanmail.core.pipeline.CleanMailEngine;
import org.cleanmail.core.pipeline.RulesOptions;
import org.cleanmail.core.scoring.ScoringOptions;

/**
 * The {@code rules.} keys of {@code cleanmail.properties}:
 * <pre>
 * # SpamAssassin's stock rules (the spamassassin package installs them there); empty: none
 * rules.spamassassin-folder=/usr/share/spamassassin
 * # more folders of .cf files, comma-separated, loaded in this order after the others
 * rules.folders=/etc/cleanmail/rules
 * # how often the folders are checked for changes, in seconds (0: never)
 * rules.reload-seconds=10
 * # characters one rule's regular expression may read on one message (plus 32 per character
 * # of text); past it the rule is stopped and the message scored without it
 * rules.budget-chars=20000000
 * # a rule stopped on this many messages among strike-window consecutive ones is disabled
 * # until the next reload
 * rules.strikes-before-disabling=3
 * rules.strike-window=1000
 * rules.layout-messages=200
 * </pre>
 * CleanMail's own rules always load first; webadmin edits are kept in
 * {@code <state.directory>/rules} and load last. Paths may be absolute or James URLs
 * ({@code file://...}, relative to the server's working folder).
 */
public final class RulesConfiguration {
    public static final String PREFIX = "rules.";
    public static final String SPAMASSASSIN_FOLDER = "spamassassin-folder";
    public static final String FOLDERS = "folders";
    public static final String RELOAD_SECONDS = "reload-seconds";
    public static final String BUDGET_CHARS = "budget-chars";
    public static final String STRIKES_BEFORE_DISABLING = "strikes-before-disabling";
    public static final String STRIKE_WINDOW = "strike-window";
    public static final String LAYOUT_MESSAGES = "layout-messages";
    public static final List<String> KEYS = List.of(SPAMASSASSIN_FOLDER, FOLDERS, RELOAD_SECONDS, BUDGET_CHARS,
        STRIKES_BEFORE_DISABLING, STRIKE_WINDOW, LAYOUT_MESSAGES);

    private RulesConfiguration() {
    }

    /**
     * @param stateDirectory where the writable rules folder goes
     * @param paths turns a configured path or James URL into a path
     */
    public static RulesOptions from(CleanMailConfiguration configuration, Path stateDirectory, Function<String, Path> paths) {
        Map<String, String> section = configuration.section(PREFIX);
        CleanMailConfiguration.rejectUnknownKeys(PREFIX, section, KEYS);
        List<Path> folders = new ArrayList<>();
        String spamAssassin = section.getOrDefault(SPAMASSASSIN_FOLDER, "").trim();
        if (!spamAssassin.isEmpty()) {
            folders.add(existingFolder(SPAMASSASSIN_FOLDER, spamAssassin, paths,
                "install SpamAssassin's rules (Debian: apt-get install spamassassin) or leave the key empty"));
        }
        for (String folder : section.getOrDefault(FOLDERS, "").split(",")) {
            if (!folder.isBlank()) {
                folders.add(existingFolder(FOLDERS, folder.trim(), paths, "create it or remove it from the list"));
            }
        }
        SettingParser parser = new SettingParser(CleanMailConfiguration.FILE);
        double seconds = section.containsKey(RELOAD_SECONDS)
            ? parser.parseDouble(PREFIX + RELOAD_SECONDS, section.get(RELOAD_SECONDS), PREFIX + RELOAD_SECONDS + "=10")
            : RulesOptions.DEFAULT_RELOAD_INTERVAL.toSeconds();
        if (seconds < 0 || seconds > 86_400) {
            throw parser.fail(PREFIX + RELOAD_SECONDS, "must be between 0 (never) and 86400", PREFIX + RELOAD_SECONDS + "=10",
                section.get(RELOAD_SECONDS));
        }
        return new RulesOptions(folders, stateDirectory.resolve(CleanMailEngine.RULES_FOLDER),
            Duration.ofMillis(Math.round(seconds * 1000)), scoring(section, parser));
    }

    private static ScoringOptions scoring(Map<String, String> section, SettingParser parser) {
        ScoringOptions.Builder builder = ScoringOptions.builder();
        if (section.containsKey(BUDGET_CHARS)) {
            long budget = parser.parseSize(PREFIX + BUDGET_CHARS, section.get(BUDGET_CHARS), PREFIX + BUDGET_CHARS + "=20000000");
            apply(parser, BUDGET_CHARS, section, "=20000000", () -> builder.ruleBudget(budget));
        }
        if (section.containsKey(STRIKES_BEFORE_DISABLING)) {
            int strikes = wholeNumber(parser, STRIKES_BEFORE_DISABLING, section, "=3");
            apply(parser, STRIKES_BEFORE_DISABLING, section, "=3", () -> builder.strikesBeforeDisabling(strikes));
        }
        if (section.containsKey(STRIKE_WINDOW)) {
            int window = wholeNumber(parser, STRIKE_WINDOW, section, "=1000");
            apply(parser, STRIKE_WINDOW, section, "=1000", () -> builder.strikeWindow(window));
        }
        if (section.containsKey(LAYOUT_MESSAGES)) {
            builder.layoutMessages(wholeNumber(parser, LAYOUT_MESSAGES, section, "=200", 0, 1_000_000,
                "a whole number from 0 (never) to 1000000"));
        }
        return builder.build();
    }

    private static int wholeNumber(SettingParser parser, String key, Map<String, String> section, String example) {
        return wholeNumber(parser, key, section, example, 1, Integer.MAX_VALUE, "a whole number of at least 1");
    }

    private static int wholeNumber(SettingParser parser, String key, Map<String, String> section, String example,
                                   int minimum, int maximum, String what) {
        double value = parser.parseDouble(PREFIX + key, section.get(key), PREFIX + key + example);
        if (value != Math.rint(value) || value < minimum || value > maximum) {
            throw parser.fail(PREFIX + key, "must be " + what, PREFIX + key + example, section.get(key));
        }
        return (int) value;
    }

    private static void apply(SettingParser parser, String key, Map<String, String> section, String example,
                              Runnable setting) {
        try {
            setting.run();
        } catch (IllegalArgumentException e) {
            throw parser.fail(PREFIX + key, "is out of range (" + e.getMessage() + ")", PREFIX + key + example,
                section.get(key));
        }
    }

    private static Path existingFolder(String key, String value, Function<String, Path> paths, String fix) {
        Path folder = paths.apply(value);
        if (!Files.isDirectory(folder)) {
            throw new ConfigurationException(CleanMailConfiguration.FILE + ": '" + PREFIX + key + "' names " + value
                + ", which is not a folder (" + folder + "); " + fix);
        }
        return folder;
    }
}
