package org.cleanmail.james;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.inject.Inject;
import javax.inject.Singleton;

import org.apache.james.filesystem.api.FileSystem;

/**
 * The folder where CleanMail's own stores keep their files (blacklists, fingerprints, ...):
 * {@code state.directory} of {@code cleanmail.properties} resolved by James's
 * {@link FileSystem} ({@code file://var/cleanmail/} is under the server's working folder),
 * created on first use.
 */
@Singleton
public class StateDirectory {
    private final Path path;

    @Inject
    public StateDirectory(CleanMailRuntime runtime, FileSystem fileSystem) {
        this(resolve(runtime.configuration().stateDirectory(), fileSystem));
    }

    public StateDirectory(Path path) {
        try {
            this.path = Files.createDirectories(path);
        } catch (IOException e) {
            throw new ConfigurationException(CleanMailConfiguration.FILE + ": '" + CleanMailConfiguration.STATE_DIRECTORY
                + "' names a folder that cannot be created (" + path + "): " + e.getMessage()
                + "; e.g. state.directory=file://var/cleanmail/", e);
        }
    }

    /** The path of a James URL such as {@code file://var/cleanmail/}. */
    public static Path resolve(String url, FileSystem fileSystem) {
        try {
            File file = fileSystem.getFile(url);
            return file.toPath();
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path path() {
        return path;
    }

    /** A file or folder of one feature inside the state folder, e.g. {@code resolve("blacklist")}. */
    public Path resolve(String name) {
        return path.resolve(name);
    }
}
