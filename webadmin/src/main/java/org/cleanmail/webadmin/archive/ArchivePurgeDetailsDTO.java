package org.cleanmail.webadmin.archive;

import java.time.Instant;

import org.apache.james.server.task.json.dto.AdditionalInformationDTO;
import org.apache.james.server.task.json.dto.AdditionalInformationDTOModule;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The JSON form of {@link ArchivePurgeDetails}:
 * {@code {"type":"cleanmail-archive-purge","timestamp":"...","cutoff":"2019-11-26T12:00:00Z","purged":12}}.
 */
public final class ArchivePurgeDetailsDTO implements AdditionalInformationDTO {
    private final String type;
    private final Instant timestamp;
    private final Instant cutoff;
    private final long purged;

    @JsonCreator
    public ArchivePurgeDetailsDTO(@JsonProperty("type") String type, @JsonProperty("timestamp") Instant timestamp,
                                  @JsonProperty("cutoff") Instant cutoff, @JsonProperty("purged") long purged) {
        this.type = type;
        this.timestamp = timestamp;
        this.cutoff = cutoff;
        this.purged = purged;
    }

    /** The module that converts {@link ArchivePurgeDetails} to and from this DTO. */
    public static AdditionalInformationDTOModule<ArchivePurgeDetails, ArchivePurgeDetailsDTO> module() {
        return new AdditionalInformationDTOModule<>(
            (details, typeName) -> new ArchivePurgeDetailsDTO(typeName, details.timestamp(), details.cutoff(),
                details.purged()),
            dto -> new ArchivePurgeDetails(dto.cutoff, dto.purged, dto.timestamp),
            ArchivePurgeDetails.class, ArchivePurgeDetailsDTO.class, ArchivePurgeTask.TYPE.asString());
    }

    @Override
    public String getType() {
        return type;
    }

    @Override
    public Instant getTimestamp() {
        return timestamp;
    }

    public Instant getCutoff() {
        return cutoff;
    }

    public long getPurged() {
        return purged;
    }
}
