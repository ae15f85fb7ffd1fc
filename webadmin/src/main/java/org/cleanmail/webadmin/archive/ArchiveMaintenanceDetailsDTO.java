package org.cleanmail.webadmin.archive;

import java.time.Instant;

import org.apache.james.server.task.json.dto.AdditionalInformationDTO;
import org.apache.james.server.task.json.dto.AdditionalInformationDTOModule;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The JSON form of {@link ArchiveMaintenanceDetails}:
 * {@code {"type":"cleanmail-archive-maintenance","timestamp":"...","action":"reindex","seen":3,"indexed":3,
 * "repaired":0,"failed":0}}.
 */
public final class ArchiveMaintenanceDetailsDTO implements AdditionalInformationDTO {
    private final String type;
    private final Instant timestamp;
    private final String action;
    private final long seen;
    private final long indexed;
    private final long repaired;
    private final long failed;

    @JsonCreator
    public ArchiveMaintenanceDetailsDTO(@JsonProperty("type") String type, @JsonProperty("timestamp") Instant timestamp,
                                        @JsonProperty("action") String action, @JsonProperty("seen") long seen,
                                        @JsonProperty("indexed") long indexed, @JsonProperty("repaired") long repaired,
                                        @JsonProperty("failed") long failed) {
        this.type = type;
        this.timestamp = timestamp;
        this.action = action;
        this.seen = seen;
        this.indexed = indexed;
        this.repaired = repaired;
        this.failed = failed;
    }

    /** The module that converts {@link ArchiveMaintenanceDetails} to and from this DTO. */
    public static AdditionalInformationDTOModule<ArchiveMaintenanceDetails, ArchiveMaintenanceDetailsDTO> module() {
        return new AdditionalInformationDTOModule<>(
            (details, typeName) -> new ArchiveMaintenanceDetailsDTO(typeName, details.timestamp(), details.action(),
                details.seen(), details.indexed(), details.repaired(), details.failed()),
            dto -> new ArchiveMaintenanceDetails(dto.action, dto.seen, dto.indexed, dto.repaired, dto.failed,
                dto.timestamp),
            ArchiveMaintenanceDetails.class, ArchiveMaintenanceDetailsDTO.class, ArchiveMaintenanceTask.TYPE.asString());
    }

    @Override
    public String getType() {
        return type;
    }

    @Override
    public Instant getTimestamp() {
        return timestamp;
    }

    public String getAction() {
        return action;
    }

    public long getSeen() {
        return seen;
    }

    public long getIndexed() {
        return indexed;
    }

    public long getRepaired() {
        return repaired;
    }

    public long getFailed() {
        return failed;
    }
}
