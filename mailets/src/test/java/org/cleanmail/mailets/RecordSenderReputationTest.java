package org.cleanmail.mailets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import javax.mail.MessagingException;

import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.cleanmail.core.sender.ReputationScorer;
import org.cleanmail.james.CleanMailAttributes;
import org.cleanmail.james.sender.SenderProtection;
import org.cleanmail.james.sender.SenderSettings;
import org.cleanmail.james.sender.TrustedSessions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordSenderReputationTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    private SenderProtection protection;
    private RecordSenderReputation mailet;

    @BeforeEach
    void setUp() throws MessagingException {
        protection = new SenderProtection(SenderSettings.from(Map.of(), Map.of()), Optional.empty(), CLOCK);
        mailet = new RecordSenderReputation(protection);
        mailet.init(FakeMailetConfig.builder().mailetName("RecordSenderReputation").build());
    }

    private static FakeMail scored(boolean spam) throws MessagingException {
        return FakeMail.builder().name("m").recipient("alice@mydomain.example").remoteAddr("203.0.113.7")
            .attribute(new Attribute(CleanMailAttributes.SPAM, AttributeValue.of(spam))).build();
    }

    @Test
    void spamVerdictsShouldEarnTheClientABadReputation() throws MessagingException {
        for (int i = 0; i < 10; i++) {
            mailet.service(scored(true));
        }

        assertThat(protection.reputationHits("203.0.113.7")).singleElement()
            .satisfies(hit -> assertThat(hit.name()).isEqualTo(ReputationScorer.BAD_REPUTATION));
    }

    @Test
    void unscoredMailShouldLeaveTheReputationAlone() throws Exception {
        for (int i = 0; i < 10; i++) {
            mailet.service(FakeMail.builder().name("m").recipient("alice@mydomain.example").remoteAddr("203.0.113.7")
                .build());
        }

        assertThat(protection.analyzer().reputation(InetAddress.getByName("203.0.113.7")).spam()).isZero();
    }

    @Test
    void mailOfTrustedSessionsShouldNotCount() throws Exception {
        for (int i = 0; i < 10; i++) {
            FakeMail authenticated = scored(true);
            authenticated.setAttribute(new Attribute(Mail.SMTP_AUTH_USER, AttributeValue.of("bob@mydomain.example")));
            mailet.service(authenticated);
            FakeMail authorizedNetwork = scored(true);
            authorizedNetwork.setAttribute(new Attribute(TrustedSessions.SMTP_IS_AUTH_NETWORK, AttributeValue.of(true)));
            mailet.service(authorizedNetwork);
        }

        assertThat(protection.analyzer().reputation(InetAddress.getByName("203.0.113.7")).spam()).isZero();
        assertThat(protection.reputationHits(scored(true))).isEmpty();
    }

    @Test
    void anyParameterShouldFailAtStartUp() {
        assertThatThrownBy(() -> new RecordSenderReputation(protection).init(FakeMailetConfig.builder()
                .mailetName("RecordSenderReputation").setProperty("threshold", "5").build()))
            .isInstanceOf(MessagingException.class);
    }
}
