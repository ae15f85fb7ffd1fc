package org.cleanmail.james.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.cleanmail.archive.model.ArchiveMetadata;
import org.cleanmail.archive.model.Direction;
import org.cleanmail.james.CleanMailAttributes;
import org.cleanmail.james.sender.TrustedSessions;
import org.junit.jupiter.api.Test;

class MailArchiveMetadataTest {
    private static final Instant ARRIVAL = Instant.parse("2026-01-31T10:00:00Z");

    private static FakeMail.Builder mail() throws Exception {
        return FakeMail.builder()
            .name("m1")
            .sender("alice@example.com")
            .recipients("bob@example.com", "carol@example.com")
            .remoteAddr("192.0.2.7")
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("hi").setText("text"));
    }

    @Test
    void aScoredMailShouldCarryItsVerdictScoreAndHits() throws Exception {
        Mail scored = mail()
            .attribute(new Attribute(CleanMailAttributes.SPAM, AttributeValue.of(true)))
            .attribute(new Attribute(CleanMailAttributes.SCORE, AttributeValue.of(1000.0)))
            .attribute(new Attribute(CleanMailAttributes.HITS, AttributeValue.of(List.of(AttributeValue.of("GTUBE")))))
            .build();

        ArchiveMetadata metadata = MailArchiveMetadata.of(scored, ARRIVAL);

        assertThat(metadata.envelopeSender()).contains("alice@example.com");
        assertThat(metadata.envelopeRecipients()).containsExactly("bob@example.com", "carol@example.com");
        assertThat(metadata.remoteIp()).contains("192.0.2.7");
        assertThat(metadata.direction()).isEqualTo(Direction.INBOUND);
        assertThat(metadata.verdict()).contains("spam");
        assertThat(metadata.score()).contains(1000.0);
        assertThat(metadata.hits()).containsExactly("GTUBE");
        assertThat(metadata.arrival()).isEqualTo(ARRIVAL);
    }

    @Test
    void aMailNotScoredShouldHaveNoVerdict() throws Exception {
        ArchiveMetadata metadata = MailArchiveMetadata.of(mail().build(), ARRIVAL);

        assertThat(metadata.verdict()).isEmpty();
        assertThat(metadata.score()).isEmpty();
        assertThat(metadata.hits()).isEmpty();
        assertThat(MailArchiveMetadata.spam(mail().build())).isEmpty();
    }

    @Test
    void hamShouldBeRecordedAsHam() throws Exception {
        Mail ham = mail().attribute(new Attribute(CleanMailAttributes.SPAM, AttributeValue.of(false))).build();

        assertThat(MailArchiveMetadata.of(ham, ARRIVAL).verdict()).contains("ham");
    }

    @Test
    void mailOfAnAuthenticatedUserShouldBeOutbound() throws Exception {
        Mail authenticated = mail().attribute(new Attribute(Mail.SMTP_AUTH_USER, AttributeValue.of("alice"))).build();

        assertThat(MailArchiveMetadata.direction(authenticated)).isEqualTo(Direction.OUTBOUND);
    }

    @Test
    void mailFromAnAuthorizedNetworkShouldBeOutbound() throws Exception {
        Mail relayed = mail().attribute(new Attribute(TrustedSessions.SMTP_IS_AUTH_NETWORK,
            AttributeValue.of(true))).build();

        assertThat(MailArchiveMetadata.direction(relayed)).isEqualTo(Direction.OUTBOUND);
    }
}
