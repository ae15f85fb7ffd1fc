package org.cleanmail.webadmin.archive;

import java.time.Instant;
import java.util.Optional;

import org.apache.james.server.task.json.dto.AdditionalInformationDTO;
import org.apache.james.server.task.json.dto.AdditionalInformationDTOModule;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The JSON form of {@link ArchiveExportDetails}:
 * {@code {"type":"cleanmail-archive-export","timestamp":"...","fileName":"archive-export-...mbox",
 * "user":null,"query":"subject:invoice","matched":2,"exported":2,"failed":0}}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public final class ArchiveExportDetailsDTO implements AdditionalInformationDTO {
    private final String type;
    private final Instant timestamp;
    private final String fileName;
    private final String user;
    private final String query;
    private final long matched;
    private final long exported;
    private final long failed;

    @JsonCreator
    public ArchiveExportDetailsDTO(@JsonProperty("type") String type, @JsonProperty("timestamp") Instant timestamp,
                                   @JsonProperty("fileName") String fileName, @JsonProperty("user") String user,
                                   @JsonProperty("query") String query, @JsonProperty("matched") long matched,
                                   @JsonProperty("exported") long exported, @JsonProperty("failed") long failed) {
        this.type = type;
        this.timestamp = timestamp;
        this.fileName = fileName;
        this.user = user;
        this.query = query;
        this.matched = matched;
        this.exported = exported;
        this.failed = failed;
    }

    /** The module that converts {@link ArchiveExportDetails} to and from this DTO. */
    public static AdditionalInformationDTOModule<ArchiveExportDetails, ArchiveExportDetailsDTO> module() {
        return new AdditionalInformationDTOModule<>(
            (details, typeName) -> new ArchiveExportDetailsDTO(typeName, details.timestamp(), details.fileName(),
                details.user().orElse(null), details.query(), details.matched(), details.exported(), details.failed()),
            dto -> new ArchiveExportDetails(dto.fileName, Optional.ofNullable(dto.user),
                dto.query == null ? "" : dto.query, dto.matched, dto.exported, dto.failed, dto.timestamp),
            ArchiveExportDetails.class, ArchiveExportDetailsDTO.class, ArchiveExportTask.TYPE.asString());
    }

    @Override
    public String getType() {
        return type;
    }

    @Override
    public Instant getTimestamp() {
        return timestamp;
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

    public long getMatched() {
        return matched;
    }

    public long getExported() {
        return exported;
    }

    public long getFailed() {
        return failed;
    }
}
