package org.cleanmail.webadmin.fingerprint;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import javax.inject.Provider;

import org.apache.james.server.task.json.dto.TaskDTO;
import org.apache.james.server.task.json.dto.TaskDTOModule;
import org.cleanmail.core.learning.LearnKind;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The JSON form of a {@link LearnFingerprintsTask}, for James's task serializer (a
 * distributed James stores and revives tasks):
 * {@code {"type":"cleanmail-fingerprints-learn","sources":["/srv/spam"],"as":"spam"}}.
 */
public final class LearnFingerprintsTaskDTO implements TaskDTO {
    private final String type;
    private final List<String> sources;
    private final String as;

    @JsonCreator
    public LearnFingerprintsTaskDTO(@JsonProperty("type") String type, @JsonProperty("sources") List<String> sources,
                                    @JsonProperty("as") String as) {
        this.type = type;
        this.sources = sources == null ? List.of() : List.copyOf(sources);
        this.as = as;
    }

    /** The module that converts the task to and from this DTO; a revived task learns through {@code learning}. */
    public static TaskDTOModule<LearnFingerprintsTask, LearnFingerprintsTaskDTO> module(Provider<BulkLearning> learning) {
        return new TaskDTOModule<>(
            (task, typeName) -> new LearnFingerprintsTaskDTO(typeName,
                task.sources().stream().map(Path::toString).collect(Collectors.toList()), task.kind().asText()),
            dto -> new LearnFingerprintsTask(learning.get(),
                dto.sources.stream().map(Path::of).collect(Collectors.toList()), LearnKind.parse(dto.as)),
            LearnFingerprintsTask.class, LearnFingerprintsTaskDTO.class, LearnFingerprintsTask.TYPE.asString());
    }

    @Override
    public String getType() {
        return type;
    }

    public List<String> getSources() {
        return sources;
    }

    public String getAs() {
        return as;
    }
}
