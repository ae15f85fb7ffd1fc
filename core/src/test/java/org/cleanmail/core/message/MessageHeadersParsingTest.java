package org.cleanmail.core.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MessageHeadersParsingTest {
    private static final String MESSAGE = """
        From: "Alice Example" <alice@example.com>
        To: Bob <bob@example.org>, carol@example.net
        Cc: =?UTF-8?Q?Dani=C3=A8le?= <daniele@example.fr>
        Subject: =?ISO-8859-1?Q?Caf=E9?= =?ISO-8859-1?Q?_cr=E8me?=
         and more
        Message-ID: <123@example.com>
        X-Message-Id: <456@example.com>
        X-Mailer: Test
        X-Mailer: Second

        Hello.
        """;

    private final MessageFeatures features = Messages.parse(MESSAGE);
    private final MessageHeaders headers = features.headers();

    @Test
    void parseShouldKeepFieldsInOrderWithNamesAsWritten() {
        assertThat(headers.fields()).extracting(HeaderField::name)
            .containsExactly("From", "To", "Cc", "Subject", "Message-ID", "X-Message-Id", "X-Mailer", "X-Mailer");
    }

    @Test
    void valuesShouldBeLookedUpIgnoringCase() {
        assertThat(headers.values("x-mailer")).containsExactly("Test", "Second");
        assertThat(headers.exists("MESSAGE-id")).isTrue();
        assertThat(headers.exists("Reply-To")).isFalse();
    }

    @Test
    void parseShouldDecodeRfc2047EncodedWordsAndUnfold() {
        assertThat(headers.first("Subject")).contains("Café crème and more");
        assertThat(headers.rawValues("Subject")).containsExactly(
            "=?ISO-8859-1?Q?Caf=E9?= =?ISO-8859-1?Q?_cr=E8me?= and more");
    }

    @Test
    void addressShouldGiveTheFirstAddressAndDisplayName() {
        assertThat(headers.address("From")).contains("alice@example.com");
        assertThat(headers.displayName("From")).contains("Alice Example");
        assertThat(headers.address("To")).contains("bob@example.org");
        assertThat(headers.displayName("Cc")).contains("Danièle");
        assertThat(headers.address("Reply-To")).isEmpty();
    }

    @Test
    void toCcShouldJoinToAndCc() {
        assertThat(headers.toCc())
            .isEqualTo("Bob <bob@example.org>, carol@example.net, Danièle <daniele@example.fr>");
    }

    @Test
    void messageIdsShouldGatherAllMessageIdFields() {
        assertThat(headers.messageIds()).isEqualTo("<123@example.com>\n<456@example.com>");
    }

    @Test
    void allShouldListEveryFieldDecoded() {
        assertThat(headers.all()).startsWith("From: \"Alice Example\" <alice@example.com>\n")
            .contains("Subject: Café crème and more\n")
            .endsWith("X-Mailer: Second\n");
        assertThat(headers.allRaw()).contains("Subject: =?ISO-8859-1?Q?Caf=E9?=");
    }

    @Nested
    class Select {
        @Test
        void selectShouldReadSpamAssassinHeaderSpecifications() {
            assertThat(headers.select("Subject")).isEqualTo("Café crème and more");
            assertThat(headers.select("Subject:raw")).startsWith("=?ISO-8859-1?Q?");
            assertThat(headers.select("From:addr")).isEqualTo("alice@example.com");
            assertThat(headers.select("From:name")).isEqualTo("Alice Example");
            assertThat(headers.select("ToCc:addr")).isEqualTo("bob@example.org");
            assertThat(headers.select("MESSAGEID")).contains("<456@example.com>");
            assertThat(headers.select("ALL")).isEqualTo(headers.all());
            assertThat(headers.select("X-Mailer")).isEqualTo("Test\nSecond");
            assertThat(headers.select("ToCc:raw")).endsWith("=?UTF-8?Q?Dani=C3=A8le?= <daniele@example.fr>");
        }

        @Test
        void selectShouldGiveEmptyTextForAbsentHeaders() {
            assertThat(headers.select("Reply-To")).isEmpty();
            assertThat(headers.select("Reply-To:addr")).isEmpty();
        }
    }

    @Nested
    class Facts {
        @Test
        void factsShouldNameMissingHeaders() {
            assertThat(features.headerFacts()).containsExactlyInAnyOrder(
                HeaderFact.MISSING_DATE, HeaderFact.MISSING_MIME_VERSION);
        }

        @Test
        void factsShouldSeeEmptySubjectAndNoRecipient() {
            MessageFeatures bare = Messages.parse("From: a@example.com\nSubject: \nBcc: b@example.com\n\nhi\n");

            assertThat(bare.headerFacts()).contains(HeaderFact.EMPTY_SUBJECT, HeaderFact.NO_VISIBLE_RECIPIENT,
                HeaderFact.MISSING_TO, HeaderFact.MISSING_MESSAGE_ID).doesNotContain(HeaderFact.MISSING_SUBJECT);
        }
    }

    @Test
    void parseShouldSkipTheMboxEnvelopeLine() {
        MessageFeatures mbox = Messages.parse("From sender@example.com  Thu Aug 22 12:36:23 2002\n"
            + "From: a@example.com\nSubject: hi\n\nbody\n");

        assertThat(mbox.headers().fields()).extracting(HeaderField::name).containsExactly("From", "Subject");
        assertThat(mbox.full()).startsWith("From: a@example.com");
    }

    @Test
    void parseShouldDecodeEightBitHeadersAsUtf8OrWindows1252() {
        byte[] utf8 = Messages.crlf("Subject: Grüße\n\nx\n", StandardCharsets.UTF_8);
        byte[] latin1 = Messages.crlf("Subject: Grüße\n\nx\n", StandardCharsets.ISO_8859_1);

        assertThat(MessageParser.defaultParser().parse(utf8).headers().first("Subject")).contains("Grüße");
        assertThat(MessageParser.defaultParser().parse(latin1).headers().first("Subject")).contains("Grüße");
    }

    @Test
    void parseShouldFallBackForBogusEncodedWordCharsets() {
        MessageFeatures bogus = Messages.parse("Subject: =?x-bogus-42?Q?Caf=E9?= ok\n\nx\n");

        assertThat(bogus.headers().first("Subject")).contains("Café ok");
        assertThat(bogus.defects()).contains(MimeDefect.UNKNOWN_CHARSET);
    }

    @Test
    void parseShouldDecodeBase64EncodedWordsInUtf8AndKoi8r() {
        MessageFeatures encoded = Messages.parse("Subject: =?UTF-8?B?8J+Ss2NoZWFw?= =?KOI8-R?B?8NLJ18XU?=\n\nx\n");

        assertThat(encoded.headers().first("Subject")).contains("\uD83D\uDCB3cheapПривет");
    }
}
