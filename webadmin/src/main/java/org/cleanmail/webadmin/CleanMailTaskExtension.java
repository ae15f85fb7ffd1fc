package org.cleanmail.webadmin;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.inject.Inject;
import javax.inject.Provider;

import org.apache.james.server.task.json.TaskExtensionModule;
import org.apache.james.server.task.json.dto.AdditionalInformationDTO;
import org.apache.james.server.task.json.dto.AdditionalInformationDTOModule;
import org.apache.james.server.task.json.dto.TaskDTO;
import org.apache.james.server.task.json.dto.TaskDTOModule;
import org.apache.james.task.Task;
import org.apache.james.task.TaskExecutionDetails;
import org.cleanmail.james.policy.PolicyServices;
import org.cleanmail.webadmin.archive.ArchiveTaskExtension;
import org.cleanmail.webadmin.fingerprint.BulkLearning;
import org.cleanmail.webadmin.fingerprint.LearnDetailsDTO;
import org.cleanmail.webadmin.fingerprint.LearnFingerprintsTaskDTO;
import org.cleanmail.webadmin.policy.PurgeDetailsDTO;
import org.cleanmail.webadmin.policy.PurgeExpiredTaskDTO;

/**
 * Registers the JSON forms of CleanMail's webadmin tasks and of their details with James's
 * task serializers: {@code /tasks/{id}} shows each task's counts, and a distributed James
 * can store a task and revive it on another node. In {@code extensions.properties}:
 * {@code guice.extension.task=org.cleanmail.webadmin.CleanMailTaskExtension}.
 *
 * <p>One section per area; each task's module revives it through services injected here
 * lazily (nothing is opened until a task is revived). Tasks:
 * <ul>
 *   <li>{@code cleanmail-quarantine-purge} ({@code POST /cleanmail/quarantine?action=purge});</li>
 *   <li>{@code cleanmail-fingerprints-learn} ({@code POST /cleanmail/fingerprints/learn});</li>
 *   <li>the archive's re-indexing, repair, purge and export ({@link ArchiveTaskExtension}).</li>
 * </ul>
 */
public class CleanMailTaskExtension implements TaskExtensionModule {
    private final Provider<PolicyServices> policies;
    private final Provider<BulkLearning> learning;
    private final ArchiveTaskExtension archive;

    @Inject
    public CleanMailTaskExtension(Provider<PolicyServices> policies, Provider<BulkLearning> learning,
                                  ArchiveTaskExtension archive) {
        this.policies = policies;
        this.learning = learning;
        this.archive = archive;
    }

    @Override
    public Set<TaskDTOModule<? extends Task, ? extends TaskDTO>> taskDTOModules() {
        Set<TaskDTOModule<? extends Task, ? extends TaskDTO>> modules = new HashSet<>();
        modules.addAll(policyTasks());
        modules.addAll(fingerprintTasks());
        modules.addAll(archiveTasks());
        return Set.copyOf(modules);
    }

    @Override
    public Set<AdditionalInformationDTOModule<? extends TaskExecutionDetails.AdditionalInformation,
        ? extends AdditionalInformationDTO>> taskAdditionalInformationDTOModules() {
        Set<AdditionalInformationDTOModule<? extends TaskExecutionDetails.AdditionalInformation,
            ? extends AdditionalInformationDTO>> modules = new HashSet<>();
        modules.add(PurgeDetailsDTO.module());
        modules.add(LearnDetailsDTO.module());
        modules.addAll(archiveTaskDetails());
        return Set.copyOf(modules);
    }

    private List<TaskDTOModule<? extends Task, ? extends TaskDTO>> policyTasks() {
        return List.of(PurgeExpiredTaskDTO.module(policies));
    }

    private List<TaskDTOModule<? extends Task, ? extends TaskDTO>> fingerprintTasks() {
        return List.of(LearnFingerprintsTaskDTO.module(learning));
    }

    /** The archive's tasks (webadmin {@code archive} package, {@link ArchiveTaskExtension}). */
    private Set<TaskDTOModule<? extends Task, ? extends TaskDTO>> archiveTasks() {
        return archive.taskDTOModules();
    }

    /** The details of the archive's tasks. */
    private Set<AdditionalInformationDTOModule<? extends TaskExecutionDetails.AdditionalInformation,
        ? extends AdditionalInformationDTO>> archiveTaskDetails() {
        return archive.taskAdditionalInformationDTOModules();
    }
}
