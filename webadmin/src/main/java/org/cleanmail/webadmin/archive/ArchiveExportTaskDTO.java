package org.cleanmail.webadmin.archive;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import javax.inject.Provider;

import org.apache.james.server.task.json.dto.TaskDTO;
import org.apache.james.server.task.json.dto.TaskDTOModule;
import org.cleanmail.archive.search.ArchiveQuery;
import org.cleanmail.james.archive.ArchiveService;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The JSON form of {@link ArchiveExportTask}: {@code {"type":"cleanmail-archive-export","fileName":"...",
 * "user":null,"query":"subject:invoice","from":null,"to":null,"after":null,"before":null,"verdict":null}}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public final class ArchiveExportTaskDTO implements TaskDTO {
    private final String type;
    private final String fileName;
    private final String user;
    private final String query;
    private final String from;
    private final String to;
    private final Instant after;
    private final Instant before;
    private final String verdict;

    @JsonCreator
    public ArchiveExportTaskDTO(@JsonProperty("type") String type, @JsonProperty("fileName") String fileName,
                                @JsonProperty("user") String user, @JsonProperty("query") String query,
                                @JsonProperty("from") String from, @JsonProperty("to") String to,
                                @JsonProperty("after") Instant after, @JsonProperty("before") Instant before,
                                @JsonProperty("verdict") String verdict) {
        this.type = type;
        this.fileName = fileName;
        this.user = user;
        this.query = query;
        this.from = from;
        this.to = to;
        this.after = after;
        this.before = before;
        this.verdict = verdict;
    }

    /** The module that converts the task to and from this DTO; the task it makes works on this service, asked for when a task is revived. */
    public static TaskDTOModule<ArchiveExportTask, ArchiveExportTaskDTO> module(Provider<ArchiveService> service, Clock clock) {
        return new TaskDTOModule<>(
            (task, typeName) -> {
                ArchiveQuery q = task.query();
                return new ArchiveExportTaskDTO(typeName, task.fileName(), task.user().orElse(null),
                    q.query().orElse(null), q.from().orElse(null), q.to().orElse(null), q.after().orElse(null),
                    q.before().orElse(null), q.verdict().orElse(null));
            },
            dto -> new ArchiveExportTask(service.get(), dto.toQuery(), Optional.ofNullable(dto.user), dto.fileName, clock),
            ArchiveExportTask.class, ArchiveExportTaskDTO.class, ArchiveExportTask.TYPE.asString());
    }

    private ArchiveQuery toQuery() {
        ArchiveQuery.Builder builder = ArchiveQuery.builder();
        Optional.ofNullable(query).ifPresent(builder::query);
        Optional.ofNullable(from).ifPresent(builder::from);
        Optional.ofNullable(to).ifPresent(builder::to);
        Optional.ofNullable(after).ifPresent(builder::after);
        Optional.ofNullable(before).ifPresent(builder::before);
        Optional.ofNullable(verdict).ifPresent(builder::verdict);
        return builder.build();
    }

    @Override
    public String getType() {
        return type;
    }

    public String getFileName() {
        return fileName;
    }

    public String getUser() {
        return user;
    }

    public String getQuery() {
        return query;
    }

    public String getFrom() {
        return from;
    }

    public String getTo() {
        return to;
    }

    public Instant getAfter() {
        return after;
    }

    public Instant getBefore() {
        return before;
    }

    public String getVerdict() {
        return verdict;
    }
}
