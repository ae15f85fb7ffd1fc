package org.cleanmail.mailets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.MimeMessage;

import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.cleanmail.core.scan.RawMessage;
import org.cleanmail.core.scan.RuleHit;
import org.cleanmail.core.scan.ScanResult;
import org.cleanmail.james.CleanMailAttributes;
import org.cleanmail.james.CleanMailConfiguration;
import org.cleanmail.james.CleanMailRuntime;
import org.cleanmail.james.RuleHitMetrics;
import org.cleanmail.james.sender.SenderProtection;
import org.cleanmail.james.sender.SenderSettings;
import org.cleanmail.james.verdict.CappedMessageReader;
import org.cleanmail.james.verdict.ScanVerdicts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ScoreMessageTest {
    private static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";
    private static final SenderProtection NO_REPUTATION = new SenderProtection(SenderSettings.from(Map.of(), Map.of()),
        Optional.empty(), Clock.systemUTC());

    private RecordingMetricFactory metricFactory;
    private CleanMailRuntime runtime;
    private ScoreMessage mailet;

    @BeforeEach
    void setUp() throws MessagingException {
        metricFactory = new RecordingMetricFactory();
        runtime = new CleanMailRuntime(CleanMailConfiguration.defaults(), metricFactory);
        mailet = new ScoreMessage(runtime, NO_REPUTATION);
        mailet.init(FakeMailetConfig.builder().mailetName("ScoreMessage").build());
    }

    private static Mail mail(String body) throws MessagingException {
        return FakeMail.builder()
            .name("mail1")
            .sender("alice@example.com")
            .recipient("bob@example.com")
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder()
                .setSubject("hello")
                .addFrom("alice@example.com")
                .addToRecipient("bob@example.com")
                .setText(body))
            .build();
    }

    @Test
    void serviceShouldMarkGtubeAsSpamInAttributesAndHeaders() throws MessagingException {
        Mail mail = mail("Test " + GTUBE);

        mailet.service(mail);

        assertThat(mail.getAttribute(CleanMailAttributes.SCORE).flatMap(a -> a.getValue().valueAs(Double.class)))
            .contains(1000.0);
        assertThat(mail.getAttribute(CleanMailAttributes.SPAM).flatMap(a -> a.getValue().valueAs(Boolean.class)))
            .contains(true);
        assertThat(mail.getAttribute(CleanMailAttributes.HITS).map(a -> (Object) a.getValue().value()))
            .contains(List.of(AttributeValue.of("GTUBE")));
        assertThat(mail.getMessage().getHeader(ScoreMessage.SCORE_HEADER)).containsExactly("1000.0");
        assertThat(mail.getMessage().getHeader(ScoreMessage.STATUS_HEADER))
            .containsExactly("Yes, score=1000.0 required=5.0 tests=GTUBE");
    }

    @Test
    void serviceShouldMarkOrdinaryMailAsNotSpam() throws MessagingException {
        Mail mail = mail("Shall we meet at noon?");

        mailet.service(mail);

        assertThat(mail.getAttribute(CleanMailAttributes.SCORE).flatMap(a -> a.getValue().valueAs(Double.class)))
            .contains(0.0);
        assertThat(mail.getAttribute(CleanMailAttributes.SPAM).flatMap(a -> a.getValue().valueAs(Boolean.class)))
            .contains(false);
        assertThat(mail.getMessage().getHeader(ScoreMessage.STATUS_HEADER))
            .containsExactly("No, score=0.0 required=5.0 tests=none");
    }

    @Test
    void serviceShouldReplaceForgedCleanMailHeaders() throws MessagingException {
        Mail mail = mail("Test " + GTUBE);
        mail.getMessage().addHeader(ScoreMessage.STATUS_HEADER, "No, score=-100.0 required=5.0 tests=FORGED");
        mail.getMessage().addHeader(ScoreMessage.SCORE_HEADER, "-100.0");

        mailet.service(mail);

        assertThat(mail.getMessage().getHeader(ScoreMessage.SCORE_HEADER)).containsExactly("1000.0");
        assertThat(mail.getMessage().getHeader(ScoreMessage.STATUS_HEADER)).hasSize(1);
    }

    @Test
    void aVerdictRecordedForTheSameBytesShouldBeReusedNotScannedAgain() throws Exception {
        Mail mail = mail("Test " + GTUBE);
        RawMessage raw = CappedMessageReader.read(mail.getMessage(), 1 << 20);
        ScanResult earlier = new ScanResult(List.of(new RuleHit("EARLIER_RULE", 7.5, "found at the end of DATA")), false);
        ScanVerdicts.record(mail, earlier, 5.0, ScanVerdicts.digest(raw));

        mailet.service(mail);

        assertThat(runtime.statistics().scanned()).isZero();
        assertThat(mail.getMessage().getHeader(ScoreMessage.STATUS_HEADER))
            .containsExactly("Yes, score=7.5 required=5.0 tests=EARLIER_RULE");
        assertThat(ScanVerdicts.result(mail).orElseThrow().hits()).containsExactly(earlier.hits().get(0));
    }

    @Test
    void aVerdictRecordedForOtherBytesShouldBeIgnoredAndTheMessageScanned() throws Exception {
        Mail mail = mail("Test " + GTUBE);
        RawMessage raw = CappedMessageReader.read(mail.getMessage(), 1 << 20);
        ScanVerdicts.record(mail, new ScanResult(List.of(), false), 5.0, ScanVerdicts.digest(raw));
        mail.getMessage().setSubject("changed after the verdict");
        mail.getMessage().saveChanges();

        mailet.service(mail);

        assertThat(runtime.statistics().scanned()).isEqualTo(1);
        assertThat(mail.getAttribute(CleanMailAttributes.SCORE).flatMap(a -> a.getValue().valueAs(Double.class)))
            .contains(1000.0);
    }

    @Test
    void serviceShouldCountScannedMessagesInStatisticsAndMetrics() throws MessagingException {
        mailet.service(mail("Test " + GTUBE));
        mailet.service(mail("ordinary"));

        assertThat(runtime.statistics().scanned()).isEqualTo(2);
        assertThat(runtime.statistics().spam()).isEqualTo(1);
        assertThat(metricFactory.countFor(CleanMailRuntime.METRIC_SCANNED)).isEqualTo(2);
        assertThat(metricFactory.countFor(CleanMailRuntime.METRIC_SPAM)).isEqualTo(1);
        assertThat(metricFactory.executionTimesFor(CleanMailRuntime.METRIC_SCAN_TIME)).hasSize(2);
    }

    @Test
    void serviceShouldCountHitsPerRuleInMetricsForRulesThatFire() throws MessagingException {
        Set<String> fired = new HashSet<>();
        for (String body : List.of("Test " + GTUBE, "Again " + GTUBE, "ordinary")) {
            Mail mail = mail(body);
            mailet.service(mail);
            fired.addAll(hitNames(mail));
        }

        assertThat(metricFactory.countFor(RuleHitMetrics.PREFIX + "GTUBE")).isEqualTo(2);
        assertThat(metricFactory.countForPrefixName(RuleHitMetrics.PREFIX).keySet())
            .containsExactlyInAnyOrderElementsOf(fired.stream().map(name -> RuleHitMetrics.PREFIX + name)
                .collect(Collectors.toList()));
    }

    private static List<String> hitNames(Mail mail) {
        return mail.getAttribute(CleanMailAttributes.HITS)
            .map(attribute -> ((Collection<?>) attribute.getValue().value()).stream()
                .map(value -> String.valueOf(((AttributeValue<?>) value).value()))
                .collect(Collectors.toList()))
            .orElse(List.of());
    }

    @Test
    void serviceShouldScanOnlyTheHeadOfMessagesOverTheCap() throws MessagingException {
        runtime = new CleanMailRuntime(new CleanMailConfiguration(5.0, 2048, "memory://var/mail/q/"), metricFactory);
        mailet = new ScoreMessage(runtime, NO_REPUTATION);
        mailet.init(FakeMailetConfig.builder().mailetName("ScoreMessage").build());
        Mail mail = mail("x".repeat(10_000) + GTUBE);

        mailet.service(mail);

        assertThat(mail.getMessage().getHeader(ScoreMessage.STATUS_HEADER))
            .containsExactly("No, score=0.0 required=5.0 tests=none truncated=yes");
        assertThat(runtime.statistics().truncated()).isEqualTo(1);
    }

    @Test
    void serviceShouldPropagateAFailureToReadTheMessage() throws MessagingException {
        Mail mail = FakeMail.builder().name("broken").recipient("bob@example.com")
            .mimeMessage(new UnreadableMessage()).build();

        assertThatThrownBy(() -> mailet.service(mail))
            .isInstanceOf(MessagingException.class)
            .hasMessage("Cannot read the message to scan it");
    }

    @Test
    void serviceShouldAddTheSendingClientsBadReputationToTheScore() throws MessagingException {
        SenderProtection protection = new SenderProtection(SenderSettings.from(Map.of(), Map.of()), Optional.empty(),
            Clock.systemUTC());
        for (int i = 0; i < 20; i++) {
            protection.recordScan("192.0.2.7", true);
        }
        mailet = new ScoreMessage(runtime, protection);
        mailet.init(FakeMailetConfig.builder().mailetName("ScoreMessage").build());
        Mail mail = FakeMail.builder().name("from-a-spam-source").sender("alice@example.com").recipient("bob@example.com")
            .remoteAddr("192.0.2.7")
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("hello").setText("ordinary text"))
            .build();

        mailet.service(mail);

        assertThat(mail.getAttribute(CleanMailAttributes.HITS).map(a -> (Object) a.getValue().value()))
            .contains(List.of(AttributeValue.of("SENDER_BAD_REPUTATION")));
        assertThat(mail.getAttribute(CleanMailAttributes.SCORE).flatMap(a -> a.getValue().valueAs(Double.class)))
            .hasValueSatisfying(score -> assertThat(score).isPositive());
    }

    @Nested
    class Configuration {
        @Test
        void thresholdParameterShouldOverrideTheConfiguredOne() throws MessagingException {
            mailet.init(FakeMailetConfig.builder().mailetName("ScoreMessage").setProperty("threshold", "2000").build());
            Mail mail = mail("Test " + GTUBE);

            mailet.service(mail);

            assertThat(mail.getAttribute(CleanMailAttributes.SPAM).flatMap(a -> a.getValue().valueAs(Boolean.class)))
                .contains(false);
            assertThat(mail.getMessage().getHeader(ScoreMessage.STATUS_HEADER))
                .containsExactly("No, score=1000.0 required=2000.0 tests=GTUBE");
        }

        @Test
        void addHeadersFalseShouldLeaveTheMessageAlone() throws MessagingException {
            mailet.init(FakeMailetConfig.builder().mailetName("ScoreMessage").setProperty("addHeaders", "false").build());
            Mail mail = mail("Test " + GTUBE);

            mailet.service(mail);

            assertThat(mail.getMessage().getHeader(ScoreMessage.STATUS_HEADER)).isNull();
            assertThat(mail.getAttribute(CleanMailAttributes.SCORE)).isPresent();
        }

        @Test
        void initShouldRejectAThresholdThatIsNotANumber() {
            assertThatThrownBy(() -> mailet.init(FakeMailetConfig.builder().mailetName("ScoreMessage")
                    .setProperty("threshold", "high").build()))
                .hasMessage("mailet ScoreMessage: 'threshold' must be a number, e.g. <threshold>5.0</threshold>; got 'high'");
        }

        @Test
        void initShouldRejectAMisspelledBoolean() {
            assertThatThrownBy(() -> mailet.init(FakeMailetConfig.builder().mailetName("ScoreMessage")
                    .setProperty("addHeaders", "treu").build()))
                .hasMessageContaining("'addHeaders' must be true or false");
        }

        @Test
        void initShouldRejectUnknownParameters() {
            assertThatThrownBy(() -> mailet.init(FakeMailetConfig.builder().mailetName("ScoreMessage")
                    .setProperty("treshold", "5").build()))
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("treshold");
        }
    }

    /** A message whose content cannot be read, as when the spool's storage fails. */
    private static final class UnreadableMessage extends MimeMessage {
        UnreadableMessage() {
            super((Session) null);
        }

        @Override
        public void writeTo(OutputStream os) throws IOException {
            throw new IOException("disk gone");
        }

        @Override
        public InputStream getInputStream() throws IOException {
            throw new IOException("disk gone");
        }
    }
}
