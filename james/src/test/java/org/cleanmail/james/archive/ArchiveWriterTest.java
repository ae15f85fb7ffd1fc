package org.cleanmail.james.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.mail.MessagingException;

import org.apache.james.core.builder.MimeMessageBuilder;
import org.apache.james.mailrepository.memory.MemoryMailRepository;
import org.apache.mailet.Mail;
import org.apache.mailet.base.test.FakeMail;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.cleanmail.archive.ArchiveSettings;
import org.cleanmail.archive.MessageArchive;
import org.cleanmail.archive.crypto.ArchiveKey;
import org.cleanmail.archive.crypto.KeyRing;
import org.cleanmail.archive.model.ArchiveId;
import org.cleanmail.archive.model.ArchiveMetadata;
import org.cleanmail.archive.search.ArchiveQuery;
import org.cleanmail.archive.store.ArchiveContentStore;
import org.cleanmail.archive.store.FileArchiveContentStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveWriterTest {
    private static final ConditionFactory AWAIT = Awaitility.await().atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20));

    @TempDir
    Path folder;

    private final MemoryMailRepository errors = new MemoryMailRepository();
    private MessageArchive archive;
    private ArchiveWriter writer;
    private ControlledStore store;

    @AfterEach
    void close() throws IOException {
        if (store != null) {
            store.release();
        }
        if (writer != null) {
            writer.close();
        }
        if (archive != null) {
            archive.close();
        }
    }

    private void open(int failures, int retries, Duration enqueueTimeout, int capacity) throws IOException {
        store = new ControlledStore(new FileArchiveContentStore(folder.resolve("content")), failures);
        KeyRing keys = KeyRing.of("k1", List.of(ArchiveKey.of("k1", new byte[32])));
        archive = MessageArchive.open(ArchiveSettings.builder(folder, keys).build(), store);
        writer = new ArchiveWriter(archive, capacity, retries, enqueueTimeout, () -> errors);
    }

    private static ArchiveRequest request(String subject) throws MessagingException {
        Mail mail = FakeMail.builder()
            .name(subject)
            .sender("alice@example.com")
            .recipient("bob@example.com")
            .mimeMessage(MimeMessageBuilder.mimeMessageBuilder().setSubject(subject).setText("body of " + subject))
            .build();
        return new ArchiveRequest(mail, ArchiveMetadata.builder(Instant.parse("2026-01-31T10:00:00Z"))
            .envelopeSender("alice@example.com").envelopeRecipients(List.of("bob@example.com")).build());
    }

    private long found(String query) throws IOException {
        archive.refresh();
        return archive.search(ArchiveQuery.of(query)).total();
    }

    @Test
    void aSubmittedMailShouldBeArchived() throws Exception {
        open(0, 3, Duration.ofSeconds(30), 10);

        writer.submit(request("hello"));

        AWAIT.until(() -> writer.archived() == 1);
        assertThat(found("subject:hello")).isEqualTo(1);
        assertThat(writer.failed()).isZero();
        assertThat(errors.size()).isZero();
    }

    @Test
    void aTransientFailureShouldBeRetried() throws Exception {
        open(2, 3, Duration.ofSeconds(30), 10);

        writer.submit(request("flaky"));

        AWAIT.until(() -> writer.archived() == 1);
        assertThat(writer.retried()).isEqualTo(2);
        assertThat(writer.failed()).isZero();
        assertThat(found("subject:flaky")).isEqualTo(1);
    }

    @Test
    void aMailThatKeepsFailingShouldGoToTheErrorRepository() throws Exception {
        open(Integer.MAX_VALUE, 1, Duration.ofSeconds(30), 10);

        writer.submit(request("broken"));

        AWAIT.until(() -> errors.size() == 1);
        Mail kept = errors.retrieve(errors.list().next());
        assertThat(kept.getName()).isEqualTo("broken");
        assertThat(kept.getErrorMessage()).isEqualTo("Not archived: failed 2 time(s), last: IOException: disk on fire");
        assertThat(writer.failed()).isEqualTo(1);
        assertThat(writer.archived()).isZero();
    }

    @Test
    void aFullQueueShouldMakeSubmitWaitAndThenGoThrough() throws Exception {
        open(0, 0, Duration.ofSeconds(30), 1);
        store.block();
        writer.submit(request("first"));
        AWAIT.until(() -> store.putsStarted() == 1);
        writer.submit(request("second"));

        ArchiveRequest thirdRequest = request("third");
        Thread third = new Thread(() -> writer.submit(thirdRequest));
        third.start();
        AWAIT.until(() -> third.getState() == Thread.State.TIMED_WAITING);
        assertThat(writer.queueSize()).isEqualTo(1);

        store.release();
        third.join();
        AWAIT.until(() -> writer.archived() == 3);
        assertThat(writer.failed()).isZero();
        assertThat(errors.size()).isZero();
    }

    @Test
    void aQueueFullPastTheTimeoutShouldKeepTheCopyInTheErrorRepository() throws Exception {
        open(0, 0, Duration.ofMillis(50), 1);
        store.block();
        writer.submit(request("first"));
        AWAIT.until(() -> store.putsStarted() == 1);
        writer.submit(request("second"));

        writer.submit(request("third"));

        assertThat(errors.size()).isEqualTo(1);
        Mail kept = errors.retrieve(errors.list().next());
        assertThat(kept.getName()).isEqualTo("third");
        assertThat(kept.getErrorMessage()).isEqualTo("Not archived: the archive queue stayed full for 50 ms");
        store.release();
        AWAIT.until(() -> writer.archived() == 2);
    }

    /** A content store that fails its first puts, and can hold puts until released. */
    private static final class ControlledStore implements ArchiveContentStore {
        private final ArchiveContentStore delegate;
        private final AtomicInteger failuresLeft;
        private final AtomicInteger putsStarted = new AtomicInteger();
        private volatile CountDownLatch gate = new CountDownLatch(0);

        ControlledStore(ArchiveContentStore delegate, int failures) {
            this.delegate = delegate;
            this.failuresLeft = new AtomicInteger(failures);
        }

        void block() {
            gate = new CountDownLatch(1);
        }

        void release() {
            gate.countDown();
        }

        int putsStarted() {
            return putsStarted.get();
        }

        @Override
        public void put(ArchiveId id, byte[] blob) throws IOException {
            putsStarted.incrementAndGet();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            if (failuresLeft.getAndUpdate(left -> left == Integer.MAX_VALUE ? left : Math.max(0, left - 1)) > 0) {
                throw new IOException("disk on fire");
            }
            delegate.put(id, blob);
        }

        @Override
        public Optional<byte[]> get(ArchiveId id) throws IOException {
            return delegate.get(id);
        }

        @Override
        public boolean contains(ArchiveId id) throws IOException {
            return delegate.contains(id);
        }

        @Override
        public boolean delete(ArchiveId id) throws IOException {
            return delegate.delete(id);
        }

        @Override
        public Stream<ArchiveId> ids() throws IOException {
            return delegate.ids();
        }
    }
}
