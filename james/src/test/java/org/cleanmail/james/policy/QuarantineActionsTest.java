package org.cleanmail.james.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;


import org.apache.james.core.MailAddress;
import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryPath;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.mailrepository.api.Protocol;
import org.apache.james.mailrepository.memory.MemoryMailRepository;
import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailContext;
import org.awaitility.Awaitility;
import org.cleanmail.core.policy.DispositionReason;
import org.cleanmail.core.policy.EmbeddedPolicyStore;
import org.cleanmail.core.quarantine.DeletionLog;
import org.cleanmail.core.quarantine.EmbeddedQuarantineIndex;
import org.cleanmail.core.quarantine.QuarantineEntry;
import org.cleanmail.core.quarantine.QuarantineEntryId;
import org.cleanmail.james.CleanMailAttributes;
import org.cleanmail.james.CleanMailConfiguration;
import org.cleanmail.james.CleanMailRuntime;
import org.cleanmail.james.sender.SenderProtection;
import org.cleanmail.james.sender.SenderSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QuarantineActionsTest {
    private static final String URL = "memory://var/mail/quarantine/";
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String ALICE = "alice@example.com";
    private static final String BOB = "bob@example.com";

    private final MemoryMailRepository repository = new MemoryMailRepository();
    private final EmbeddedQuarantineIndex index = EmbeddedQuarantineIndex.inMemory();
    private final FakeMailContext context = FakeMailContext.defaultContext();
    private SenderProtection senderProtection;
    private QuarantineActions actions;
    private CleanMailRuntime runtime;
    private String key;

    @BeforeEach
    void setUp() throws Exception {
        PolicyServices services = new PolicyServices(new PolicySettings(Optional.empty(), Duration.ZERO, 10),
            EmbeddedPolicyStore.inMemory(), index, DeletionLog.inMemory(CLOCK, 10),
            new QuarantineRepository(new SingleRepositoryStore(repository), URL), CLOCK);
        senderProtection = new SenderProtection(SenderSettings.from(Map.of(), Map.of()), Optional.empty(), CLOCK);
        runtime = new CleanMailRuntime(new CleanMailConfiguration(5.0, 4096, URL),
            new RecordingMetricFactory());
        actions = new QuarantineActions(services, runtime, senderProtection, context);
        key = repository.store(FakeMail.builder()
            .name("spam1")
            .sender("spammer@example.org")
            .recipients(ALICE, BOB)
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("buy").setText("now"))
            .build()).asString();
        for (String recipient : List.of(ALICE, BOB)) {
            index.add(QuarantineEntry.builder().mailKey(key).recipient(recipient).sender("spammer@example.org")
                .subject("buy").score(20.0).hits(List.of("GTUBE")).reason(DispositionReason.CERTAIN_SPAM)
                .arrival(NOW).retention(Duration.ofDays(15)).build());
        }
    }

    @Test
    void releaseShouldDeliverToThatRecipientOnlyWithTheReleaseMark() throws Exception {
        assertThat(actions.release(QuarantineEntryId.of(key, ALICE), false)).isEqualTo(QuarantineActions.Outcome.DONE);

        assertThat(context.getSentMails()).singleElement().satisfies(sent -> {
            assertThat(sent.getState()).isEqualTo("transport");
            assertThat(sent.getRecipients()).containsExactly(new MailAddress(ALICE));
            assertThat(sent.getMsg().getHeader(QuarantineActions.RELEASED_HEADER)).containsExactly("yes");
            assertThat(sent.getAttributes()).containsKey(CleanMailAttributes.RELEASED);
        });
        assertThat(index.get(QuarantineEntryId.of(key, ALICE))).hasValueSatisfying(entry ->
            assertThat(entry.released()).isTrue());
        assertThat(repository.size()).isEqualTo(1);
    }

    @Test
    void aReleaseShouldTeachTheBayesFilterTheMailAsHam() throws Exception {
        assertThat(runtime.engine().bayes().orElseThrow().statistics().hamMessages()).isZero();

        actions.release(QuarantineEntryId.of(key, ALICE), false);

        assertThat(runtime.engine().bayes().orElseThrow().statistics().hamMessages()).isEqualTo(1);
        assertThat(runtime.engine().bayes().orElseThrow().statistics().spamMessages()).isZero();
    }

    @Test
    void releasingTwiceShouldBeRefused() throws Exception {
        actions.release(QuarantineEntryId.of(key, ALICE), false);

        assertThat(actions.release(QuarantineEntryId.of(key, ALICE), false)).isEqualTo(QuarantineActions.Outcome.BUSY);
        assertThat(context.getSentMails()).hasSize(1);
    }

    @Test
    void theMailShouldLeaveTheRepositoryOnceNoRecipientHoldsIt() throws Exception {
        actions.release(QuarantineEntryId.of(key, ALICE), false);
        actions.delete(QuarantineEntryId.of(key, BOB));

        assertThat(repository.size()).isZero();
        assertThat(index.size()).isZero();
    }

    @Test
    void deleteShouldKeepTheMailForOtherRecipients() throws Exception {
        assertThat(actions.delete(QuarantineEntryId.of(key, ALICE))).isEqualTo(QuarantineActions.Outcome.DONE);

        assertThat(repository.size()).isEqualTo(1);
        assertThat(index.entriesOfMail(key)).extracting(QuarantineEntry::recipient).containsExactly(BOB);
        assertThat(context.getSentMails()).isEmpty();
    }

    @Test
    void releaseAndWhitelistShouldAddTheSenderToTheRecipientsWhiteList() throws Exception {
        actions.release(QuarantineEntryId.of(key, BOB), true);

        assertThat(senderProtection.personalLists().listOf(BOB).whitelist()).containsExactly("spammer@example.org");
        assertThat(senderProtection.personalLists().listOf(ALICE).whitelist()).isEmpty();
    }

    @Test
    void unknownEntriesShouldNotBeFound() throws Exception {
        assertThat(actions.release(QuarantineEntryId.of(key, "carol@example.com"), false))
            .isEqualTo(QuarantineActions.Outcome.NOT_FOUND);
        assertThat(actions.delete(QuarantineEntryId.of("nokey", ALICE))).isEqualTo(QuarantineActions.Outcome.NOT_FOUND);
    }

    @Test
    void aMailGoneFromTheRepositoryShouldNotBeFoundAndItsEntryStayReleasable() throws Exception {
        repository.removeAll();

        assertThat(actions.release(QuarantineEntryId.of(key, ALICE), false)).isEqualTo(QuarantineActions.Outcome.NOT_FOUND);
        assertThat(index.beginRelease(QuarantineEntryId.of(key, ALICE))).isTrue();
    }

    @Test
    void thePeriodicPurgeShouldRemoveExpiredEntriesAndTheirMail() throws Exception {
        Clock later = Clock.fixed(NOW.plus(Duration.ofDays(16)), ZoneOffset.UTC);
        try (PolicyServices periodic = new PolicyServices(new PolicySettings(Optional.empty(), Duration.ofMillis(20), 10),
            EmbeddedPolicyStore.inMemory(), index, DeletionLog.inMemory(later, 10),
            new QuarantineRepository(new SingleRepositoryStore(repository), URL), later)) {
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(index.size()).isZero();
                assertThat(repository.size()).isZero();
            });
        }
    }

    /** A store holding one repository, for every URL. */
    private static final class SingleRepositoryStore implements MailRepositoryStore {
        private final MailRepository repository;

        SingleRepositoryStore(MailRepository repository) {
            this.repository = repository;
        }

        @Override
        public MailRepository select(MailRepositoryUrl url) {
            return repository;
        }

        @Override
        public Optional<Protocol> defaultProtocol() {
            return Optional.of(new Protocol("memory"));
        }

        @Override
        public Optional<MailRepository> get(MailRepositoryUrl url) {
            return Optional.of(repository);
        }

        @Override
        public Stream<MailRepository> getByPath(MailRepositoryPath path) {
            return Stream.of(repository);
        }

        @Override
        public Stream<MailRepositoryUrl> getUrls() {
            return Stream.of(MailRepositoryUrl.from(URL));
        }
    }
}
