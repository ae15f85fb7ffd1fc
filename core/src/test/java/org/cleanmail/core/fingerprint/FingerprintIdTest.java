package org.cleanmail.core.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FingerprintIdTest {
    @Test
    void hexShouldRoundTrip() {
        FingerprintId id = new FingerprintId(0x0123456789abcdefL, 0xfedcba9876543210L);

        assertThat(id.hex()).isEqualTo("0123456789abcdeffedcba9876543210");
        assertThat(FingerprintId.parse(id.hex())).isEqualTo(id);
        assertThat(FingerprintId.parse(id.hex().toUpperCase())).isEqualTo(id);
    }

    @Test
    void parseShouldRejectWhatIsNotHex() {
        assertThatThrownBy(() -> FingerprintId.parse("zz23456789abcdeffedcba9876543210"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("32 hex digits");
        assertThatThrownBy(() -> FingerprintId.parse("0123"))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
