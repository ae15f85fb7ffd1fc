package org.cleanmail.archive.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRingFileTest {
    private static final String KEY_A = base64(32, 1);
    private static final String KEY_B = base64(32, 2);

    @TempDir
    Path folder;

    @Test
    void parseShouldReadKeysAndTheActiveOne() {
        KeyRing ring = KeyRingFile.parse("keys", List.of(
            "# archive keys", "", "2026-01=" + KEY_A, "  2026-07 = " + KEY_B, "active=2026-07"));

        assertThat(ring.ids()).containsExactlyInAnyOrder("2026-01", "2026-07");
        assertThat(ring.active().id()).isEqualTo("2026-07");
    }

    @Test
    void parseShouldRequireAnActiveLine() {
        assertThatThrownBy(() -> KeyRingFile.parse("keys", List.of("2026-01=" + KEY_A)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("keys: no 'active' line naming the key that encrypts new messages; add e.g. active=2026-01");
    }

    @Test
    void parseShouldRejectAnActiveKeyThatIsNotInTheFile() {
        assertThatThrownBy(() -> KeyRingFile.parse("keys", List.of("2026-01=" + KEY_A, "active=2027")))
            .hasMessageStartingWith("keys: The active key '2027' is not among the keys [2026-01]");
    }

    @Test
    void parseShouldRejectAKeyOfTheWrongLengthWithoutShowingIt() {
        String shortKey = base64(16, 3);

        assertThatThrownBy(() -> KeyRingFile.parse("/etc/keys", List.of("a=" + KEY_A, "b=" + shortKey, "active=a")))
            .hasMessage("/etc/keys:2: Key 'b' must be 32 bytes (AES-256), e.g. the output of"
                + " 'openssl rand -base64 32'; got 16 bytes")
            .message().doesNotContain(shortKey);
    }

    @Test
    void parseShouldRejectAValueThatIsNotBase64() {
        assertThatThrownBy(() -> KeyRingFile.parse("keys", List.of("a=not*base64!", "active=a")))
            .hasMessage("keys:1: the value of key 'a' is not base64; generate one with openssl rand -base64 32");
    }

    @Test
    void parseShouldRejectALineWithoutEquals() {
        assertThatThrownBy(() -> KeyRingFile.parse("keys", List.of("a=" + KEY_A, "oops", "active=a")))
            .hasMessageStartingWith("keys:2: expected 'id=base64key' or 'active=id'");
    }

    @Test
    void parseShouldRejectDuplicateIds() {
        assertThatThrownBy(() -> KeyRingFile.parse("keys", List.of("a=" + KEY_A, "a=" + KEY_B, "active=a")))
            .hasMessage("keys: Key id 'a' appears twice; each key needs its own id");
    }

    @Test
    void parseShouldRejectABadKeyId() {
        assertThatThrownBy(() -> KeyRingFile.parse("keys", List.of("a b=" + KEY_A, "active=a b")))
            .hasMessageStartingWith("keys:1: A key id is 1 to 64 letters, digits");
    }

    @Test
    void parseShouldRejectAFileWithoutKeys() {
        assertThatThrownBy(() -> KeyRingFile.parse("keys", List.of("# nothing")))
            .hasMessageStartingWith("keys: no key;");
    }

    @Test
    void loadShouldReadTheFile() throws IOException {
        Path file = folder.resolve("archive.keys");
        Files.write(file, List.of("k=" + KEY_A, "active=k"), StandardCharsets.UTF_8);

        assertThat(KeyRingFile.load(file).active().id()).isEqualTo("k");
    }

    @Test
    void loadShouldRejectAFileThatIsNotText() throws IOException {
        Path file = folder.resolve("archive.keys");
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});

        assertThatThrownBy(() -> KeyRingFile.load(file))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(file + ": not UTF-8 text; write lines such as 2026-01=<output of openssl rand -base64 32>");
    }

    @Test
    void permissionWarningShouldFlagAFileOthersCanRead() throws IOException {
        Path file = folder.resolve("archive.keys");
        Files.write(file, List.of("k=" + KEY_A, "active=k"), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(KeyRingFile.permissionWarning(file)).hasValueSatisfying(warning ->
            assertThat(warning).contains("chmod 600").doesNotContain(KEY_A));
    }

    @Test
    void permissionWarningShouldStayQuietForAnOwnerOnlyFile() throws IOException {
        Path file = folder.resolve("archive.keys");
        Files.write(file, List.of("k=" + KEY_A, "active=k"), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThat(KeyRingFile.permissionWarning(file)).isEmpty();
    }

    @Test
    void keyRingToStringShouldShowIdsOnly() {
        KeyRing ring = KeyRingFile.parse("keys", List.of("k=" + KEY_A, "active=k"));

        assertThat(ring.toString()).isEqualTo("KeyRing{active=k, ids=[k]}");
    }

    private static String base64(int bytes, long seed) {
        byte[] material = new byte[bytes];
        new Random(seed).nextBytes(material);
        return Base64.getEncoder().encodeToString(material);
    }
}
