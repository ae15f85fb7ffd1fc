package org.cleanmail.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import javax.mail.MessagingException;

import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.apache.james.protocols.smtp.hook.HookResult;
import org.apache.james.protocols.smtp.hook.HookReturnCode;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.cleanmail.core.blacklist.PersonalListKind;
import org.cleanmail.core.policy.DispositionAction;
import org.cleanmail.core.policy.DispositionReason;
import org.cleanmail.core.policy.EmbeddedPolicyStore;
import org.cleanmail.core.policy.Policy;
import org.cleanmail.core.policy.PolicyScope;
import org.cleanmail.core.quarantine.DeletionLog;
import org.cleanmail.core.quarantine.EmbeddedQuarantineIndex;
import org.cleanmail.core.scan.RuleHit;
import org.cleanmail.james.CleanMailAttributes;
import org.cleanmail.james.CleanMailConfiguration;
import org.cleanmail.james.CleanMailRuntime;
import org.cleanmail.james.policy.PolicyServices;
import org.cleanmail.james.policy.PolicySettings;
import org.cleanmail.james.policy.QuarantineRepository;
import org.cleanmail.james.sender.RefusalCounter;
import org.cleanmail.james.sender.SenderProtection;
import org.cleanmail.james.sender.SenderSettings;
import org.cleanmail.james.verdict.ScanVerdicts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpamRejectHookTest {
    private static final String GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    private static final String ALICE = "alice@mydomain.example";
    private static final String BOB = "bob@mydomain.example";

    private final EmbeddedPolicyStore store = EmbeddedPolicyStore.inMemory();
    private final DeletionLog deletionLog = DeletionLog.inMemory(CLOCK, 100);
    private RecordingMetricFactory metrics;
    private CleanMailRuntime runtime;
    private SenderProtection protection;
    private SpamRejectHook hook;

    @BeforeEach
    void setUp() {
        metrics = new RecordingMetricFactory();
        runtime = new CleanMailRuntime(CleanMailConfiguration.defaults(), metrics);
        protection = new SenderProtection(SenderSettings.from(Map.of(), Map.of()), Optional.empty(), CLOCK);
        PolicyServices policies = new PolicyServices(new PolicySettings(Optional.empty(), Duration.ZERO, 100), store,
            EmbeddedQuarantineIndex.inMemory(), deletionLog,
            new QuarantineRepository(null, "memory://var/mail/quarantine/"), CLOCK);
        hook = new SpamRejectHook(runtime, protection, policies, new SmtpRefusals(new RefusalCounter(metrics)), metrics);
    }

    private static Mail mail(String body, String... recipients) throws MessagingException {
        return FakeMail.builder()
            .name("mail1")
            .sender("spammer@outside.example")
            .recipients(recipients)
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder()
                .setSubject("offer")
                .addHeader("Message-ID", "<offer@outside.example>")
                .addHeader("X-CleanMail-Score", "-100.0")
                .setText(body))
            .build();
    }

    private void reject(String user) {
        store.put(PolicyScope.user(user), Policy.builder()
            .spamAction(DispositionAction.REJECT).certainSpamAction(DispositionAction.REJECT).build());
    }

    @Test
    void spamForRecipientsWhosePoliciesAllRejectShouldBeRefusedAndRecorded() throws Exception {
        reject(ALICE);
        reject(BOB);

        HookResult result = hook.onMessage(FakeSessions.from("203.0.113.7"), mail("buy\n" + GTUBE, ALICE, BOB));

        assertThat(result.getResult()).isEqualTo(HookReturnCode.deny());
        assertThat(result.getSmtpRetCode()).isEqualTo("550");
        assertThat(result.getSmtpDescription()).isEqualTo("5.7.1 Message refused as spam [CM-SPAM-CERTAIN]");
        assertThat(deletionLog.recent()).singleElement().satisfies(record -> {
            assertThat(record.action()).isEqualTo(DispositionAction.REJECT);
            assertThat(record.messageId()).isEqualTo("<offer@outside.example>");
            assertThat(record.sender()).isEqualTo("spammer@outside.example");
            assertThat(record.recipients()).containsExactly(ALICE, BOB);
            assertThat(record.reason()).isEqualTo(DispositionReason.CERTAIN_SPAM);
        });
        assertThat(metrics.countFor(SpamRejectHook.METRIC)).isEqualTo(2);
    }

    @Test
    void defaultPoliciesShouldNotEvenScanTheMessage() throws Exception {
        Mail mail = mail(GTUBE, ALICE);

        assertThat(hook.onMessage(FakeSessions.from("203.0.113.7"), mail)).isEqualTo(HookResult.DECLINED);
        assertThat(runtime.statistics().scanned()).isZero();
        assertThat(mail.getAttribute(CleanMailAttributes.SCORE)).isEmpty();
    }

    @Test
    void whenOnlySomeRecipientsRejectTheMessageShouldBeAcceptedWithItsVerdictRecordedForScoreMessage() throws Exception {
        reject(ALICE);
        Mail mail = mail("buy\n" + GTUBE, ALICE, BOB);

        HookResult result = hook.onMessage(FakeSessions.from("203.0.113.7"), mail);

        assertThat(result).isEqualTo(HookResult.DECLINED);
        assertThat(deletionLog.recent()).isEmpty();
        assertThat(runtime.statistics().scanned()).isEqualTo(1);
        assertThat(ScanVerdicts.result(mail).orElseThrow().hits()).extracting(RuleHit::name).contains("GTUBE");
        assertThat(mail.getAttribute(CleanMailAttributes.SCANNED_DIGEST)).isPresent();
        assertThat(mail.getMessage().getHeader("X-CleanMail-Score")).as("forged verdict header").isNull();
    }

    @Test
    void cleanMailShouldBeAcceptedEvenWhenEveryPolicyRejectsSpam() throws Exception {
        reject(ALICE);

        assertThat(hook.onMessage(FakeSessions.from("203.0.113.7"), mail("hello, lunch at noon?", ALICE)))
            .isEqualTo(HookResult.DECLINED);
        assertThat(deletionLog.recent()).isEmpty();
    }

    @Test
    void aWhiteListedSenderShouldNotBeRefused() throws Exception {
        reject(ALICE);
        protection.personalLists().add(ALICE, PersonalListKind.WHITELIST, "spammer@outside.example");

        assertThat(hook.onMessage(FakeSessions.from("203.0.113.7"), mail(GTUBE, ALICE))).isEqualTo(HookResult.DECLINED);
    }

    @Test
    void trustedSessionsShouldNeverBeRefusedNorScannedHere() throws Exception {
        reject(ALICE);

        assertThat(hook.onMessage(FakeSessions.relayingAllowed("127.0.0.1"), mail(GTUBE, ALICE)))
            .isEqualTo(HookResult.DECLINED);
        assertThat(hook.onMessage(FakeSessions.authenticated("203.0.113.9", ALICE), mail(GTUBE, ALICE)))
            .isEqualTo(HookResult.DECLINED);
        assertThat(runtime.statistics().scanned()).isZero();
    }

    @Test
    void refusedSpamShouldTeachTheFingerprintDatabase(@TempDir Path state) throws Exception {
        runtime = new CleanMailRuntime(CleanMailConfiguration.defaults(), metrics,
            CleanMailRuntime.openEngine(CleanMailConfiguration.defaults(), state));
        PolicyServices policies = new PolicyServices(new PolicySettings(Optional.empty(), Duration.ZERO, 100), store,
            EmbeddedQuarantineIndex.inMemory(), deletionLog,
            new QuarantineRepository(null, "memory://var/mail/quarantine/"), CLOCK);
        hook = new SpamRejectHook(runtime, protection, policies, new SmtpRefusals(new RefusalCounter(metrics)), metrics);
        reject(ALICE);
        String campaign = "Dear friend, our partners in the offshore banking sector guarantee returns of three hundred"
            + " percent within ninety days, with no risk and no paperwork whatsoever. Reply today.\n" + GTUBE;
        try {
            assertThat(hook.onMessage(FakeSessions.from("203.0.113.7"), mail(campaign, ALICE)).getResult())
                .isEqualTo(HookReturnCode.deny());

            assertThat(runtime.engine().fingerprintStore().orElseThrow().stats().total()).isPositive();
        } finally {
            runtime.close();
        }
    }

    @Test
    void reasonCodesShouldNameTheReason() {
        assertThat(SpamRejectHook.reasonCode(DispositionReason.SPAM)).isEqualTo("CM-SPAM");
        assertThat(SpamRejectHook.reasonCode(DispositionReason.BLACKLISTED)).isEqualTo("CM-SPAM-BL");
    }
}
