package org.cleanmail.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import org.cleanmail.core.scan.RawMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Malformed and hostile messages, generated here: parsing ends, within the limits, without throwing. */
class HostileInputParsingTest {
    private final MessageParser parser = MessageParser.defaultParser();

    @Test
    void hundredThousandNestedMultipartsShouldStopAtTheDepthLimit() {
        StringBuilder message = new StringBuilder("Subject: deep\r\n");
        for (int i = 0; i < 100_000; i++) {
            message.append("Content-Type: multipart/mixed; boundary=b").append(i).append("z\r\n\r\n--b").append(i)
                .append("z\r\n");
        }
        message.append("Content-Type: text/plain\r\n\r\nbottom\r\n");

        MessageFeatures features = parser.parse(message.toString().getBytes(StandardCharsets.US_ASCII));

        assertThat(features.limitsHit()).contains(LimitHit.NESTING_DEPTH);
        assertThat(features.mime().multipartTypes().size()).isLessThanOrEqualTo(ParserLimits.DEFAULT_MAX_DEPTH + 1);
        assertThat(features.mime().maxDepth()).isLessThanOrEqualTo(ParserLimits.DEFAULT_MAX_DEPTH + 1);
        assertThat(features.headers().first("Subject")).contains("deep");
    }

    @Test
    void hundredThousandNestedMessagesShouldStopAtTheDepthLimit() {
        String level = "Content-Type: message/rfc822\r\n\r\n";
        byte[] message = ("Subject: deep\r\n" + level.repeat(100_000) + "\r\nbottom\r\n")
            .getBytes(StandardCharsets.US_ASCII);

        MessageFeatures features = parser.parse(message);

        assertThat(features.limitsHit()).contains(LimitHit.NESTING_DEPTH);
        assertThat(features.mime().parts()).hasSize(1);
    }

    @Test
    void fiftyMegabyteBase64PartShouldBeCutAtTheLimits() {
        byte[] head = Messages.crlf("Subject: huge\nContent-Type: text/plain\nContent-Transfer-Encoding: base64\n\n");
        byte[] line = "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB\r\n"
            .getBytes(StandardCharsets.US_ASCII);
        int lines = 50 * 1024 * 1024 / line.length;
        byte[] message = Arrays.copyOf(head, head.length + lines * line.length);
        for (int i = 0; i < lines; i++) {
            System.arraycopy(line, 0, message, head.length + i * line.length, line.length);
        }

        MessageFeatures features = parser.parse(message);

        assertThat(features.limitsHit()).contains(LimitHit.MESSAGE_BYTES, LimitHit.PART_BYTES);
        String decoded = String.join("", features.rawBody().chunks());
        assertThat(decoded.length()).isEqualTo(ParserLimits.DEFAULT_MAX_PART_BYTES);
        assertThat(decoded.chars().allMatch(c -> c == 'A')).isTrue();
        assertThat(features.full().length()).isEqualTo(ParserLimits.DEFAULT_MAX_MESSAGE_BYTES);
        assertThat(features.mime().parts().get(0).size())
            .isLessThanOrEqualTo(ParserLimits.DEFAULT_MAX_MESSAGE_BYTES);
    }

    @Test
    void rawMessageCutWhenReadShouldBeMarked() throws Exception {
        RawMessage cut = RawMessage.read(new ByteArrayInputStream(Messages.crlf("Subject: x\n\nlong body\n")), 15);

        assertThat(parser.parse(cut).limitsHit()).containsExactly(LimitHit.MESSAGE_BYTES);
    }

    @Test
    void unterminatedBoundaryShouldKeepTheTextReadSoFar() {
        MessageFeatures features = Messages.parse("""
            Subject: open
            Content-Type: multipart/mixed; boundary="never-closed"

            --never-closed
            Content-Type: text/plain

            first part
            --never-closed
            Content-Type: text/plain

            second part, and the message ends here
            """);

        assertThat(features.body().chunks())
            .containsExactly("open", "first part", "second part, and the message ends here");
        assertThat(features.defects()).contains(MimeDefect.UNTERMINATED_MULTIPART);
    }

    @Test
    void multipartWhoseBoundaryNeverShowsShouldBeReadAsText() {
        MessageFeatures features = Messages.parse("""
            Subject: broken
            Content-Type: multipart/alternative; boundary="=Multipart Boundary 0925"

            --= Multipart Boundary 0925
            Content-Type: text/plain

            Cheap ink, visit http://ink.example.com/
            """);

        assertThat(features.body().chunks()).containsExactly("broken",
            "--= Multipart Boundary 0925 Content-Type: text/plain", "Cheap ink, visit http://ink.example.com/");
        assertThat(features.uris().uris()).containsExactly("http://ink.example.com/");
        assertThat(features.mime().parts()).isEmpty();
        assertThat(features.defects()).contains(MimeDefect.UNTERMINATED_MULTIPART);
    }

    @Test
    void multipartWithoutBoundaryShouldBeReadAsOneTextPart() {
        MessageFeatures features = Messages.parse(
            "Content-Type: multipart/mixed\n\n--x\nContent-Type: text/plain\n\nhi\n--x--\n");

        assertThat(features.defects()).contains(MimeDefect.MISSING_BOUNDARY);
        assertThat(features.mime().parts()).hasSize(1);
        assertThat(features.body().chunks()).containsExactly("--x Content-Type: text/plain", "hi --x--");
    }

    @Test
    void invalidBase64ShouldBeDecodedAsFarAsPossible() {
        MessageFeatures features = Messages.parse("Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n"
            + "SGVsbG8g!!!@@@d29y\u0000bGQ=\n====\n");

        assertThat(features.body().text()).isEqualTo("Hello world");
        assertThat(features.defects()).contains(MimeDefect.INVALID_TRANSFER_ENCODING);
    }

    @Test
    void invalidQuotedPrintableShouldKeepTheBadEscapes() {
        MessageFeatures features = Messages.parse("Content-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\n"
            + "bad =ZZ escape and =4 end=\n");

        assertThat(features.body().text()).isEqualTo("bad =ZZ escape and =4 end");
        assertThat(features.defects()).contains(MimeDefect.INVALID_TRANSFER_ENCODING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"../../etc/passwd\"", "\"\"", "utf-8\"\"", "x-\u0001\u0002", "\"utf-8 ; foo\"",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "utf-7", "*"})
    void bogusCharsetNamesShouldFallBack(String charset) {
        MessageFeatures features = Messages.parse("Subject: =?" + charset + "?Q?x=E9?=\n"
            + "Content-Type: text/plain; charset=" + charset + "\n\nplain text é\n");

        assertThat(features.body().chunks()).hasSize(2).last().asString().startsWith("plain text");
    }

    @Test
    void nulBytesShouldNotStopParsing() {
        MessageFeatures features = Messages.parse(
            "Subject: nul\u0000here\nX-Null: \u0000\u0000\n\nbefore\u0000after\nhttp://nul.example.com/\n");

        assertThat(features.headers().first("Subject")).contains("nul\u0000here");
        assertThat(features.body().text()).contains("before\u0000after");
        assertThat(features.uris().uris()).containsExactly("http://nul.example.com/");
    }

    @Test
    void megabyteHeaderLineShouldBeCut() {
        MessageFeatures features = Messages.parse(
            "Subject: " + "a".repeat(1024 * 1024) + "\nTo: b@example.com\n\nbody\n");

        assertThat(features.limitsHit()).containsExactly(LimitHit.HEADER_LENGTH);
        assertThat(features.headers().first("Subject").orElseThrow())
            .hasSize(ParserLimits.DEFAULT_MAX_HEADER_BYTES - 1);
        assertThat(features.headers().first("To")).contains("b@example.com");
        assertThat(features.body().chunks()).last().isEqualTo("body");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Subject|=?", "From|=?", "Content-Type|=?", "Subject|=?x-bogus?q?a?= ", "To|=?utf-8?b?",
        "Content-Disposition|=?utf-8?q?=", "From|((((", "To|a@b,", "Content-Type|;a=\"", "Subject|\\"
    })
    void megabyteHeadersOfRepeatedSyntaxShouldBeCutAndParsed(String name, String unit) {
        byte[] message = (name + ": " + unit.repeat(1024 * 1024 / unit.length()) + "\r\nTo: b@example.com\r\n\r\nbody\r\n")
            .getBytes(StandardCharsets.US_ASCII);

        MessageFeatures features = parser.parse(message);

        assertThat(features.limitsHit()).contains(LimitHit.HEADER_LENGTH);
        assertThat(features.headers().select("ToCc:addr")).isNotNull();
        assertThat(features.headers().select(name + ":name")).isNotNull();
        assertThat(features.body().chunks()).last().isEqualTo("body");
    }

    @Test
    void tooManyHeadersShouldBeCut() {
        MessageFeatures features = Messages.parse("X-H: 1\n".repeat(100_000) + "\nbody\n");

        assertThat(features.limitsHit()).containsExactly(LimitHit.HEADER_COUNT);
        assertThat(features.headers().fields()).hasSize(ParserLimits.DEFAULT_MAX_HEADERS);
        assertThat(features.body().chunks()).containsExactly("body");
    }

    @Test
    void tooManyPartsShouldStopTheWalk() {
        String part = "--p\nContent-Type: text/plain\n\nx\n";
        MessageFeatures features = Messages.parse(
            "Content-Type: multipart/mixed; boundary=p\n\n" + part.repeat(10_000) + "--p--\n");

        assertThat(features.limitsHit()).contains(LimitHit.PART_COUNT);
        assertThat(features.mime().parts()).hasSize(ParserLimits.DEFAULT_MAX_PARTS);
    }

    @Test
    void smallerLimitsShouldApply() {
        MessageParser strict = new MessageParser(
            ParserLimits.builder().maxHtmlBytes(1000).maxUris(3).maxTextBytes(5000).build());
        String links = "<a href=\"http://x%d.example.com/\">l</a>";
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            html.append(String.format(links, i));
        }
        MessageFeatures features = strict.parse(Messages.crlf("Content-Type: multipart/mixed; boundary=p\n\n"
            + "--p\nContent-Type: text/html\n\n" + html + "\n--p\nContent-Type: text/plain\n\n" + "word ".repeat(2000)
            + "\n--p\nContent-Type: text/plain\n\nnever read\n--p--\n"));

        assertThat(features.limitsHit()).contains(LimitHit.HTML_SIZE, LimitHit.URI_COUNT, LimitHit.TEXT_BYTES);
        assertThat(features.uris().uris()).hasSize(3);
        assertThat(features.body().text()).doesNotContain("never read");
    }

    @Test
    void deeplyNestedHtmlShouldRender() {
        MessageFeatures features = Messages.parse(
            "Content-Type: text/html\n\n" + "<div>".repeat(100_000) + "deep text\n");

        assertThat(features.body().text()).isEqualTo("deep text");
    }

    @Test
    void aLineThatIsNotAHeaderShouldStartTheBody() {
        MessageFeatures features = Messages.parse("Subject: hi\nthis is no header\nX-After: y\n\nbody\n");

        assertThat(features.headers().fields()).extracting(HeaderField::name).containsExactly("Subject");
        assertThat(features.body().chunks()).containsExactly("hi", "this is no header X-After: y", "body");
        assertThat(features.defects()).contains(MimeDefect.MALFORMED_HEADER);
    }

    @Test
    void aMessageWithoutHeaderShouldBeAllBody() {
        MessageFeatures features = Messages.parse("Hello there,\nsecond line\tfolded: no\n\nthird\n");

        assertThat(features.headers().fields()).isEmpty();
        assertThat(features.body().chunks()).containsExactly("Hello there, second line folded: no", "third");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "From nobody\n", "\n\n\n", "no header at all", ":\n:\n\n", "Subject"})
    void degenerateMessagesShouldParse(String message) {
        MessageFeatures features = Messages.parse(message);

        assertThat(features.headerFacts()).contains(HeaderFact.MISSING_FROM);
    }

    @Test
    void randomBytesShouldParse() {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] noise = new byte[random.nextInt(20_000)];
            random.nextBytes(noise);
            MessageFeatures features = parser.parse(noise);

            assertThat(features.full().length()).isLessThanOrEqualTo(noise.length);
            assertThat(features.limitsHit()).isEmpty();
        }
    }

    @Test
    void mutatedMultipartsShouldParse() {
        byte[] original = Messages.crlf("""
            From: a@example.com
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/html; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            <p>Hi <a href=3D"http://example.com/">there</a></p>
            --b
            Content-Type: application/octet-stream; name=x.exe
            Content-Transfer-Encoding: base64

            TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
            --b--
            """);
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            byte[] mutated = original.clone();
            for (int j = 0; j < 1 + random.nextInt(8); j++) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            MessageFeatures features = parser.parse(mutated);

            assertThat(features.mime().parts()).hasSizeLessThanOrEqualTo(3);
            assertThat(features.full()).hasSize(mutated.length);
            assertThat(features.limitsHit()).isEmpty();
        }
    }
}
