package org.cleanmail.webadmin.policy;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.apache.james.server.task.json.TaskExtensionModule;
import org.apache.james.server.task.json.dto.AdditionalInformationDTO;
import org.apache.james.server.task.json.dto.AdditionalInformationDTOModule;
import org.apache.james.server.task.json.dto.TaskDTO;
import org.apache.james.server.task.json.dto.TaskDTOModule;
import org.apache.james.task.Task;
import org.apache.james.task.TaskExecutionDetails;
import org.cleanmail.webadmin.archive.ArchiveTaskExtension;

/**
 * Registers the JSON form of CleanMail's task details, so that {@code /tasks/{id}} shows a
 * quarantine purge's counts. In {@code extensions.properties}:
 * {@code guice.extension.task=org.cleanmail.webadmin.policy.CleanMailTaskExtension}.
 * The tasks themselves have no JSON form: they run on the server that received the
 * request (the memory and single-node servers; a distributed James would need one).
 */
public class CleanMailTaskExtension implements TaskExtensionModule {
    // --- archive tasks (James reads one guice.extension.task class): modules of ArchiveTaskExtension ---
    private final ArchiveTaskExtension archive;

    @Inject
    public CleanMailTaskExtension(ArchiveTaskExtension archive) {
        this.archive = archive;
    }

    private static <T> Set<T> with(Set<T> own, Set<? extends T> archive) {
        return Stream.concat(own.stream(), archive.stream()).collect(Collectors.toUnmodifiableSet());
    }
    // --- end of archive tasks ---

    @Override
    public Set<TaskDTOModule<? extends Task, ? extends TaskDTO>> taskDTOModules() {
        return with(Set.of(), archive.taskDTOModules());
    }

    @Override
    public Set<AdditionalInformationDTOModule<? extends TaskExecutionDetails.AdditionalInformation,
        ? extends AdditionalInformationDTO>> taskAdditionalInformationDTOModules() {
        return with(Set.of(PurgeDetailsDTO.module()), archive.taskAdditionalInformationDTOModules());
    }
}
