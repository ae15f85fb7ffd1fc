package org.cleanmail.archive.crypto;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the archive's key file. The format, one entry a line, {@code #} comments and blank
 * lines ignored:
 * <pre>
 * # CleanMail archive keys: id=base64 of 32 random bytes
 * 2026-01=8Pq0n4m8...=
 * 2026-07=Vh2c9xkz...=
 * active=2026-07
 * </pre>
 * <ul>
 *   <li>Generate a key with {@code openssl rand -base64 32} and give it an id of letters,
 *       digits, {@code . _ -} (a date works well). {@code active} is reserved: it names the
 *       key that encrypts new messages.</li>
 *   <li>Rotate: add the new key's line, point {@code active} at it, restart. Keep the old
 *       lines: every stored message records the id of its key, and is decrypted with it.
 *       Remove an old key only once no message uses it any more (search {@code keyId:2026-01}
 *       counts them; they leave with retention purges).</li>
 *   <li>Make the file readable by the server's user only ({@code chmod 600}): a file that
 *       others can read is reported with a warning at start-up.</li>
 * </ul>
 * Errors name the file and line, never the key material.
 */
public final class KeyRingFile {
    /** The reserved entry naming the active key. */
    public static final String ACTIVE = "active";
    private static final Logger LOGGER = LoggerFactory.getLogger(KeyRingFile.class);
    private static final long MAX_FILE_BYTES = 1024 * 1024;
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
        PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

    private KeyRingFile() {
    }

    /**
     * Loads the key ring from the file, warning when others may read it.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file, the line and a valid form when the content is wrong
     */
    public static KeyRing load(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IllegalArgumentException(file + ": a key file holds a few lines; this one is larger than 1 MB");
        }
        permissionWarning(file).ifPresent(LOGGER::warn);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not UTF-8 text; write lines such as 2026-01=<output of openssl"
                + " rand -base64 32>", e);
        }
        return parse(file.toString(), lines);
    }

    /** Parses the lines of a key file; {@code source} names it in error messages. */
    public static KeyRing parse(String source, List<String> lines) {
        List<ArchiveKey> keys = new ArrayList<>();
        String active = null;
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + ":" + (index + 1) + ": ";
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(where + "expected 'id=base64key' or 'active=id', e.g. 2026-01=<output of"
                    + " openssl rand -base64 32>");
            }
            String name = line.substring(0, equals).strip();
            String value = line.substring(equals + 1).strip();
            if (name.equals(ACTIVE)) {
                if (active != null) {
                    throw new IllegalArgumentException(where + "'active' is given twice; keep one line, e.g. active=" + value);
                }
                active = value;
                continue;
            }
            keys.add(key(where, name, value));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(source + ": no key; add a line such as 2026-01=<output of openssl rand -base64 32>"
                + " and active=2026-01");
        }
        if (active == null) {
            throw new IllegalArgumentException(source + ": no 'active' line naming the key that encrypts new messages;"
                + " add e.g. active=" + keys.get(keys.size() - 1).id());
        }
        try {
            return KeyRing.of(active, keys);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    /** A warning when group or others may read the file, on file systems that have POSIX permissions. */
    public static Optional<String> permissionWarning(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return Optional.empty();
        }
        Set<PosixFilePermission> permissions = view.readAttributes().permissions();
        if (permissions.stream().noneMatch(OTHERS::contains)) {
            return Optional.empty();
        }
        return Optional.of("Archive key file " + file + " can be read by other users than its owner;"
            + " restrict it with chmod 600 " + file);
    }

    private static ArchiveKey key(String where, String id, String base64) {
        byte[] material;
        try {
            material = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "the value of key '" + id + "' is not base64;"
                + " generate one with openssl rand -base64 32");
        }
        try {
            return ArchiveKey.of(id, material);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage());
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }
}
