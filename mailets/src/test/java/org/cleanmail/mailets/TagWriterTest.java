package org.cleanmail.mailets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import javax.mail.BodyPart;
import javax.mail.Part;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import org.cleanmail.core.policy.DispositionAction;
import org.cleanmail.core.policy.DispositionReason;
import org.cleanmail.core.policy.Policy;
import org.cleanmail.core.policy.PolicyScope;
import org.cleanmail.core.policy.EmbeddedPolicyStore;
import org.cleanmail.core.policy.PolicyResolver;
import org.cleanmail.core.policy.ScanFindings;
import org.cleanmail.core.policy.Treatment;
import org.cleanmail.core.scan.RuleHit;
import org.cleanmail.core.scan.ScanResult;
import org.junit.jupiter.api.Test;

class TagWriterTest {
    private static final String ORIGINAL = String.join("\r\n", List.of(
        "Received: from mx.outside.example by cleanmail.local; Wed, 25 Nov 2026 10:00:00 +0000",
        "From: Spammer <spammer@outside.example>",
        "To: alice@example.com",
        "Subject: =?UTF-8?Q?Caf=C3=A9_offer?=",
        "Date: Wed, 25 Nov 2026 10:00:00 +0000",
        "Message-ID: <offer@outside.example>",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=ISO-8859-1",
        "Content-Transfer-Encoding: 8bit",
        "X-Odd-Header:   kept   as   is",
        "",
        "Cheap caf\u00e9, click http://spam.example/now",
        "",
        ".a line starting with a dot",
        ""));
    private static final ScanFindings FINDINGS = ScanFindings.of(new ScanResult(List.of(
        new RuleHit("GTUBE", 1000.0, "Generic Test for Unsolicited Bulk Email"),
        new RuleHit("URI_SPAM", 2.5, "Links to a known spam site")), false));

    private static MimeMessage original() throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
            new ByteArrayInputStream(ORIGINAL.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static Treatment treatment(boolean attachReport) {
        EmbeddedPolicyStore store = EmbeddedPolicyStore.inMemory();
        store.put(PolicyScope.global(), Policy.builder().spamAction(DispositionAction.DELIVER_TAGGED)
            .attachReport(attachReport).spamThreshold(6.0).build());
        return Treatment.of(DispositionAction.DELIVER_TAGGED, DispositionReason.CERTAIN_SPAM,
            new PolicyResolver(store).resolve("alice@example.com"));
    }

    private static MimeMessage reparsed(MimeMessage message) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
            new ByteArrayInputStream(ReportWrapper.bytesOf(message)));
    }

    @Test
    void withAttachReportTheMessageShouldBeTheReportWithTheOriginalAttachedByteForByte() throws Exception {
        MimeMessage tagged = reparsed(TagWriter.tag(new PreservedIdMessage(original()), treatment(true), FINDINGS));

        assertThat(tagged.getContentType()).startsWith("multipart/mixed");
        assertThat(tagged.getSubject()).isEqualTo("[SPAM] Caf\u00e9 offer");
        assertThat(tagged.getHeader("From")).containsExactly("Spammer <spammer@outside.example>");
        assertThat(tagged.getHeader("To")).containsExactly("alice@example.com");
        assertThat(tagged.getHeader("Date")).containsExactly("Wed, 25 Nov 2026 10:00:00 +0000");
        assertThat(tagged.getHeader("Message-ID")).containsExactly("<offer@outside.example>");
        assertThat(tagged.getHeader("Received")).hasSize(1);
        assertThat(tagged.getHeader("X-CleanMail-Status")[0]).startsWith("Yes, score=1002.5 required=6.0 tests=GTUBE,URI_SPAM");
        MimeMultipart parts = (MimeMultipart) tagged.getContent();
        assertThat(parts.getCount()).isEqualTo(2);

        BodyPart report = parts.getBodyPart(0);
        assertThat(report.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat((String) report.getContent()).contains("Score: 1002.5 (spam from 6.0)")
            .contains("GTUBE").contains("Generic Test for Unsolicited Bulk Email")
            .contains("URI_SPAM").contains("Links to a known spam site");

        BodyPart attached = parts.getBodyPart(1);
        assertThat(attached.getContentType()).startsWith("message/rfc822");
        assertThat(attached.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(attached.getHeader("Content-Transfer-Encoding")).containsExactly("8bit");
        ByteArrayOutputStream inside = new ByteArrayOutputStream();
        attached.getInputStream().transferTo(inside);
        assertThat(inside.toByteArray()).isEqualTo(ORIGINAL.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void withoutAttachReportTheMessageShouldKeepItsStructureAndMessageId() throws Exception {
        MimeMessage tagged = reparsed(TagWriter.tag(new PreservedIdMessage(original()), treatment(false), FINDINGS));

        assertThat(tagged.getContentType()).startsWith("text/plain");
        assertThat(tagged.getSubject()).isEqualTo("[SPAM] Caf\u00e9 offer");
        assertThat(tagged.getHeader("Message-ID")).containsExactly("<offer@outside.example>");
        assertThat(tagged.getHeader("X-CleanMail-Report")[0]).startsWith("CERTAIN_SPAM: Yes, score=1002.5");
    }
}
