package org.cleanmail.james.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

import org.cleanmail.archive.crypto.KeyRing;
import org.cleanmail.archive.crypto.KeyRingFile;
import org.cleanmail.james.CleanMailConfiguration;
import org.cleanmail.james.ConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the archive's key ring: the configured {@code archive.key-file}, which must exist,
 * or the key file of the state folder, generated on first start (one random AES-256 key,
 * permissions 0600) with a warning telling the administrator to back it up. Key material is
 * never logged.
 */
public final class ArchiveKeyFile {
    private static final Logger LOGGER = LoggerFactory.getLogger(ArchiveKeyFile.class);
    private static final DateTimeFormatter KEY_ID = DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

    private ArchiveKeyFile() {
    }

    /** Loads the configured key file; errors name the key of cleanmail.properties. */
    public static KeyRing load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException(CleanMailConfiguration.FILE + ": '" + ArchiveSettingsSection.PREFIX
                + ArchiveSettingsSection.KEY_FILE + "' names " + file + ", which does not exist; create it with lines"
                + " such as 2026-01=<output of openssl rand -base64 32> and active=2026-01, or remove the key to have"
                + " one generated in the state folder");
        }
        try {
            return KeyRingFile.load(file);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException("The archive key file cannot be used (" + ArchiveSettingsSection.PREFIX
                + ArchiveSettingsSection.KEY_FILE + " of " + CleanMailConfiguration.FILE + "): " + e.getMessage(), e);
        }
    }

    /** Loads the key file, generating it first when it does not exist. */
    public static KeyRing loadOrGenerate(Path file, Clock clock) {
        if (!Files.exists(file)) {
            generate(file, clock);
        }
        return load(file);
    }

    private static void generate(Path file, Clock clock) {
        byte[] material = new byte[32];
        new SecureRandom().nextBytes(material);
        String id = KEY_ID.format(clock.instant());
        String text = "# CleanMail archive keys: id=base64 of 32 random bytes; 'active' encrypts new mail.\n"
            + "# Generated on first start. BACK THIS FILE UP: without it the archive cannot be read.\n"
            + id + "=" + Base64.getEncoder().encodeToString(material) + "\n"
            + "active=" + id + "\n";
        try {
            Files.createDirectories(file.getParent());
            FileAttribute<?>[] ownerOnly = Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
            Files.createFile(file, ownerOnly);
            Files.write(file, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            return;
        } catch (IOException e) {
            throw new ConfigurationException("Cannot generate the archive key file " + file + ": " + e.getMessage()
                + "; set " + ArchiveSettingsSection.PREFIX + ArchiveSettingsSection.KEY_FILE + " in "
                + CleanMailConfiguration.FILE + ", e.g. archive.key-file=file://conf/archive.keys", e);
        }
        LOGGER.warn("Generated the archive key file {} (key '{}', permissions 0600). BACK IT UP, away from the archive:"
            + " without it no archived mail can be read. See docs/archive.md for rotation.", file, id);
    }
}
