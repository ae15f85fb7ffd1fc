package org.cleanmail.webadmin.policy;

import java.time.Instant;

import org.apache.james.server.task.json.dto.AdditionalInformationDTO;
import org.apache.james.server.task.json.dto.AdditionalInformationDTOModule;
import org.cleanmail.core.quarantine.PurgeResult;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The JSON form of {@link PurgeDetails}:
 * {@code {"type":"cleanmail-quarantine-purge","timestamp":"...","expiredEntries":2,"purgedEntries":2,
 * "deletedMails":1,"skippedEntries":0,"failedMails":0}}.
 */
public final class PurgeDetailsDTO implements AdditionalInformationDTO {
    private final String type;
    private final Instant timestamp;
    private final long expiredEntries;
    private final long purgedEntries;
    private final long deletedMails;
    private final long skippedEntries;
    private final long failedMails;

    @JsonCreator
    public PurgeDetailsDTO(@JsonProperty("type") String type, @JsonProperty("timestamp") Instant timestamp,
                           @JsonProperty("expiredEntries") long expiredEntries,
                           @JsonProperty("purgedEntries") long purgedEntries,
                           @JsonProperty("deletedMails") long deletedMails,
                           @JsonProperty("skippedEntries") long skippedEntries,
                           @JsonProperty("failedMails") long failedMails) {
        this.type = type;
        this.timestamp = timestamp;
        this.expiredEntries = expiredEntries;
        this.purgedEntries = purgedEntries;
        this.deletedMails = deletedMails;
        this.skippedEntries = skippedEntries;
        this.failedMails = failedMails;
    }

    /** The module that converts {@link PurgeDetails} to and from this DTO. */
    public static AdditionalInformationDTOModule<PurgeDetails, PurgeDetailsDTO> module() {
        return new AdditionalInformationDTOModule<>(
            (details, typeName) -> new PurgeDetailsDTO(typeName, details.timestamp(),
                details.counts().expiredEntries(), details.counts().purgedEntries(), details.counts().deletedMails(),
                details.counts().skippedEntries(), details.counts().failedMails()),
            dto -> new PurgeDetails(new PurgeResult(dto.expiredEntries, dto.purgedEntries, dto.deletedMails,
                dto.skippedEntries, dto.failedMails), dto.timestamp),
            PurgeDetails.class, PurgeDetailsDTO.class, PurgeExpiredTask.TYPE.asString());
    }

    @Override
    public String getType() {
        return type;
    }

    @Override
    public Instant getTimestamp() {
        return timestamp;
    }

    public long getExpiredEntries() {
        return expiredEntries;
    }

    public long getPurgedEntries() {
        return purgedEntries;
    }

    public long getDeletedMails() {
        return deletedMails;
    }

    public long getSkippedEntries() {
        return skippedEntries;
    }

    public long getFailedMails() {
        return failedMails;
    }
}
