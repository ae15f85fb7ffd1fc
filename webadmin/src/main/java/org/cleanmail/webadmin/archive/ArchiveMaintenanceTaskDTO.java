package org.cleanmail.webadmin.archive;

import java.time.Clock;
import java.util.Locale;

import javax.inject.Provider;

import org.apache.james.server.task.json.dto.TaskDTO;
import org.apache.james.server.task.json.dto.TaskDTOModule;
import org.cleanmail.james.archive.ArchiveService;
import org.cleanmail.james.archive.MaintenanceRun;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The JSON form of {@link ArchiveMaintenanceTask}: {@code {"type":"cleanmail-archive-maintenance","action":"reindex"}}. */
public final class ArchiveMaintenanceTaskDTO implements TaskDTO {
    private final String type;
    private final String action;

    @JsonCreator
    public ArchiveMaintenanceTaskDTO(@JsonProperty("type") String type, @JsonProperty("action") String action) {
        this.type = type;
        this.action = action;
    }

    /** The module that converts the task to and from this DTO; the task it makes works on this service, asked for when a task is revived. */
    public static TaskDTOModule<ArchiveMaintenanceTask, ArchiveMaintenanceTaskDTO> module(Provider<ArchiveService> service,
                                                                                          Clock clock) {
        return new TaskDTOModule<>(
            (task, typeName) -> new ArchiveMaintenanceTaskDTO(typeName, task.kind().keyword()),
            dto -> new ArchiveMaintenanceTask(service.get(), MaintenanceRun.Kind.valueOf(dto.action.toUpperCase(Locale.ROOT)),
                clock),
            ArchiveMaintenanceTask.class, ArchiveMaintenanceTaskDTO.class, ArchiveMaintenanceTask.TYPE.asString());
    }

    @Override
    public String getType() {
        return type;
    }

    public String getAction() {
        return action;
    }
}
