package org.cleanmail.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.apache.james.protocols.api.Response;
import org.apache.james.protocols.smtp.SMTPSession;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.mailet.base.test.FakeMail;
import org.cleanmail.core.blacklist.BlacklistEntry;
import org.cleanmail.core.blacklist.EntryKind;
import org.cleanmail.james.sender.RefusalCounter;
import org.cleanmail.james.sender.SenderProtection;
import org.cleanmail.james.sender.SenderSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SmtpHooksTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    private static final String DOMAIN = "mydomain.example";
    private static final Set<String> KNOWN = Set.of("alice@" + DOMAIN);
    private static final RecipientDirectory DIRECTORY = recipient ->
        recipient.getDomain().asString().equals(DOMAIN) && !KNOWN.contains(recipient.asString());

    private RecordingMetricFactory metrics;
    private SenderProtection protection;
    private SmtpRefusals refusals;

    @BeforeEach
    void setUp() {
        metrics = new RecordingMetricFactory();
        protection = protection(Map.of());
        refusals = new SmtpRefusals(new RefusalCounter(metrics));
    }

    private static SenderProtection protection(Map<String, String> blacklistSection) {
        return new SenderProtection(SenderSettings.from(Map.of("max-concurrent-connections", "2"), blacklistSection),
            Optional.empty(), CLOCK);
    }

    private void blacklist(EntryKind kind, String value) {
        protection.blacklist().add(BlacklistEntry.builder(kind, value).added(CLOCK.instant()).build());
    }

    @Nested
    class HarvestGuard {
        private HarvestGuardHook hook;

        @BeforeEach
        void setUp() {
            hook = new HarvestGuardHook(protection, refusals, DIRECTORY);
        }

        private HookResult rcpt(SMTPSession session, String recipient) throws Exception {
            return hook.doRcpt(session, MaybeSender.getMailSender("someone@outside.example"), new MailAddress(recipient));
        }

        @Test
        void shouldDeclineUnknownRecipientsUpToTheThresholdThenDenyEveryRecipient() throws Exception {
            SMTPSession session = FakeSessions.from("203.0.113.7");
            for (int i = 1; i <= 10; i++) {
                assertThat(rcpt(session, "nobody" + i + "@" + DOMAIN)).isEqualTo(HookResult.DECLINED);
            }

            HookResult eleventh = rcpt(session, "nobody11@" + DOMAIN);
            HookResult known = rcpt(session, "alice@" + DOMAIN);

            assertThat(eleventh.getResult()).isEqualTo(HookReturnCode.deny());
            assertThat(eleventh.getSmtpRetCode()).isEqualTo("550");
            assertThat(eleventh.getSmtpDescription()).isEqualTo("5.7.1 Recipients refused to your address [CM-HARVEST]");
            assertThat(known.getResult()).isEqualTo(HookReturnCode.deny());
            assertThat(metrics.countFor("cleanmail.smtp.refused.harvest")).isEqualTo(2);
        }

        @Test
        void shouldNeverAnswerOkSoThatTheRelayCheckRuns() throws Exception {
            SMTPSession session = FakeSessions.from("203.0.113.7");

            assertThat(rcpt(session, "alice@" + DOMAIN)).isEqualTo(HookResult.DECLINED);
            assertThat(rcpt(session, "victim@remote.example")).isEqualTo(HookResult.DECLINED);
        }

        @Test
        void shouldNotCountTrustedOrAuthenticatedSessions() throws Exception {
            for (SMTPSession session : new SMTPSession[] {FakeSessions.relayingAllowed("203.0.113.8"),
                FakeSessions.authenticated("203.0.113.9", "bob@" + DOMAIN)}) {
                for (int i = 1; i <= 20; i++) {
                    assertThat(rcpt(session, "nobody" + i + "@" + DOMAIN)).isEqualTo(HookResult.DECLINED);
                }
            }
            assertThat(protection.analyzer().flags()).isEmpty();
        }

        @Test
        void shouldTemporarilyRefuseWhenBlocksAreNotPermanent() throws Exception {
            SenderProtection soft = new SenderProtection(SenderSettings.from(Map.of("permanent-block", "false"), Map.of()),
                Optional.empty(), CLOCK);
            HarvestGuardHook softHook = new HarvestGuardHook(soft, refusals, DIRECTORY);
            SMTPSession session = FakeSessions.from("203.0.113.7");
            HookResult last = HookResult.DECLINED;
            for (int i = 1; i <= 11; i++) {
                last = softHook.doRcpt(session, MaybeSender.nullSender(), new MailAddress("n" + i + "@" + DOMAIN));
            }

            assertThat(last.getResult()).isEqualTo(HookReturnCode.denySoft());
            assertThat(last.getSmtpRetCode()).isEqualTo("450");
        }
    }

    @Nested
    class Connection {
        private SenderConnectionHandler handler;

        @BeforeEach
        void setUp() {
            handler = new SenderConnectionHandler(protection, refusals);
        }

        @Test
        void blacklistedClientShouldGetA554ThatEndsTheSession() {
            blacklist(EntryKind.CIDR, "203.0.113.0/24");

            Response response = handler.onConnect(FakeSessions.from("203.0.113.7"));

            assertThat(response.getRetCode()).isEqualTo("554");
            assertThat(response.getLines()).containsExactly("554 5.7.1 Connection refused [CM-BL-NET]");
            assertThat(response.isEndSession()).isTrue();
            assertThat(metrics.countFor("cleanmail.smtp.refused.bl-net")).isEqualTo(1);
        }

        @Test
        void allowedClientShouldGetAnEmptyReplyNeverNull() {
            Response response = handler.onConnect(FakeSessions.from("203.0.113.7"));

            assertThat(response).isNotNull();
            assertThat(response.getLines()).isEmpty();
            assertThat(response.isEndSession()).isFalse();
        }

        @Test
        void tooManyOpenConnectionsShouldBeRefusedUntilOneCloses() {
            SMTPSession first = FakeSessions.from("203.0.113.7");
            handler.onConnect(first);
            handler.onConnect(FakeSessions.from("203.0.113.7"));
            SMTPSession third = FakeSessions.from("203.0.113.7");

            assertThat(handler.onConnect(third).getLines())
                .containsExactly("421 4.7.0 Too many connections at once, try again later [CM-CONCURRENCY]");
            handler.onDisconnect(third);
            handler.onDisconnect(first);
            assertThat(handler.onConnect(FakeSessions.from("203.0.113.7")).getLines()).isEmpty();
        }

        @Test
        void blacklistShouldNotRefuseWhenTaggingIsPreferred() {
            protection = protection(Map.of("refuse-at-smtp", "false"));
            blacklist(EntryKind.IP, "203.0.113.7");
            handler = new SenderConnectionHandler(protection, refusals);

            assertThat(handler.onConnect(FakeSessions.from("203.0.113.7")).getLines()).isEmpty();
        }

        @Test
        void trustedSessionShouldNotBeCounted() {
            for (int i = 0; i < 5; i++) {
                assertThat(handler.onConnect(FakeSessions.relayingAllowed("203.0.113.7")).getLines()).isEmpty();
            }
            assertThat(protection.analyzer().openConnections(FakeSessions.from("203.0.113.7").getRemoteAddress()
                .getAddress())).isZero();
        }
    }

    @Nested
    class HeloAndSender {
        @Test
        void blacklistedHeloShouldBeDenied() {
            blacklist(EntryKind.HELO, "evil.example");
            BlacklistedHeloHook hook = new BlacklistedHeloHook(protection, refusals);

            HookResult result = hook.doHelo(FakeSessions.from("203.0.113.7"), "EVIL.example");

            assertThat(result.getResult()).isEqualTo(HookReturnCode.deny());
            assertThat(result.getSmtpDescription()).isEqualTo("5.7.1 HELO name refused [CM-BL-HELO]");
            assertThat(hook.doHelo(FakeSessions.from("203.0.113.7"), "fine.example")).isEqualTo(HookResult.DECLINED);
        }

        @Test
        void blacklistedDomainShouldBeDeniedButNotTheNullSender() throws Exception {
            blacklist(EntryKind.DOMAIN, "*.spam.example");
            BlacklistedSenderHook hook = new BlacklistedSenderHook(protection, refusals);

            HookResult result = hook.doMail(FakeSessions.from("203.0.113.7"),
                MaybeSender.getMailSender("a@news.spam.example"));

            assertThat(result.getSmtpRetCode()).isEqualTo("550");
            assertThat(result.getSmtpDescription()).isEqualTo("5.7.1 Sender refused [CM-BL-DOMAIN]");
            assertThat(hook.doMail(FakeSessions.from("203.0.113.7"), MaybeSender.nullSender()))
                .isEqualTo(HookResult.DECLINED);
            assertThat(hook.doMail(FakeSessions.relayingAllowed("127.0.0.1"), MaybeSender.getMailSender("a@spam.example")))
                .isEqualTo(HookResult.DECLINED);
        }
    }

    @Nested
    class MessageRate {
        @Test
        void messagesOverTheLimitShouldBeDeniedSoftly() throws Exception {
            SenderProtection strict = new SenderProtection(
                SenderSettings.from(Map.of("max-messages-per-window", "2"), Map.of()), Optional.empty(), CLOCK);
            MessageRateHook hook = new MessageRateHook(strict, refusals);
            SMTPSession session = FakeSessions.from("203.0.113.7");
            FakeMail mail = FakeMail.builder().name("m1").recipient("alice@" + DOMAIN).build();

            assertThat(hook.onMessage(session, mail)).isEqualTo(HookResult.DECLINED);
            assertThat(hook.onMessage(session, mail)).isEqualTo(HookResult.DECLINED);
            HookResult third = hook.onMessage(session, mail);

            assertThat(third.getResult()).isEqualTo(HookReturnCode.denySoft());
            assertThat(third.getSmtpRetCode()).isEqualTo("451");
            assertThat(third.getSmtpDescription()).isEqualTo("4.7.1 Too many messages, try again later [CM-RATE-MSG]");
            assertThat(metrics.countFor("cleanmail.smtp.refused.rate-msg")).isEqualTo(1);
        }
    }
}
