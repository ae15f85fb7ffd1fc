package org.cleanmail.archive.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;

import org.junit.jupiter.api.Test;

class IndexFileKeyTest {
    private final Random random = new Random(3);

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    @Test
    void theKeystreamShouldBeTheJdksAesCtrAtAnyPositionAndLength() throws Exception {
        IndexFileKey key = IndexFileKey.derive(ArchiveKey.of("k1", bytes(32)));
        byte[] iv = bytes(16);
        iv[15] = (byte) 0xF0;  // counters that carry into the higher bytes
        byte[] file = bytes(5000);
        Cipher jdk = Cipher.getInstance("AES/CTR/NoPadding");
        jdk.init(Cipher.ENCRYPT_MODE, key.secretKey(), new IvParameterSpec(iv));
        byte[] expected = jdk.doFinal(file);
        IndexFileKey.Keystream keystream = key.keystream();

        for (int i = 0; i < 200; i++) {
            int position = random.nextInt(file.length);
            int length = random.nextInt(file.length - position + 1);
            byte[] part = Arrays.copyOfRange(file, position, position + length);
            keystream.apply(iv, position, part, 0, length);
            assertThat(part).as("%d bytes at %d", length, position)
                .isEqualTo(Arrays.copyOfRange(expected, position, position + length));
        }
    }

    @Test
    void theCounterShouldCarryAcrossAll128Bits() {
        byte[] iv = new byte[16];
        Arrays.fill(iv, 1, 16, (byte) 0xFF);

        assertThat(IndexFileKey.counter(iv, 1)).isEqualTo(new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    }

    @Test
    void keysOfOtherMaterialShouldNotMatchEachOthersCheckValue() {
        IndexFileKey one = IndexFileKey.derive(ArchiveKey.of("k1", bytes(32)));
        IndexFileKey other = IndexFileKey.derive(ArchiveKey.of("k1", bytes(32)));

        assertThat(one.matches(one.check())).isTrue();
        assertThat(one.matches(other.check())).isFalse();
    }
}
