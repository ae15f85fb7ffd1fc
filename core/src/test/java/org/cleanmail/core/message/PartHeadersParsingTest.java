package org.cleanmail.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanmail.core.message.Messages.parse;

import java.util.List;

import org.junit.jupiter.api.Test;

class PartHeadersParsingTest {
    @Test
    void partHeadersShouldListEveryEntityDepthFirstTopFirst() {
        MessageFeatures features = parse(String.join("\n",
            "Subject: nested",
            "Content-Type: multipart/mixed; boundary=outer",
            "",
            "--outer",
            "Content-Type: multipart/alternative; boundary=inner",
            "",
            "--inner",
            "Content-Type: text/plain",
            "",
            "plain",
            "--inner",
            "Content-Type: text/html",
            "",
            "<p>html</p>",
            "--inner--",
            "--outer",
            "Content-Type: message/rfc822",
            "",
            "Subject: attached",
            "Content-Type: text/plain",
            "",
            "inner message",
            "--outer--",
            ""));

        List<MessageHeaders> parts = features.partHeaders();

        assertThat(parts).extracting(headers -> headers.first("Content-Type").orElse(""))
            .containsExactly("multipart/mixed; boundary=outer", "multipart/alternative; boundary=inner", "text/plain",
                "text/html", "message/rfc822", "text/plain");
        assertThat(parts.get(0)).isSameAs(features.headers());
        assertThat(parts.get(5).first("Subject")).contains("attached");
    }

    @Test
    void foldedValueShouldKeepTheLineBreaksOfFolding() {
        MessageFeatures features = parse(String.join("\n",
            "Content-Type: multipart/mixed; boundary=B",
            "",
            "--B",
            "Content-Type: image/gif;",
            "\tname=\"a.gif\"",
            "",
            "GIF",
            "--B--",
            ""));

        HeaderField field = features.partHeaders().get(1).fields().get(0);

        assertThat(field.folded()).isEqualTo("image/gif;\n\tname=\"a.gif\"");
        assertThat(field.raw()).isEqualTo("image/gif;\tname=\"a.gif\"");
        assertThat(field.decoded()).isEqualTo("image/gif; name=\"a.gif\"");
    }

    @Test
    void singlePartMessageShouldHaveOnlyTheTopHeader() {
        MessageFeatures features = parse("Subject: hi\nContent-Type: text/plain\n\nbody\n");

        assertThat(features.partHeaders()).containsExactly(features.headers());
    }

    @Test
    void partHeadersPastTheirCapShouldBeDroppedAndRecorded() {
        StringBuilder message = new StringBuilder("Content-Type: multipart/mixed; boundary=B\n\n");
        for (int i = 0; i < 50; i++) {
            message.append("--B\nContent-Type: text/plain\nX-Filler: ").append("y".repeat(100)).append("\n\nx\n");
        }
        message.append("--B--\n");
        ParserLimits limits = ParserLimits.builder().maxPartHeaderBytes(1000).build();

        MessageFeatures features = new MessageParser(limits).parse(Messages.crlf(message.toString()));

        int kept = features.partHeaders().stream().mapToInt(headers -> headers.fields().size()).sum();
        assertThat(kept).isLessThan(30).isGreaterThan(1);
        assertThat(features.partHeaders()).hasSize(51);
        assertThat(features.limitsHit()).contains(LimitHit.PART_HEADER_BYTES);
    }
}
