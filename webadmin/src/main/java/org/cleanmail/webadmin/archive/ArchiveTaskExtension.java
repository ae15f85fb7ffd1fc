package org.cleanmail.webadmin.archive;

import java.time.Clock;
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
import org.cleanmail.james.archive.ArchiveService;
import org.cleanmail.james.sender.ServerClock;

/**
 * The JSON forms of the archive's tasks (re-indexing and repair, purge, export) and of
 * their details, so that {@code /tasks/{id}} shows their progress and a distributed James
 * can hand them between nodes. James 3.8 reads a single {@code guice.extension.task}
 * class, so {@code CleanMailTaskExtension} includes these modules; this class keeps them
 * in the archive's package.
 */
public class ArchiveTaskExtension implements TaskExtensionModule {
    private final Provider<ArchiveService> service;
    private final Clock clock;

    @Inject
    public ArchiveTaskExtension(Provider<ArchiveService> service, ServerClock clock) {
        this(service, clock.clock());
    }

    /** The service is asked for only when a task is revived, so registering the modules opens nothing. */
    public ArchiveTaskExtension(Provider<ArchiveService> service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @Override
    public Set<TaskDTOModule<? extends Task, ? extends TaskDTO>> taskDTOModules() {
        return Set.of(ArchiveMaintenanceTaskDTO.module(service, clock), ArchivePurgeTaskDTO.module(service, clock),
            ArchiveExportTaskDTO.module(service, clock));
    }

    @Override
    public Set<AdditionalInformationDTOModule<? extends TaskExecutionDetails.AdditionalInformation,
        ? extends AdditionalInformationDTO>> taskAdditionalInformationDTOModules() {
        return Set.of(ArchiveMaintenanceDetailsDTO.module(), ArchivePurgeDetailsDTO.module(),
            ArchiveExportDetailsDTO.module());
    }
}
