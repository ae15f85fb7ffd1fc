package org.cleanmail.webadmin.policy;

import java.util.Set;

import org.apache.james.server.task.json.TaskExtensionModule;
import org.apache.james.server.task.json.dto.AdditionalInformationDTO;
import org.apache.james.server.task.json.dto.AdditionalInformationDTOModule;
import org.apache.james.server.task.json.dto.TaskDTO;
import org.apache.james.server.task.json.dto.TaskDTOModule;
import org.apache.james.task.Task;
import org.apache.james.task.TaskExecutionDetails;

/**
 * Registers the JSON form of CleanMail's task details, so that {@code /tasks/{id}} shows a
 * quarantine purge's counts. In {@code extensions.properties}:
 * {@code guice.extension.task=org.cleanmail.webadmin.policy.CleanMailTaskExtension}.
 * The tasks themselves have no JSON form: they run on the server that received the
 * request (the memory and single-node servers; a distributed James would need one).
 */
public class CleanMailTaskExtension implements TaskExtensionModule {
    @Override
    public Set<TaskDTOModule<? extends Task, ? extends TaskDTO>> taskDTOModules() {
        return Set.of();
    }

    @Override
    public Set<AdditionalInformationDTOModule<? extends TaskExecutionDetails.AdditionalInformation,
        ? extends AdditionalInformationDTO>> taskAdditionalInformationDTOModules() {
        return Set.of(PurgeDetailsDTO.module());
    }
}
