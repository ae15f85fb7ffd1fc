package org.cleanmail.archive.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;

import org.cleanmail.archive.TestKeys;
import org.cleanmail.archive.model.ArchiveId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentCipherTest {
    private static final byte[] PLAINTEXT = "Subject: hello\r\n\r\nthe secret word is zebra-4711\r\n"
        .getBytes(StandardCharsets.US_ASCII);

    private final ArchiveId id = ArchiveId.random(new Random(7));
    private final ContentCipher cipher = new ContentCipher(TestKeys.single());

    @Test
    void openShouldReturnWhatSealEncrypted() throws Exception {
        byte[] blob = cipher.seal(id, PLAINTEXT);

        assertThat(cipher.open(id, blob)).isEqualTo(PLAINTEXT);
    }

    @Test
    void sealShouldNotLeavePlaintextInTheBlob() {
        String blob = new String(cipher.seal(id, PLAINTEXT), StandardCharsets.ISO_8859_1);

        assertThat(blob).doesNotContain("zebra-4711").doesNotContain("Subject");
    }

    @Test
    void sealShouldUseAFreshNonceEachTime() {
        assertThat(cipher.seal(id, PLAINTEXT)).isNotEqualTo(cipher.seal(id, PLAINTEXT));
    }

    @Test
    void sealShouldRecordTheActiveKeyIdInTheHeader() throws Exception {
        assertThat(ContentCipher.keyIdOf(id, cipher.seal(id, PLAINTEXT))).isEqualTo("k1");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4, 5, 6, 8, 12, 30, 60, -1})
    void openShouldReportAFlippedByteAsTampered(int position) {
        byte[] blob = cipher.seal(id, PLAINTEXT);
        int index = position < 0 ? blob.length + position : position;
        blob[index] ^= 0x01;

        assertThatThrownBy(() -> cipher.open(id, blob))
            .isInstanceOfAny(TamperedContentException.class, UnknownArchiveKeyException.class);
    }

    @Test
    void openShouldReportAFlippedCiphertextByteAsTampered() {
        byte[] blob = cipher.seal(id, PLAINTEXT);
        blob[blob.length - 30] ^= 0x40;

        assertThatThrownBy(() -> cipher.open(id, blob))
            .isInstanceOf(TamperedContentException.class)
            .hasMessageContaining(id.value());
    }

    @Test
    void openShouldReportABlobMovedToAnotherIdAsTampered() {
        byte[] blob = cipher.seal(id, PLAINTEXT);
        ArchiveId other = ArchiveId.random(new Random(8));

        assertThatThrownBy(() -> cipher.open(other, blob)).isInstanceOf(TamperedContentException.class);
    }

    @Test
    void openShouldReportACutBlobAsTampered() {
        byte[] blob = cipher.seal(id, PLAINTEXT);

        assertThatThrownBy(() -> cipher.open(id, Arrays.copyOf(blob, blob.length - 1)))
            .isInstanceOf(TamperedContentException.class);
        assertThatThrownBy(() -> cipher.open(id, Arrays.copyOf(blob, 10)))
            .isInstanceOf(TamperedContentException.class);
        assertThatThrownBy(() -> cipher.open(id, new byte[0]))
            .isInstanceOf(TamperedContentException.class);
    }

    @Test
    void openShouldRejectRandomBytesAsTampered() {
        byte[] garbage = new byte[200];
        new Random(3).nextBytes(garbage);

        assertThatThrownBy(() -> cipher.open(id, garbage)).isInstanceOf(TamperedContentException.class);
    }

    @Test
    void openShouldNameAMissingKey() {
        byte[] blob = new ContentCipher(TestKeys.ring("old", TestKeys.key("old", 5))).seal(id, PLAINTEXT);

        assertThatThrownBy(() -> cipher.open(id, blob))
            .isInstanceOf(UnknownArchiveKeyException.class)
            .hasMessageContaining("'old'");
    }

    @Test
    void openShouldDecryptWithTheBlobsKeyAfterRotation() throws Exception {
        ArchiveKey oldKey = TestKeys.key("2026-01", 11);
        ArchiveKey newKey = TestKeys.key("2026-07", 12);
        byte[] old = new ContentCipher(TestKeys.ring("2026-01", oldKey)).seal(id, PLAINTEXT);
        ContentCipher rotated = new ContentCipher(TestKeys.ring("2026-07", oldKey, newKey), new SecureRandom());

        assertThat(rotated.open(id, old)).isEqualTo(PLAINTEXT);
        assertThat(ContentCipher.keyIdOf(id, rotated.seal(id, PLAINTEXT))).isEqualTo("2026-07");
    }

    @Test
    void openShouldFailWithAWrongKeyOfTheSameId() {
        byte[] blob = cipher.seal(id, PLAINTEXT);
        ContentCipher impostor = new ContentCipher(TestKeys.ring("k1", TestKeys.key("k1", 99)));

        assertThatThrownBy(() -> impostor.open(id, blob)).isInstanceOf(TamperedContentException.class);
    }

    @Test
    void toStringShouldNeverShowKeyMaterial() {
        byte[] material = new byte[ArchiveKey.KEY_BYTES];
        new Random(1).nextBytes(material);
        String base64 = Base64.getEncoder().encodeToString(material);

        assertThat(cipher.toString()).contains("k1").doesNotContain(base64);
        assertThat(TestKeys.key("k1", 1).toString()).isEqualTo("ArchiveKey{id=k1}");
    }
}
