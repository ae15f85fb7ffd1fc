package org.cleanmail.core.scoring.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cleanmail.core.scoring.eval.Messages.call;
import static org.cleanmail.core.scoring.eval.Messages.message;

import org.cleanmail.core.message.MessageFeatures;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MimeEvalsTest {
    private static final MessageFeatures PLAIN = message("From: a@example.com", "Subject: hi", "", "Hello there.");

    private static MessageFeatures alternative(String text, String html) {
        return message("From: a@example.com", "Subject: hi", "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"b1\"", "",
            "--b1", "Content-Type: text/plain; charset=us-ascii", "", text,
            "--b1", "Content-Type: text/html; charset=us-ascii", "", html, "--b1--", "");
    }

    @Nested
    class CheckForMime {
        @Test
        void base64TextWithoutDispositionShouldBeEncodedText() {
            MessageFeatures features = message("Subject: x", "Content-Type: text/plain",
                "Content-Transfer-Encoding: base64", "", "SGVsbG8gdGhlcmUu");

            assertThat(call("check_for_mime", features, "mime_base64_encoded_text")).isTrue();
            assertThat(call("check_for_mime", features, "mime_base64_count")).isTrue();
            assertThat(call("check_for_mime", PLAIN, "mime_base64_count")).isFalse();
        }

        @Test
        void attachmentShouldBeCounted() {
            MessageFeatures features = message("Subject: x", "Content-Type: multipart/mixed; boundary=b", "",
                "--b", "Content-Type: text/plain", "", "see attached",
                "--b", "Content-Type: application/pdf", "Content-Disposition: attachment; filename=a.pdf",
                "Content-Transfer-Encoding: base64", "", "JVBERi0xLjQK", "--b--");

            assertThat(call("check_for_mime", features, "mime_attachment")).isTrue();
            assertThat(call("check_for_mime", PLAIN, "mime_attachment")).isFalse();
        }

        @Test
        void longQuotedPrintableLineShouldBeFlagged() {
            MessageFeatures features = message("Subject: x", "Content-Type: text/plain",
                "Content-Transfer-Encoding: quoted-printable", "", "a".repeat(100), "=41=42");

            assertThat(call("check_for_mime", features, "mime_qp_long_line")).isTrue();
            assertThat(call("check_for_mime", features, "mime_qp_count")).isTrue();
            assertThat(call("check_for_mime", PLAIN, "mime_qp_long_line")).isFalse();
        }

        @Test
        void badIsoCharsetShouldBeFlagged() {
            MessageFeatures features = message("Subject: x", "Content-Type: text/plain; charset=iso-1234-5", "", "x");

            assertThat(call("check_for_mime", features, "mime_bad_iso_charset")).isTrue();
            assertThat(call("check_for_mime", message("Content-Type: text/plain; charset=iso-8859-1", "", "x"),
                "mime_bad_iso_charset")).isFalse();
        }

        @Test
        void unknownTestsShouldNotFire() {
            assertThat(call("check_for_mime", PLAIN, "mime_something_else")).isFalse();
            assertThat(call("check_for_mime", PLAIN)).isFalse();
        }
    }

    @Nested
    class HtmlParts {
        @Test
        void htmlOnlyMessageShouldBeHtmlOnly() {
            MessageFeatures features = Messages.html("hi", "<html><body>Hello</body></html>");

            assertThat(call("check_for_mime_html", features)).isTrue();
            assertThat(call("check_for_mime_html_only", features)).isTrue();
        }

        @Test
        void alternativeWithTextShouldBeHtmlButNotHtmlOnly() {
            MessageFeatures features = alternative("Hello", "<p>Hello</p>");

            assertThat(call("check_for_mime_html", features)).isTrue();
            assertThat(call("check_for_mime_html_only", features)).isFalse();
        }

        @Test
        void plainTextShouldBeNeither() {
            assertThat(call("check_for_mime_html", PLAIN)).isFalse();
            assertThat(call("check_for_mime_html_only", PLAIN)).isFalse();
        }

        @Test
        void tinyTextAlternativeShouldGiveALowMultipartRatio() {
            MessageFeatures features = alternative("", "<p>" + "Hello there, this is a long HTML part. ".repeat(20)
                + "</p>");

            assertThat(call("check_mime_multipart_ratio", features, "0.00", "0.01")).isTrue();
            assertThat(call("check_mime_multipart_ratio", alternative("Hello", "<p>Hello</p>"), "0.00", "0.01"))
                .isFalse();
            assertThat(call("check_mime_multipart_ratio", features, "low", "0.01")).isFalse();
        }
    }

    @Nested
    class ParseFlags {
        @Test
        void epilogueWithTextShouldBeFlagged() {
            MessageFeatures features = message("Subject: x", "Content-Type: multipart/mixed; boundary=b", "",
                "--b", "Content-Type: text/plain", "", "hello", "--b--", "buy now at example.com");

            assertThat(call("check_msg_parse_flags", features, "mime_epilogue_exists")).isTrue();
            assertThat(call("check_msg_parse_flags", PLAIN, "mime_epilogue_exists")).isFalse();
        }

        @Test
        void partWithoutHeadersShouldBeFlagged() {
            MessageFeatures features = message("Subject: x", "Content-Type: multipart/mixed; boundary=b", "",
                "--b", "", "hello", "--b--");

            assertThat(call("check_msg_parse_flags", features, "missing_mime_headers")).isTrue();
            assertThat(call("check_msg_parse_flags", PLAIN, "missing_mime_headers")).isFalse();
        }

        @Test
        void strayLineInTheHeaderShouldMeanAMissingSeparator() {
            MessageFeatures features = message("Subject: x", "this is not a header", "body");

            assertThat(call("check_msg_parse_flags", features, "missing_head_body_separator")).isTrue();
            assertThat(call("check_msg_parse_flags", PLAIN, "missing_head_body_separator")).isFalse();
            assertThat(call("check_msg_parse_flags", PLAIN, "no_such_flag")).isFalse();
        }
    }

    @Test
    void base64LengthShouldMeasureTheLongestLine() {
        MessageFeatures features = message("Subject: x", "Content-Type: application/octet-stream",
            "Content-Transfer-Encoding: base64", "", "A".repeat(100), "AAAA");

        assertThat(call("check_base64_length", features, "79")).isTrue();
        assertThat(call("check_base64_length", features, "78", "79")).isFalse();
        assertThat(call("check_base64_length", PLAIN, "79")).isFalse();
        assertThat(call("check_base64_length", features)).isFalse();
    }

    @Test
    void asciiTextIllegalShouldFireOnEightBitBytesInUndeclaredText() {
        MessageFeatures features = message("Subject: x", "Content-Type: text/plain", "", "caf\u00e9");

        assertThat(call("check_for_ascii_text_illegal", features)).isTrue();
        assertThat(call("check_for_ascii_text_illegal", PLAIN)).isFalse();
    }

    @Test
    void abundantUnicodeShouldFireOnEntityHeavyText() {
        MessageFeatures features = message("Subject: x", "Content-Type: text/plain", "",
            "&#x0412;&#x0430;&#x0448; &#x0437;&#x0430;&#x043A;&#x0430;&#x0437;");

        assertThat(call("check_abundant_unicode_ratio", features, "0.02")).isTrue();
        assertThat(call("check_abundant_unicode_ratio", PLAIN, "0.02")).isFalse();
        assertThat(call("check_abundant_unicode_ratio", features, "2%")).isFalse();
    }

    @Test
    void imageCountShouldCountBase64ImagesByType() {
        MessageFeatures features = message("Subject: x", "Content-Type: multipart/related; boundary=b", "",
            "--b", "Content-Type: text/html", "", "<img src=cid:1>",
            "--b", "Content-Type: image/gif", "Content-Transfer-Encoding: base64", "", "R0lGODlhAQABAAAAACw=",
            "--b--");

        assertThat(call("image_count", features, "gif", "1", "1")).isTrue();
        assertThat(call("image_count", features, "all", "1")).isTrue();
        assertThat(call("image_count", features, "png", "1", "1")).isFalse();
        assertThat(call("image_count", features, "bmp", "1")).isFalse();
        assertThat(call("image_count", PLAIN, "all", "1")).isFalse();
    }

    @Test
    void farawayCharsetsShouldNeverFireWithTheDefaultLocales() {
        MessageFeatures features = message("Subject: x", "Content-Type: text/plain; charset=koi8-r", "", "\u00c1\u00c2\u00c3\u00c4\u00c5");

        assertThat(call("check_for_faraway_charset", features)).isFalse();
        assertThat(call("html_charset_faraway", features)).isFalse();
    }
}
