package org.cleanmail.mailets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.mail.MessagingException;

import org.apache.james.core.MailAddress;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.mailrepository.api.MailKey;
import org.apache.james.mailrepository.memory.MemoryMailRepository;
import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.cleanmail.core.blacklist.PersonalListKind;
import org.cleanmail.core.policy.DispositionAction;
import org.cleanmail.core.policy.DispositionReason;
import org.cleanmail.core.policy.EmbeddedPolicyStore;
import org.cleanmail.core.policy.Policy;
import org.cleanmail.core.policy.PolicyScope;
import org.cleanmail.core.quarantine.DeletionLog;
import org.cleanmail.core.quarantine.EmbeddedQuarantineIndex;
import org.cleanmail.core.quarantine.QuarantineEntry;
import org.cleanmail.core.quarantine.QuarantineQuery;
import org.cleanmail.james.CleanMailAttributes;
import org.cleanmail.james.policy.PolicyServices;
import org.cleanmail.james.policy.PolicySettings;
import org.cleanmail.james.policy.QuarantineRepository;
import org.cleanmail.james.sender.SenderProtection;
import org.cleanmail.james.sender.SenderSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableList;

class DisposeTest {
    private static final String QUARANTINE_URL = "memory://var/mail/quarantine/";
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String TAGGED = "tagged@example.com";
    private static final String QUARANTINED = "quarantined@example.com";
    private static final String CLEAN = "clean@example.com";

    private final MemoryMailRepository repository = new MemoryMailRepository();
    private final EmbeddedPolicyStore store = EmbeddedPolicyStore.inMemory();
    private final EmbeddedQuarantineIndex index = EmbeddedQuarantineIndex.inMemory();
    private final DeletionLog deletionLog = DeletionLog.inMemory(CLOCK, 100);
    private final FakeMailContext context = FakeMailContext.defaultContext();
    private final RecordingMetricFactory metricFactory = new RecordingMetricFactory();
    private SenderProtection senderProtection;
    private Dispose mailet;

    @BeforeEach
    void setUp() throws MessagingException {
        PolicyServices services = new PolicyServices(new PolicySettings(Optional.empty(), Duration.ZERO, 100), store,
            index, deletionLog, new QuarantineRepository(new QuarantineTest.OneRepositoryStore(QUARANTINE_URL, repository),
            QUARANTINE_URL), CLOCK);
        senderProtection = new SenderProtection(SenderSettings.from(Map.of(), Map.of()), Optional.empty(), CLOCK);
        mailet = new Dispose(services, senderProtection, metricFactory);
        mailet.init(FakeMailetConfig.builder().mailetName("Dispose").mailetContext(context).build());
    }

    private static Mail scored(double score, String... recipients) throws MessagingException {
        return FakeMail.builder()
            .name("mail1")
            .sender("spammer@example.org")
            .recipients(recipients)
            .attribute(new Attribute(CleanMailAttributes.SCORE, AttributeValue.of(score)))
            .attribute(new Attribute(CleanMailAttributes.HITS, AttributeValue.of(List.of(AttributeValue.of("GTUBE")))))
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("buy").setText("now")
                .addHeader("Message-ID", "<m1@example.org>"))
            .build();
    }

    private void policy(String user, Policy policy) {
        store.put(PolicyScope.user(user), policy);
    }

    private static List<String> addresses(java.util.Collection<MailAddress> recipients) {
        return recipients.stream().map(MailAddress::asString).collect(Collectors.toList());
    }

    @Test
    void threeRecipientsWithThreePoliciesShouldGetThreeOutcomesWithoutLosingOrDuplicatingAny() throws Exception {
        policy(TAGGED, Policy.builder().spamAction(DispositionAction.DELIVER_TAGGED).build());
        policy(CLEAN, Policy.builder().spamThreshold(50.0).certainSpamThreshold(2000.0).build());
        Mail mail = scored(10.0, TAGGED, QUARANTINED, CLEAN);

        mailet.service(mail);

        assertThat(mail.getState()).isNotEqualTo(Mail.GHOST);
        assertThat(addresses(mail.getRecipients())).containsExactly(CLEAN);
        assertThat(mail.getMessage().getSubject()).isEqualTo("buy");
        assertThat(context.getSentMails()).hasSize(1);
        FakeMailContext.SentMail tagged = context.getSentMails().get(0);
        assertThat(tagged.getState()).isEqualTo("transport");
        assertThat(addresses(tagged.getRecipients())).containsExactly(TAGGED);
        assertThat(tagged.getMsg().getSubject()).isEqualTo("[SPAM] buy");
        assertThat(tagged.getMsg().getHeader("X-CleanMail-Status")[0]).startsWith("Yes, score=10.0 required=5.0");
        ImmutableList<MailKey> keys = ImmutableList.copyOf(repository.list());
        assertThat(keys).hasSize(1);
        assertThat(addresses(repository.retrieve(keys.get(0)).getRecipients())).containsExactly(QUARANTINED);
        assertThat(index.list(QuarantineQuery.all()).entries()).extracting(QuarantineEntry::recipient)
            .containsExactly(QUARANTINED);
        assertThat(metricFactory.countFor("cleanmail.disposition.deliver")).isEqualTo(1);
        assertThat(metricFactory.countFor("cleanmail.disposition.deliver_tagged")).isEqualTo(1);
        assertThat(metricFactory.countFor("cleanmail.disposition.quarantine")).isEqualTo(1);
    }

    @Test
    void quarantineShouldIndexScoreHitsReasonArrivalAndExpiry() throws Exception {
        policy(QUARANTINED, Policy.builder().quarantineRetentionDays(3).build());

        mailet.service(scored(20.0, QUARANTINED));

        QuarantineEntry entry = index.listOf(QUARANTINED, QuarantineQuery.all()).entries().get(0);
        assertThat(entry.score()).isEqualTo(20.0);
        assertThat(entry.hits()).containsExactly("GTUBE");
        assertThat(entry.reason()).isEqualTo(DispositionReason.CERTAIN_SPAM);
        assertThat(entry.arrival()).isEqualTo(NOW);
        assertThat(entry.expiry()).isEqualTo(NOW.plus(Duration.ofDays(3)));
        assertThat(entry.sender()).isEqualTo("spammer@example.org");
        assertThat(entry.subject()).isEqualTo("buy");
    }

    @Test
    void everyRecipientQuarantinedShouldEndTheMail() throws Exception {
        Mail mail = scored(20.0, QUARANTINED, TAGGED);

        mailet.service(mail);

        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        assertThat(repository.size()).isEqualTo(1);
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void cleanMailShouldGoOnUnchanged() throws Exception {
        Mail mail = scored(1.0, CLEAN, TAGGED);

        mailet.service(mail);

        assertThat(mail.getState()).isNotEqualTo(Mail.GHOST);
        assertThat(addresses(mail.getRecipients())).containsExactly(CLEAN, TAGGED);
        assertThat(context.getSentMails()).isEmpty();
        assertThat(repository.size()).isZero();
    }

    @Test
    void deleteShouldRecordTheDeletionAndEndTheMail() throws Exception {
        policy(CLEAN, Policy.builder().certainSpamAction(DispositionAction.DELETE).build());
        Mail mail = scored(20.0, CLEAN);

        mailet.service(mail);

        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        assertThat(repository.size()).isZero();
        assertThat(deletionLog.recent()).singleElement().satisfies(record -> {
            assertThat(record.messageId()).isEqualTo("<m1@example.org>");
            assertThat(record.recipients()).containsExactly(CLEAN);
            assertThat(record.reason()).isEqualTo(DispositionReason.CERTAIN_SPAM);
        });
    }

    @Test
    void rejectShouldQuarantineOnceJamesHasAcceptedTheMail() throws Exception {
        policy(CLEAN, Policy.builder().spamAction(DispositionAction.REJECT).build());

        mailet.service(scored(6.0, CLEAN));

        assertThat(index.listOf(CLEAN, QuarantineQuery.all()).entries()).singleElement()
            .satisfies(entry -> assertThat(entry.reason()).isEqualTo(DispositionReason.SPAM));
    }

    @Test
    void spamFolderShouldCarryJamesStorageDirectiveAndSpamAssassinHeadersWhenAsked() throws Exception {
        policy(TAGGED, Policy.builder().spamAction(DispositionAction.DELIVER_TO_SPAM_FOLDER)
            .addSpamAssassinHeaders(true).subjectPrefix("").build());

        mailet.service(scored(6.0, TAGGED));

        FakeMailContext.SentMail sent = context.getSentMails().get(0);
        assertThat(sent.getAttributes().keySet()).extracting(AttributeName::asString).contains("DeliveryPath_" + TAGGED);
        assertThat(sent.getAttributes().get(AttributeName.of("DeliveryPath_" + TAGGED)).getValue().value())
            .isEqualTo("Spam");
        assertThat(sent.getMsg().getHeader("X-Spam-Flag")[0]).isEqualTo("YES");
        assertThat(sent.getMsg().getSubject()).isEqualTo("buy");
    }

    @Test
    void personalListsShouldApplyOnlyWhenThePolicyEnablesThem() throws Exception {
        senderProtection.personalLists().add(CLEAN, PersonalListKind.WHITELIST, "spammer@example.org");
        senderProtection.personalLists().add(TAGGED, PersonalListKind.WHITELIST, "spammer@example.org");
        policy(TAGGED, Policy.builder().personalListsEnabled(false).build());
        Mail mail = scored(20.0, CLEAN, TAGGED);

        mailet.service(mail);

        assertThat(addresses(mail.getRecipients())).containsExactly(CLEAN);
        assertThat(index.listOf(TAGGED, QuarantineQuery.all()).entries()).hasSize(1);
    }

    @Test
    void releasedMailShouldPassUntouched() throws Exception {
        Mail mail = scored(20.0, QUARANTINED);
        mail.setAttribute(new Attribute(CleanMailAttributes.RELEASED, AttributeValue.of(true)));

        mailet.service(mail);

        assertThat(mail.getState()).isNotEqualTo(Mail.GHOST);
        assertThat(repository.size()).isZero();
    }

    @Test
    void aForgedReleaseMarkShouldBeRemovedAndTheMailDisposedOf() throws Exception {
        Mail mail = scored(20.0, QUARANTINED);
        mail.getMessage().setHeader("X-CleanMail-Released", "yes");

        mailet.service(mail);

        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        Mail stored = repository.retrieve(ImmutableList.copyOf(repository.list()).get(0));
        assertThat(stored.getMessage().getHeader("X-CleanMail-Released")).isNull();
    }

    @Test
    void unscoredMailShouldFail() throws Exception {
        Mail mail = FakeMail.builder().name("m").recipient(CLEAN)
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setText("x")).build();

        assertThatThrownBy(() -> mailet.service(mail)).isInstanceOf(MessagingException.class)
            .hasMessageContaining("put org.cleanmail.mailets.ScoreMessage before Dispose");
    }

    @Test
    void unknownParameterShouldFailAtInit() {
        assertThatThrownBy(() -> mailet.init(FakeMailetConfig.builder().mailetName("Dispose")
            .setProperty("spamFoldr", "Junk").build())).isInstanceOf(MessagingException.class);
    }
}
