package org.cleanmail.webadmin.archive;

import java.time.Clock;
import java.time.Instant;

import javax.inject.Provider;

import org.apache.james.server.task.json.dto.TaskDTO;
import org.apache.james.server.task.json.dto.TaskDTOModule;
import org.cleanmail.james.archive.ArchiveService;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The JSON form of {@link ArchivePurgeTask}: {@code {"type":"cleanmail-archive-purge","cutoff":"2019-11-26T12:00:00Z"}}. */
public final class ArchivePurgeTaskDTO implements TaskDTO {
    private final String type;
    private final Instant cutoff;

    @JsonCreator
    public ArchivePurgeTaskDTO(@JsonProperty("type") String type, @JsonProperty("cutoff") Instant cutoff) {
        this.type = type;
        this.cutoff = cutoff;
    }

    /** The module that converts the task to and from this DTO; the task it makes works on this service, asked for when a task is revived. */
    public static TaskDTOModule<ArchivePurgeTask, ArchivePurgeTaskDTO> module(Provider<ArchiveService> service, Clock clock) {
        return new TaskDTOModule<>(
            (task, typeName) -> new ArchivePurgeTaskDTO(typeName, task.cutoff()),
            dto -> new ArchivePurgeTask(service.get(), dto.cutoff, clock),
            ArchivePurgeTask.class, ArchivePurgeTaskDTO.class, ArchivePurgeTask.TYPE.asString());
    }

    @Override
    public String getType() {
        return type;
    }

    public Instant getCutoff() {
        return cutoff;
    }
}
