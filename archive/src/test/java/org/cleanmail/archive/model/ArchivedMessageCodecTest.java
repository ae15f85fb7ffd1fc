package org.cleanmail.archive.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ArchivedMessageCodecTest {
    @Test
    void decodeShouldReturnWhatEncodeWrote() throws IOException {
        ArchiveMetadata metadata = ArchiveMetadata.builder(Instant.parse("2026-03-04T05:06:07.123Z"))
            .envelopeSender("bounce+x=y@example.com")
            .envelopeRecipients(List.of("a@example.com", "Zoë <weird>\n=line@example.org"))
            .direction(Direction.OUTBOUND)
            .remoteIp("2001:db8::1")
            .verdict("Spam")
            .score(7.25)
            .hits(List.of("GTUBE", "URIBL_X"))
            .build();
        ArchivedMessage message = new ArchivedMessage(metadata, "Subject: x\r\n\r\nbody".getBytes(StandardCharsets.UTF_8));

        ArchivedMessage decoded = ArchivedMessageCodec.decode(ArchivedMessageCodec.encode(message));

        assertThat(decoded).isEqualTo(message);
        assertThat(decoded.metadata().verdict()).contains("spam");
    }

    @Test
    void decodeShouldKeepMinimalMetadata() throws IOException {
        ArchivedMessage message = new ArchivedMessage(ArchiveMetadata.builder(Instant.EPOCH).build(), new byte[0]);

        assertThat(ArchivedMessageCodec.decode(ArchivedMessageCodec.encode(message))).isEqualTo(message);
    }

    @Test
    void decodeShouldRejectBytesOfAnotherFormat() {
        assertThatThrownBy(() -> ArchivedMessageCodec.decode(new byte[] {9, 0, 0, 0, 1, 65}))
            .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ArchivedMessageCodec.decode(new byte[] {1, 0x7f, 0, 0, 0, 65}))
            .isInstanceOf(IOException.class).hasMessageContaining("out of bounds");
    }
}
