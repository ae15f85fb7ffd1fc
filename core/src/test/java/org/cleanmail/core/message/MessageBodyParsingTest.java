package org.cleanmail.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageBodyParsingTest {
    private static final String ALTERNATIVE = """
        From: a@example.com
        To: b@example.com
        Subject: Great offer
        MIME-Version: 1.0
        Content-Type: multipart/alternative; boundary="alt"

        This is a multi-part message.
        --alt
        Content-Type: text/plain; charset=us-ascii

        Buy   now,
        cheap.

        Second paragraph.
        --alt
        Content-Type: text/html; charset=utf-8
        Content-Transfer-Encoding: quoted-printable

        <html><head><title>hidden title</title><style>p {color: red}</style></head>
        <body><p>Buy <b>now</b>!</p><p>Cr=C3=A8me <a href=3D"http://Example.COM/x">here</a></p>
        <img src=3D"http://img.example.net/a.gif"><script>var x=3D1;</script></body></html>
        --alt--
        """;

    @Nested
    class Alternative {
        private final MessageFeatures features = Messages.parse(ALTERNATIVE);

        @Test
        void bodyShouldStartWithTheSubjectThenGiveEveryTextPartAsParagraphs() {
            assertThat(features.body().chunks()).containsExactly(
                "Great offer", "Buy now, cheap.", "Second paragraph.", "Buy now!", "Crème here");
            assertThat(features.body().text()).isEqualTo(
                "Great offer\nBuy now, cheap.\nSecond paragraph.\nBuy now!\nCrème here");
        }

        @Test
        void rawBodyShouldKeepHtmlTagsAndLines() {
            assertThat(features.rawBody().chunks()).contains("Buy   now,", "cheap.",
                "<body><p>Buy <b>now</b>!</p><p>Crème <a href=\"http://Example.COM/x\">here</a></p>");
            assertThat(features.rawBody().text()).doesNotContain("Great offer").contains("<script>var x=1;</script>");
        }

        @Test
        void fullShouldBeTheUndecodedMessage() {
            assertThat(features.full()).contains("Cr=C3=A8me", "boundary=\"alt\"")
                .startsWith("From: a@example.com\r\n");
        }

        @Test
        void mimeShouldDescribeEveryLeafPart() {
            MimeStructure mime = features.mime();

            assertThat(mime.parts()).extracting(MimePart::contentType).containsExactly("text/plain", "text/html");
            assertThat(mime.parts()).extracting(MimePart::depth).containsExactly(1, 1);
            assertThat(mime.parts().get(1).transferEncoding()).isEqualTo("quoted-printable");
            assertThat(mime.parts().get(1).charset()).contains("utf-8");
            assertThat(mime.parts().get(0).size()).isEqualTo("Buy   now,\r\ncheap.\r\n\r\nSecond paragraph.".length());
            assertThat(mime.multipartTypes()).containsExactly("multipart/alternative");
            assertThat(mime.textPlainCount()).isEqualTo(1);
            assertThat(mime.textHtmlCount()).isEqualTo(1);
            assertThat(mime.htmlWithoutTextAlternative()).isFalse();
            assertThat(mime.attachments()).isEmpty();
        }

        @Test
        void htmlStatsShouldCountTagsImagesAndText() {
            HtmlStats stats = features.mime().htmlStats();

            assertThat(stats.imageCount()).isEqualTo(1);
            assertThat(stats.tagCount()).isEqualTo(11);
            assertThat(stats.textLength()).isEqualTo("Buy now! Crème here".length());
            assertThat(stats.markupRatio()).isBetween(0.8, 1.0);
        }

        @Test
        void urisShouldComeFromHtmlAttributesNormalized() {
            assertThat(features.uris().uris()).containsExactly("http://example.com/x", "http://img.example.net/a.gif");
            assertThat(features.uris().hosts()).containsExactly("example.com", "img.example.net");
            assertThat(features.uris().domains()).containsExactly("example.com", "example.net");
        }

        @Test
        void wellFormedMessagesShouldHitNoLimitAndHaveNoDefect() {
            assertThat(features.limitsHit()).isEmpty();
            assertThat(features.defects()).isEmpty();
            assertThat(features.truncated()).isFalse();
        }
    }

    @Test
    void parseShouldDescendIntoNestedMultipartsAndAttachedMessages() {
        String nested = """
            Subject: nested
            Content-Type: multipart/mixed; boundary=outer

            --outer
            Content-Type: multipart/alternative; boundary=inner

            --inner
            Content-Type: text/plain

            inner text
            --inner--
            --outer
            Content-Type: message/rfc822

            Subject: forwarded
            Content-Type: text/plain

            forwarded text
            --outer
            Content-Type: application/pdf; name="=?UTF-8?Q?r=C3=A9sum=C3=A9.pdf?="
            Content-Disposition: attachment
            Content-Transfer-Encoding: base64

            JVBERi0xLjQK
            --outer--
            """;

        MessageFeatures features = Messages.parse(nested);

        assertThat(features.body().chunks()).containsExactly("nested", "inner text", "forwarded text");
        assertThat(features.headers().values("Subject")).containsExactly("nested");
        assertThat(features.mime().parts()).extracting(MimePart::contentType)
            .containsExactly("text/plain", "text/plain", "application/pdf");
        assertThat(features.mime().parts()).extracting(MimePart::depth).containsExactly(2, 2, 1);
        assertThat(features.mime().multipartTypes()).containsExactly("multipart/mixed", "multipart/alternative");
        assertThat(features.mime().attachmentNames()).containsExactly("résumé.pdf");
        assertThat(features.mime().attachmentTypes()).containsExactly("application/pdf");
    }

    @Test
    void attachmentNamesShouldBeDecodedFromRfc2231Parameters() {
        MessageFeatures features = Messages.parse("""
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: application/octet-stream
            Content-Disposition: attachment; filename*=UTF-8''inv%C3%B6ice.pdf.exe

            MZ
            --b
            Content-Type: image/gif
            Content-Disposition: inline

            GIF89a
            --b--
            """);

        assertThat(features.mime().attachmentNames()).containsExactly("invöice.pdf.exe");
        assertThat(features.mime().parts()).extracting(MimePart::attachment).containsExactly(true, false);
        assertThat(features.mime().textPlainCount()).isZero();
    }

    @Test
    void parseShouldDecodeBase64TextParts() {
        String encoded = Base64.getMimeEncoder()
            .encodeToString("Hello from base64, ünïcödé.".getBytes(StandardCharsets.UTF_8));
        MessageFeatures features = Messages.parse("Subject: b64\nContent-Type: text/plain; charset=UTF-8\n"
            + "Content-Transfer-Encoding: base64\n\n" + encoded + "\n");

        assertThat(features.body().chunks()).containsExactly("b64", "Hello from base64, ünïcödé.");
        assertThat(features.rawBody().chunks()).containsExactly("Hello from base64, ünïcödé.");
    }

    @Test
    void parseShouldDecodeQuotedPrintableSoftLineBreaks() {
        MessageFeatures features = Messages.parse("Content-Type: text/plain; charset=iso-8859-1\n"
            + "Content-Transfer-Encoding: quoted-printable\n\nA long line that was wr=\napped, caf=E9=\n\n");

        assertThat(features.body().chunks()).containsExactly("A long line that was wrapped, café");
    }

    @ParameterizedTest
    @CsvSource({
        "ISO-8859-1, Ça coûte 5 €?",
        "windows-1252, “Smart quotes” – and €",
        "UTF-8, Ça coûte 5 € 日本",
        "KOI8-R, Привет мир",
        "ISO-2022-JP, こんにちは",
        "GB2312, 朱镕基 (GBK only)"
    })
    void parseShouldHonourTheDeclaredCharset(String charset, String text) {
        Charset encoding = Charset.forName(
            Map.of("ISO-8859-1", "windows-1252", "GB2312", "GBK").getOrDefault(charset, charset));
        byte[] message = concat(Messages.crlf("Content-Type: text/plain; charset=\"" + charset + "\"\n"
            + "Content-Transfer-Encoding: 8bit\n\n"), text.getBytes(encoding));

        MessageFeatures features = MessageParser.defaultParser().parse(message);

        assertThat(features.body().chunks()).containsExactly(text);
        assertThat(features.defects()).doesNotContain(MimeDefect.UNKNOWN_CHARSET);
    }

    @Test
    void parseShouldFallBackToUtf8ThenWindows1252ForBogusCharsets() {
        byte[] utf8 = concat(Messages.crlf("Content-Type: text/plain; charset=bogus-charset\n\n"),
            "Grüße €".getBytes(StandardCharsets.UTF_8));
        byte[] latin = concat(Messages.crlf("Content-Type: text/plain; charset=\"x-unknown\"\n\n"),
            "Grüße €".getBytes(Charset.forName("windows-1252")));

        MessageFeatures fromUtf8 = MessageParser.defaultParser().parse(utf8);
        MessageFeatures fromLatin = MessageParser.defaultParser().parse(latin);

        assertThat(fromUtf8.body().chunks()).containsExactly("Grüße €");
        assertThat(fromLatin.body().chunks()).containsExactly("Grüße €");
        assertThat(fromUtf8.defects()).contains(MimeDefect.UNKNOWN_CHARSET);
        assertThat(fromUtf8.mime().parts().get(0).charset()).contains("bogus-charset");
    }

    @Test
    void parseShouldTreatAMessageWithoutContentTypeAsPlainText() {
        MessageFeatures features = Messages.parse("Subject: plain\n\nline one\nline two\n\n\n   \nnext   one\n");

        assertThat(features.body().chunks()).containsExactly("plain", "line one line two", "next one");
        assertThat(features.rawBody().chunks()).containsExactly("line one", "line two", "", "", "   ", "next   one");
        assertThat(features.mime().parts()).extracting(MimePart::contentType).containsExactly("text/plain");
        assertThat(features.mime().parts().get(0).depth()).isZero();
    }

    @Test
    void parsedHtmlShouldBeOfferedForItsExactSource() {
        MessageFeatures features = Messages.parse("Content-Type: text/html\n\n<p>only <i>html</i></p>\n");

        assertThat(features.parsedHtml("<p>only <i>html</i></p>\r\n")).hasValueSatisfying(document ->
            assertThat(document.text()).isEqualTo("only html"));
        assertThat(features.parsedHtml("<p>other</p>")).isEmpty();
    }

    @Test
    void parseShouldMarkHtmlOnlyMessages() {
        MessageFeatures features = Messages.parse("Content-Type: text/html\n\n<p>only <i>html</i></p><br>after\n");

        assertThat(features.mime().htmlWithoutTextAlternative()).isTrue();
        assertThat(features.body().chunks()).containsExactly("only html", "after");
    }

    @Test
    void htmlShouldRenderSourceLineBreaksAsSpacesButKeepPreformattedText() {
        MessageFeatures features = Messages.parse("Content-Type: text/html\n\n"
            + "<p>line\none<br>two</p><div>block</div><pre>a\n\nb</pre><table><tr><td>c1</td><td>c2</td></tr></table>\n");

        assertThat(features.body().chunks()).containsExactly("line one two", "block", "a", "b", "c1 c2");
    }

    @Test
    void bodyShouldSplitVeryLongParagraphsIntoChunks() {
        String word = "spam ";
        MessageFeatures features = Messages.parse("\n" + word.repeat(1000) + "\n");

        assertThat(features.body().chunks()).hasSizeGreaterThan(2)
            .allSatisfy(chunk -> assertThat(chunk.length()).isLessThanOrEqualTo(BodyChunking.MAX_CHUNK));
        assertThat(String.join(" ", features.body().chunks())).isEqualTo(word.repeat(1000).trim());
    }

    private static byte[] concat(byte[] head, byte[] tail) {
        byte[] result = new byte[head.length + tail.length];
        System.arraycopy(head, 0, result, 0, head.length);
        System.arraycopy(tail, 0, result, head.length, tail.length);
        return result;
    }
}
