package org.cleanmail.mailets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.stream.Stream;

import javax.mail.MessagingException;

import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.mailrepository.api.MailKey;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryPath;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.apache.james.mailrepository.api.Protocol;
import org.apache.james.mailrepository.memory.MemoryMailRepository;
import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.apache.mailet.base.test.FakeMailetConfig;
import org.cleanmail.james.CleanMailAttributes;
import org.cleanmail.james.CleanMailConfiguration;
import org.cleanmail.james.CleanMailRuntime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.common.collect.ImmutableList;

class QuarantineTest {
    private static final String QUARANTINE_URL = "memory://var/mail/quarantine/";

    private final MemoryMailRepository repository = new MemoryMailRepository();
    private Quarantine mailet;

    @BeforeEach
    void setUp() throws MessagingException {
        CleanMailRuntime runtime = new CleanMailRuntime(new CleanMailConfiguration(5.0, 4096, QUARANTINE_URL),
            new RecordingMetricFactory());
        mailet = new Quarantine(runtime, new OneRepositoryStore(QUARANTINE_URL, repository));
        mailet.init(FakeMailetConfig.builder().mailetName("Quarantine").build());
    }

    private static Mail spam() throws MessagingException {
        return FakeMail.builder()
            .name("spam1")
            .sender("spammer@example.com")
            .recipient("bob@example.com")
            .attribute(new Attribute(CleanMailAttributes.SCORE, AttributeValue.of(1000.0)))
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject("buy").setText("now"))
            .build();
    }

    @Test
    void serviceShouldStoreTheMailWithItsAttributesAndEndItsProcessing() throws MessagingException {
        Mail mail = spam();

        mailet.service(mail);

        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        ImmutableList<MailKey> keys = ImmutableList.copyOf(repository.list());
        assertThat(keys).hasSize(1);
        Mail stored = repository.retrieve(keys.get(0));
        assertThat(stored.getMaybeSender().asString()).isEqualTo("spammer@example.com");
        assertThat(stored.getAttribute(CleanMailAttributes.SCORE).flatMap(a -> a.getValue().valueAs(Double.class)))
            .contains(1000.0);
    }

    @Test
    void initShouldNameTheSettingWhenTheRepositoryCannotBeOpened() {
        CleanMailRuntime runtime = new CleanMailRuntime(new CleanMailConfiguration(5.0, 4096, "nosuch://x/"),
            new RecordingMetricFactory());
        Quarantine broken = new Quarantine(runtime, new OneRepositoryStore(QUARANTINE_URL, repository));

        assertThatThrownBy(() -> broken.init(FakeMailetConfig.builder().mailetName("Quarantine").build()))
            .isInstanceOf(MessagingException.class)
            .hasMessageContaining("'quarantine.repository' names a repository James cannot open (nosuch://x/)");
    }

    /** A store that knows one repository, and fails for any other URL as James's does for an unknown protocol. */
    static final class OneRepositoryStore implements MailRepositoryStore {
        private final MailRepositoryUrl url;
        private final MailRepository repository;

        OneRepositoryStore(String url, MailRepository repository) {
            this.url = MailRepositoryUrl.from(url);
            this.repository = repository;
        }

        @Override
        public MailRepository select(MailRepositoryUrl requested) throws MailRepositoryStoreException {
            if (!requested.equals(url)) {
                throw new MailRepositoryStoreException("no repository for " + requested.asString());
            }
            return repository;
        }

        @Override
        public Optional<Protocol> defaultProtocol() {
            return Optional.of(url.getProtocol());
        }

        @Override
        public Optional<MailRepository> get(MailRepositoryUrl requested) {
            return requested.equals(url) ? Optional.of(repository) : Optional.empty();
        }

        @Override
        public Stream<MailRepository> getByPath(MailRepositoryPath path) {
            return url.getPath().equals(path) ? Stream.of(repository) : Stream.empty();
        }

        @Override
        public Stream<MailRepositoryUrl> getUrls() {
            return Stream.of(url);
        }
    }
}
