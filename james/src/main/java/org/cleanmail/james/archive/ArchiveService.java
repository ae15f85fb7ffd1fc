package org.cleanmail.james.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import javax.annotation.PreDestroy;
import javax.inject.Inject;
import javax.inject.Singleton;
import javax.mail.MessagingException;

import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.mailrepository.api.MailRepository;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.apache.james.mailrepository.api.MailRepositoryUrl;
import org.cleanmail.archive.ArchiveSettings;
import org.cleanmail.archive.MessageArchive;
import org.cleanmail.archive.crypto.KeyRing;
import org.cleanmail.james.CleanMailConfiguration;
import org.cleanmail.james.CleanMailRuntime;
import org.cleanmail.james.ConfigurationException;
import org.cleanmail.james.StateDirectory;
import org.cleanmail.james.sender.ServerClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's one message archive (issue 7): the encrypted archive in
 * {@code <state.directory>/archive/}, its writer queue and its maintenance thread. The
 * {@code Archive} mailet and the archive routes inject this Guice just-in-time singleton.
 * Settings come from the {@code archive.} keys of {@code cleanmail.properties}
 * ({@link ArchiveSettingsSection}); when {@code archive.enabled} is false nothing is
 * opened and {@link #archive()} is empty. After an unclean stop a repair runs in the
 * background at start; a retention purge runs daily. Closed at shutdown ({@link PreDestroy}):
 * queued mail is archived first.
 */
@Singleton
public class ArchiveService {
    /** Folder of the archive inside the state folder. */
    public static final String FOLDER = "archive";
    /** Folder of mbox exports inside the archive folder. */
    public static final String EXPORTS = "exports";
    private static final Logger LOGGER = LoggerFactory.getLogger(ArchiveService.class);

    private final ArchiveSettingsSection settings;
    private final ArchiveWriter.ErrorRepository errorRepository;
    private final MessageArchive archive;
    private final ArchiveWriter writer;
    private final ArchiveMaintenance maintenance;
    private final Path exportsFolder;

    @Inject
    public ArchiveService(CleanMailRuntime runtime, StateDirectory stateDirectory, FileSystem fileSystem,
                          MailRepositoryStore repositoryStore, ServerClock clock) {
        this(ArchiveSettingsSection.from(runtime.configuration()), stateDirectory, fileSystem,
            () -> errorRepository(repositoryStore), clock.clock());
    }

    private ArchiveService(ArchiveSettingsSection settings, StateDirectory stateDirectory, FileSystem fileSystem,
                           ArchiveWriter.ErrorRepository errorRepository, Clock clock) {
        this.settings = settings;
        this.errorRepository = errorRepository;
        this.exportsFolder = stateDirectory.resolve(FOLDER).resolve(EXPORTS);
        if (!settings.enabled()) {
            this.archive = null;
            this.writer = null;
            this.maintenance = null;
            LOGGER.info("CleanMail archive disabled (archive.enabled=false in {}): the Archive mailet archives nothing",
                CleanMailConfiguration.FILE);
            return;
        }
        KeyRing keys = settings.keyFile()
            .map(file -> ArchiveKeyFile.load(keyPath(file, fileSystem)))
            .orElseGet(() -> ArchiveKeyFile.loadOrGenerate(stateDirectory.resolve(ArchiveSettingsSection.GENERATED_KEY_FILE),
                clock));
        this.archive = open(ArchiveSettings.builder(stateDirectory.resolve(FOLDER), keys).clock(clock).build());
        this.writer = new ArchiveWriter(archive, settings.queueCapacity(), settings.retries(), settings.enqueueTimeout(),
            errorRepository);
        this.maintenance = new ArchiveMaintenance(archive, clock);
        maintenance.schedulePurge(settings.retention());
        if (archive.previousRunEndedUncleanly() || archive.indexRebuildNeeded()) {
            maintenance.start(MaintenanceRun.Kind.REPAIR);
        }
        LOGGER.info("CleanMail archive started: {}", settings);
    }

    private static MessageArchive open(ArchiveSettings archiveSettings) {
        try {
            return MessageArchive.open(archiveSettings);
        } catch (IOException e) {
            throw new ConfigurationException("The message archive in " + archiveSettings.folder() + " cannot be opened: "
                + e.getMessage() + "; check '" + CleanMailConfiguration.STATE_DIRECTORY + "' in "
                + CleanMailConfiguration.FILE + " and the folder's permissions", e);
        }
    }

    private static Path keyPath(String file, FileSystem fileSystem) {
        return file.contains("://") ? StateDirectory.resolve(file, fileSystem) : Path.of(file);
    }

    private static MailRepository errorRepository(MailRepositoryStore repositoryStore) throws MessagingException {
        try {
            return repositoryStore.select(MailRepositoryUrl.from(ArchiveWriter.ERROR_REPOSITORY));
        } catch (MailRepositoryStore.MailRepositoryStoreException e) {
            throw new MessagingException("Cannot open " + ArchiveWriter.ERROR_REPOSITORY, e);
        }
    }

    public ArchiveSettingsSection settings() {
        return settings;
    }

    public boolean enabled() {
        return archive != null;
    }

    /** The archive; empty when disabled. */
    public Optional<MessageArchive> archive() {
        return Optional.ofNullable(archive);
    }

    /** The writer queue; empty when disabled. */
    public Optional<ArchiveWriter> writer() {
        return Optional.ofNullable(writer);
    }

    /** Where mbox exports are written ({@code <state.directory>/archive/exports/}). */
    public Path exportsFolder() {
        return exportsFolder;
    }

    /** The maintenance thread; empty when disabled. */
    public Optional<ArchiveMaintenance> maintenance() {
        return Optional.ofNullable(maintenance);
    }

    /** Mail kept in the archive-error repository (all runs, until an administrator handles it). */
    public long errorRepositorySize() throws MessagingException {
        return errorRepository.get().size();
    }

    /** Archives the mail in the background (see {@link ArchiveWriter#submit}); nothing when disabled. */
    public void submit(ArchiveRequest request) {
        if (writer != null) {
            writer.submit(request);
        }
    }

    @PreDestroy
    public void close() {
        if (archive == null) {
            return;
        }
        writer.close();
        maintenance.close();
        try {
            archive.close();
        } catch (IOException e) {
            LOGGER.warn("Closing the message archive failed: {}", e.getMessage());
        }
    }
}
