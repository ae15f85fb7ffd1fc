package org.cleanmail.archive.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArchiveIdTest {
    @Test
    void randomShouldGive32HexDigitsRepeatablyFromASeed() {
        ArchiveId first = ArchiveId.random(new Random(42));

        assertThat(first.value()).matches("[0-9a-f]{32}");
        assertThat(ArchiveId.random(new Random(42))).isEqualTo(first);
        assertThat(ArchiveId.random(new Random(43))).isNotEqualTo(first);
    }

    @Test
    void ofShouldAcceptUpperCaseDigits() {
        assertThat(ArchiveId.of("0F3A9C1E5B7D2F4068A1C3E5B7D9F1A2").value()).isEqualTo("0f3a9c1e5b7d2f4068a1c3e5b7d9f1a2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../../etc/passwd", "0f3a9c1e5b7d2f4068a1c3e5b7d9f1a", "0f3a9c1e5b7d2f4068a1c3e5b7d9f1a2/",
        "zz3a9c1e5b7d2f4068a1c3e5b7d9f1a2"})
    void ofShouldRejectWhatIsNotAnId(String value) {
        assertThatThrownBy(() -> ArchiveId.of(value))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("An archive id is 32 hexadecimal digits");
    }
}
