package org.cleanmail.core.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.cleanmail.core.scoring.ScoringOptions;

/**
 * Where CleanMail's rules come from, besides the rules it ships: read-only folders of
 * {@code .cf} files (an administrator's, SpamAssassin's stock rules), the writable folder
 * where webadmin edits are kept (it loads last, so its definitions win), and how often
 * the folders are checked for changes (zero: never; edits and reloads still apply).
 */
public final class RulesOptions {
    public static final Duration DEFAULT_RELOAD_INTERVAL = Duration.ofSeconds(10);

    private final List<Path> readOnlyFolders;
    private final Path writableFolder;
    private final Duration reloadInterval;
    private final ScoringOptions scoring;

    /** With the default scoring options. */
    public RulesOptions(List<Path> readOnlyFolders, Path writableFolder, Duration reloadInterval) {
        this(readOnlyFolders, writableFolder, reloadInterval, ScoringOptions.defaults());
    }

    public RulesOptions(List<Path> readOnlyFolders, Path writableFolder, Duration reloadInterval, ScoringOptions scoring) {
        this.readOnlyFolders = List.copyOf(readOnlyFolders);
        this.writableFolder = Objects.requireNonNull(writableFolder, "writableFolder");
        this.reloadInterval = Objects.requireNonNull(reloadInterval, "reloadInterval");
        this.scoring = Objects.requireNonNull(scoring, "scoring");
    }

    /** CleanMail's shipped rules only, edits kept in {@code writableFolder}, no polling. */
    public static RulesOptions shippedOnly(Path writableFolder) {
        return new RulesOptions(List.of(), writableFolder, Duration.ZERO);
    }

    public List<Path> readOnlyFolders() {
        return readOnlyFolders;
    }

    public Path writableFolder() {
        return writableFolder;
    }

    public Duration reloadInterval() {
        return reloadInterval;
    }

    /** How the rules score: score set, work budget, when a failing rule is disabled. */
    public ScoringOptions scoring() {
        return scoring;
    }

    /** These options with more read-only folders, loaded after the others. */
    public RulesOptions withFolders(List<Path> more) {
        List<Path> folders = new ArrayList<>(readOnlyFolders);
        folders.addAll(more);
        return new RulesOptions(folders, writableFolder, reloadInterval, scoring);
    }
}
