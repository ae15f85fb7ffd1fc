package org.cleanmail.webadmin.policy;

import javax.inject.Provider;

import org.apache.james.server.task.json.dto.TaskDTO;
import org.apache.james.server.task.json.dto.TaskDTOModule;
import org.cleanmail.james.policy.PolicyServices;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The JSON form of a {@link PurgeExpiredTask}, for James's task serializer (a distributed
 * James stores and revives tasks): {@code {"type":"cleanmail-quarantine-purge"}}. The task
 * has no parameter: it purges what has expired when it runs.
 */
public final class PurgeExpiredTaskDTO implements TaskDTO {
    private final String type;

    @JsonCreator
    public PurgeExpiredTaskDTO(@JsonProperty("type") String type) {
        this.type = type;
    }

    /** The module that converts the task to and from this DTO; a revived task purges through {@code services}. */
    public static TaskDTOModule<PurgeExpiredTask, PurgeExpiredTaskDTO> module(Provider<PolicyServices> services) {
        return new TaskDTOModule<>(
            (task, typeName) -> new PurgeExpiredTaskDTO(typeName),
            dto -> new PurgeExpiredTask(services.get()),
            PurgeExpiredTask.class, PurgeExpiredTaskDTO.class, PurgeExpiredTask.TYPE.asString());
    }

    @Override
    public String getType() {
        return type;
    }
}
