package org.cleanmail.james.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.annotation.PreDestroy;
import javax.inject.Inject;
import javax.inject.Singleton;

import org.apache.james.filesystem.api.FileSystem;
import org.apache.james.mailrepository.api.MailRepositoryStore;
import org.cleanmail.core.policy.DispositionPlanner;
import org.cleanmail.core.policy.EmbeddedPolicyStore;
import org.cleanmail.core.policy.InvalidPolicyException;
import org.cleanmail.core.policy.PolicyResolver;
import org.cleanmail.core.policy.PolicyStore;
import org.cleanmail.core.quarantine.DeletionLog;
import org.cleanmail.core.quarantine.EmbeddedQuarantineIndex;
import org.cleanmail.core.quarantine.PurgeProgress;
import org.cleanmail.core.quarantine.PurgeResult;
import org.cleanmail.core.quarantine.QuarantineIndex;
import org.cleanmail.core.quarantine.RetentionPurger;
import org.cleanmail.james.CleanMailConfiguration;
import org.cleanmail.james.CleanMailRuntime;
import org.cleanmail.james.ConfigurationException;
import org.cleanmail.james.StateDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's one set of policy services: the policy store ({@code policies.json} in
 * CleanMail's state folder, seeded from {@code policy.defaults-file} when it does not
 * exist yet), the resolver and planner, the quarantine index
 * ({@code quarantine-index.jsonl}), the quarantine repository, the deletion log
 * ({@code deletions.jsonl}) and the retention purge, run every {@code policy.purge-interval}
 * by a daemon thread. The {@code Dispose} mailet and the webadmin routes inject this
 * Guice just-in-time singleton, so a policy changed over webadmin applies to the next
 * mail. Settings: {@link PolicySettings}.
 */
@Singleton
public class PolicyServices implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(PolicyServices.class);

    private final PolicySettings settings;
    private final PolicyStore store;
    private final PolicyResolver resolver;
    private final DispositionPlanner planner = new DispositionPlanner();
    private final QuarantineIndex index;
    private final DeletionLog deletionLog;
    private final QuarantineRepository repository;
    private final Clock clock;
    private final RetentionPurger purger;
    private final Optional<ScheduledExecutorService> scheduler;

    @Inject
    public PolicyServices(CleanMailRuntime runtime, StateDirectory stateDirectory, FileSystem fileSystem,
                          MailRepositoryStore repositoryStore, PolicyClock clock) {
        this(PolicySettings.from(runtime.configuration()), stateDirectory.path(), fileSystem,
            new QuarantineRepository(repositoryStore, runtime.configuration().quarantineRepository()), clock.clock());
    }

    private PolicyServices(PolicySettings settings, Path folder, FileSystem fileSystem, QuarantineRepository repository,
                           Clock clock) {
        this(settings, openStore(folder, settings, fileSystem), openIndex(folder),
            openDeletionLog(folder, clock, settings), repository, clock);
    }

    public PolicyServices(PolicySettings settings, PolicyStore store, QuarantineIndex index, DeletionLog deletionLog,
                          QuarantineRepository repository, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.resolver = new PolicyResolver(store);
        this.index = index;
        this.deletionLog = deletionLog;
        this.repository = repository;
        this.clock = clock;
        this.purger = new RetentionPurger(index, clock);
        this.scheduler = schedulePurge(settings.purgeInterval());
        LOGGER.info("CleanMail policies: {} quarantine entries, {}", index.size(), settings);
    }

    private Optional<ScheduledExecutorService> schedulePurge(Duration interval) {
        if (interval.isZero()) {
            return Optional.empty();
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cleanmail-quarantine-purge");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::periodicPurge, millis, millis, TimeUnit.MILLISECONDS);
        return Optional.of(executor);
    }

    private void periodicPurge() {
        try {
            purgeExpired(new PurgeProgress());
        } catch (RuntimeException e) {
            LOGGER.warn("The periodic quarantine purge failed; it runs again in {}", settings.purgeInterval(), e);
        }
    }

    /** The policy store in {@code folder}, seeded from the settings' defaults file when it names one. */
    static EmbeddedPolicyStore openStore(Path folder, PolicySettings settings, FileSystem fileSystem) {
        try {
            if (settings.defaultsFile().isPresent()) {
                Path defaults = defaultsPath(settings.defaultsFile().get(), fileSystem);
                if (!Files.isRegularFile(defaults) && !Files.isRegularFile(folder.resolve(EmbeddedPolicyStore.FILE_NAME))) {
                    throw new ConfigurationException(CleanMailConfiguration.FILE + ": '" + PolicySettings.PREFIX
                        + PolicySettings.DEFAULTS_FILE + "' names no file (" + defaults
                        + "); e.g. policy.defaults-file=file://conf/policies-defaults.json, or remove the line");
                }
                return EmbeddedPolicyStore.openIn(folder, defaults);
            }
            return EmbeddedPolicyStore.openIn(folder);
        } catch (InvalidPolicyException e) {
            throw new ConfigurationException("CleanMail policies cannot be loaded: " + e.getMessage()
                + " (" + folder.resolve(EmbeddedPolicyStore.FILE_NAME) + ", or the file named by '"
                + PolicySettings.PREFIX + PolicySettings.DEFAULTS_FILE + "' in " + CleanMailConfiguration.FILE + ")", e);
        } catch (IOException | UncheckedIOException e) {
            throw new ConfigurationException("CleanMail policies in " + folder + " cannot be read: " + e.getMessage()
                + "; check '" + CleanMailConfiguration.STATE_DIRECTORY + "' and '" + PolicySettings.PREFIX
                + PolicySettings.DEFAULTS_FILE + "' in " + CleanMailConfiguration.FILE + " and the files' permissions", e);
        }
    }

    /** A James URL ({@code file://conf/x.json}) through James's file system; anything else as a path. */
    private static Path defaultsPath(String location, FileSystem fileSystem) {
        if (location.startsWith("file:") || location.startsWith("classpath:")) {
            return StateDirectory.resolve(location, fileSystem);
        }
        return Path.of(location);
    }

    private static EmbeddedQuarantineIndex openIndex(Path folder) {
        try {
            return EmbeddedQuarantineIndex.openIn(folder);
        } catch (IOException e) {
            throw new ConfigurationException("The quarantine index " + folder.resolve(EmbeddedQuarantineIndex.FILE_NAME)
                + " cannot be read: " + e.getMessage() + "; check '" + CleanMailConfiguration.STATE_DIRECTORY
                + "' in " + CleanMailConfiguration.FILE + " and the file's permissions", e);
        }
    }

    private static DeletionLog openDeletionLog(Path folder, Clock clock, PolicySettings settings) {
        try {
            return DeletionLog.openIn(folder, clock, settings.deletionLogCapacity());
        } catch (IOException e) {
            throw new ConfigurationException("The deletion log " + folder.resolve(DeletionLog.FILE_NAME)
                + " cannot be read: " + e.getMessage() + "; check '" + CleanMailConfiguration.STATE_DIRECTORY
                + "' in " + CleanMailConfiguration.FILE + " and the file's permissions", e);
        }
    }

    /** Purges the expired quarantine entries, and their mails once no entry holds them, counting into {@code progress}. */
    public PurgeResult purgeExpired(PurgeProgress progress) {
        return purger.purgeExpired(repository::remove, progress);
    }

    public PolicySettings settings() {
        return settings;
    }

    public PolicyStore store() {
        return store;
    }

    public PolicyResolver resolver() {
        return resolver;
    }

    public DispositionPlanner planner() {
        return planner;
    }

    public QuarantineIndex index() {
        return index;
    }

    public DeletionLog deletionLog() {
        return deletionLog;
    }

    public QuarantineRepository repository() {
        return repository;
    }

    public Clock clock() {
        return clock;
    }

    /** Stops the periodic purge; the stores write every change at once and hold nothing open. */
    @PreDestroy
    @Override
    public void close() {
        scheduler.ifPresent(ScheduledExecutorService::shutdownNow);
    }
}
