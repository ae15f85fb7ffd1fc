package org.cleanmail.core.scoring;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where {@link LiveRules} reads rule files, in load order (later definitions win, as in
 * SpamAssassin): CleanMail's shipped rules (class path), then read-only folders (e.g.
 * {@code /usr/share/spamassassin}, an administrator's folder), then the writable folder
 * where edits are saved, its {@code local.cf} last. Immutable.
 */
public final class RuleSources {
    private final boolean shipped;
    private final List<Path> readOnlyFolders;
    private final Path writableFolder;

    private RuleSources(boolean shipped, List<Path> readOnlyFolders, Path writableFolder) {
        this.shipped = shipped;
        this.readOnlyFolders = List.copyOf(readOnlyFolders);
        this.writableFolder = Objects.requireNonNull(writableFolder, "writable rules folder");
    }

    /** Shipped rules, the given read-only folders, then the writable folder. */
    public static RuleSources of(List<Path> readOnlyFolders, Path writableFolder) {
        return new RuleSources(true, readOnlyFolders, writableFolder);
    }

    /** Without CleanMail's shipped rules (tests, or an administrator who replaces them all). */
    public RuleSources withoutShippedRules() {
        return new RuleSources(false, readOnlyFolders, writableFolder);
    }

    public boolean shipped() {
        return shipped;
    }

    public List<Path> readOnlyFolders() {
        return readOnlyFolders;
    }

    /** Where edits are saved ({@code local.cf} and whole files); created when missing. */
    public Path writableFolder() {
        return writableFolder;
    }

    @Override
    public String toString() {
        return "RuleSources{shipped=" + shipped + ", readOnly=" + readOnlyFolders + ", writable=" + writableFolder + "}";
    }
}
