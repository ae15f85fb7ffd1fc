package org.cleanmail.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.cleanmail.core.fingerprint.Attachment;
import org.cleanmail.core.fingerprint.DecodedContent;
import org.cleanmail.core.fingerprint.FingerprintCalculator;
import org.cleanmail.core.fingerprint.FingerprintSettings;
import org.cleanmail.core.message.MessageParser;
import org.junit.jupiter.api.Test;

class DecodedContentsTest {
    private static DecodedContent decode(String message) {
        return DecodedContents.from(MessageParser.defaultParser().parse(message.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void fromShouldLeaveTheSubjectOut() {
        DecodedContent content = decode("Subject: Special offer\r\n\r\nBuy cheap watches today.\r\n");

        assertThat(content.bodyText()).isEqualTo("Buy cheap watches today.");
    }

    @Test
    void aMailingListFooterAloneShouldGiveNoFingerprint() {
        DecodedContent content = decode("Subject: In case anyone forgot\r\n\r\nhttp://www.sysadminday.com/\r\n\r\n\r\n"
            + "-- \r\nIrish Linux Users' Group Social Events: social@linux.ie\r\n"
            + "http://www.linux.ie/mailman/listinfo/social for (un)subscription information.\r\n"
            + "List maintainer: listmaster@linux.ie\r\n");

        assertThat(content.bodyText()).contains("-- \nIrish Linux");
        assertThat(new FingerprintCalculator(FingerprintSettings.defaults()).fingerprints(content).all()).isEmpty();
    }

    @Test
    void fromShouldKeepTheLinkedHosts() {
        DecodedContent content = decode("Subject: x\r\n\r\nSee http://one.example.com/a and http://two.example.org/b\r\n");

        assertThat(content.linkHosts()).containsExactlyInAnyOrder("one.example.com", "two.example.org");
    }

    @Test
    void aListFooterAfterASeparatorShouldNotCountInTheFingerprint() {
        String footer = "\r\n\r\n-------------------------------------------------------\r\n"
            + "This sf.net email is sponsored by: OSDN - Tired of that same old cell phone? Get a new here for FREE!\r\n"
            + "https://www.inphonic.com/r.asp?r=sourceforge1\r\n_______________________________________________\r\n"
            + "Spamassassin-talk mailing list\r\nSpamassassin-talk@lists.sourceforge.net\r\n";
        FingerprintCalculator calculator = new FingerprintCalculator(FingerprintSettings.defaults());

        DecodedContent question = decode("Subject: a\r\n\r\nHi, does anyone have a collection of real-world spam?" + footer);
        DecodedContent apology = decode("Subject: b\r\n\r\nSorry for the dupe, thought the address would bounce." + footer);

        assertThat(calculator.fingerprints(question).textFuzzy()).isEmpty();
        assertThat(calculator.fingerprints(question).textExact()).isNotEqualTo(calculator.fingerprints(apology).textExact());
    }

    @Test
    void fromShouldFingerprintAttachmentsByTheirDecodedContent() {
        String message = "Subject: invoice\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
            + "--b\r\nContent-Type: text/plain\r\n\r\nSee the attached invoice.\r\n"
            + "--b\r\nContent-Type: application/zip; name=\"invoice.zip\"\r\nContent-Transfer-Encoding: base64\r\n"
            + "Content-Disposition: attachment; filename=\"invoice.zip\"\r\n\r\n"
            + Base64.getMimeEncoder().encodeToString("PK fake zip".getBytes(StandardCharsets.US_ASCII))
            + "\r\n--b--\r\n";

        DecodedContent content = decode(message);

        assertThat(content.attachments()).containsExactly(
            Attachment.of("invoice.zip", "PK fake zip".getBytes(StandardCharsets.US_ASCII)));
    }
}
