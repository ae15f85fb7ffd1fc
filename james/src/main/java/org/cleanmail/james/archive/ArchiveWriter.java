package org.cleanmail.james.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.mail.MessagingException;

import org.apache.james.lifecycle.api.LifecycleUtil;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.mailet.Mail;
import org.cleanmail.archive.MessageArchive;
import org.cleanmail.archive.model.ArchiveId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Archives mail off the mail-processing threads: a bounded queue drained by one named
 * worker thread. When the queue is full, {@link #submit} waits (back-pressure) up to its
 * timeout. A mail that cannot be archived is retried, then its copy is stored in the
 * archive-error repository with the cause; nothing is dropped silently.
 */
public final class ArchiveWriter implements AutoCloseable {
    /** Where mail goes that could not be archived; re-process it from there with James's routes. */
    public static final String ERROR_REPOSITORY = "file://var/mail/archive-error/";
    private static final Logger LOGGER = LoggerFactory.getLogger(ArchiveWriter.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(5);
    private static final Duration DRAIN_AT_CLOSE = Duration.ofSeconds(30);

    /** Where failed mail is kept; called on first use (the repository store may start after us). */
    public interface ErrorRepository {
        MailRepository get() throws MessagingException;
    }

    private final MessageArchive archive;
    private final int retries;
    private final Duration enqueueTimeout;
    private final ErrorRepository errorRepository;
    private final BlockingQueue<ArchiveRequest> queue;
    private final Thread worker;
    private final AtomicLong archived = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean closing;

    public ArchiveWriter(MessageArchive archive, int capacity, int retries, Duration enqueueTimeout,
                         ErrorRepository errorRepository) {
        this.archive = archive;
        this.retries = retries;
        this.enqueueTimeout = enqueueTimeout;
        this.errorRepository = errorRepository;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.worker = new Thread(this::drain, "cleanmail-archive-writer");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /**
     * Queues a mail for archiving, waiting while the queue is full up to the enqueue
     * timeout; past it (or when closing) the copy goes to the archive-error repository.
     */
    public void submit(ArchiveRequest request) {
        try {
            if (!closing && queue.offer(request, enqueueTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
            giveUp(request, closing ? "the archive is shutting down"
                : "the archive queue stayed full for " + enqueueTimeout.toMillis() + " ms");
            LifecycleUtil.dispose(request.copy());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            giveUp(request, "interrupted while waiting for room in the archive queue");
            LifecycleUtil.dispose(request.copy());
        }
    }

    public int queueSize() {
        return queue.size();
    }

    /** Mail archived since start. */
    public long archived() {
        return archived.get();
    }

    /** Attempts that failed and were retried. */
    public long retried() {
        return retried.get();
    }

    /** Mail that went to the archive-error repository (or could not even go there). */
    public long failed() {
        return failed.get();
    }

    private void drain() {
        while (!closing || !queue.isEmpty()) {
            try {
                ArchiveRequest request = queue.poll(200, TimeUnit.MILLISECONDS);
                if (request != null) {
                    process(request);
                }
            } catch (InterruptedException e) {
                if (queue.isEmpty()) {
                    return;
                }
            } catch (RuntimeException e) {
                LOGGER.error("Archive writer: unexpected failure", e);
            }
        }
    }

    private void process(ArchiveRequest request) throws InterruptedException {
        Mail copy = request.copy();
        try {
            String cause = null;
            for (int attempt = 0; attempt <= retries; attempt++) {
                if (attempt > 0) {
                    retried.incrementAndGet();
                    Thread.sleep(backoff(attempt).toMillis());
                }
                try {
                    ArchiveId id = archive.archive(bytes(copy), request.metadata());
                    archived.incrementAndGet();
                    LOGGER.debug("Archived {} as {}", copy.getName(), id);
                    return;
                } catch (IllegalArgumentException e) {
                    giveUp(request, e.getMessage());
                    return;
                } catch (IOException | MessagingException e) {
                    cause = e.getClass().getSimpleName() + ": " + e.getMessage();
                    LOGGER.warn("Archiving {} failed (attempt {} of {}): {}", copy.getName(), attempt + 1, retries + 1,
                        cause);
                }
            }
            giveUp(request, "failed " + (retries + 1) + " time(s), last: " + cause);
        } finally {
            LifecycleUtil.dispose(copy);
        }
    }

    private static Duration backoff(int attempt) {
        Duration delay = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 10));
        return delay.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : delay;
    }

    private static byte[] bytes(Mail mail) throws IOException, MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mail.getMessage().writeTo(out);
        return out.toByteArray();
    }

    private void giveUp(ArchiveRequest request, String cause) {
        failed.incrementAndGet();
        Mail copy = request.copy();
        try {
            copy.setErrorMessage("Not archived: " + cause);
            errorRepository.get().store(copy);
            LOGGER.warn("Mail {} was not archived ({}); its copy is in {}", copy.getName(), cause, ERROR_REPOSITORY);
        } catch (MessagingException | RuntimeException e) {
            LOGGER.error("Mail {} was not archived ({}) and could not be stored in {} either: {}", copy.getName(), cause,
                ERROR_REPOSITORY, e.getMessage());
        }
    }

    /** Stops accepting mail, archives what is queued (up to 30 s), and stops the worker. */
    @Override
    public void close() {
        closing = true;
        try {
            worker.join(DRAIN_AT_CLOSE.toMillis());
            if (worker.isAlive()) {
                LOGGER.warn("Archive writer: {} mail(s) still queued at shutdown are not archived", queue.size());
                worker.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
