package org.cleanmail.webadmin.fingerprint;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.james.server.task.json.dto.AdditionalInformationDTO;
import org.apache.james.server.task.json.dto.AdditionalInformationDTOModule;
import org.cleanmail.core.learning.LearnCounts;
import org.cleanmail.core.learning.LearnKind;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The JSON form of {@link LearnDetails}:
 * {@code {"type":"cleanmail-fingerprints-learn","timestamp":"...","as":"spam","sources":["/srv/spam"],
 * "filesSeen":12,"messagesSeen":12,"learned":10,"skippedTooShort":1,"skippedDuplicate":1,"failed":0,
 * "failures":[],"currentPath":"/srv/spam/00012.eml"}} ({@code currentPath} absent when no file is being read).
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public final class LearnDetailsDTO implements AdditionalInformationDTO {
    private final String type;
    private final Instant timestamp;
    private final String as;
    private final List<String> sources;
    private final long filesSeen;
    private final long messagesSeen;
    private final long learned;
    private final long skippedTooShort;
    private final long skippedDuplicate;
    private final long failed;
    private final List<String> failures;
    private final Optional<String> currentPath;

    @JsonCreator
    public LearnDetailsDTO(@JsonProperty("type") String type, @JsonProperty("timestamp") Instant timestamp,
                           @JsonProperty("as") String as, @JsonProperty("sources") List<String> sources,
                           @JsonProperty("filesSeen") long filesSeen, @JsonProperty("messagesSeen") long messagesSeen,
                           @JsonProperty("learned") long learned, @JsonProperty("skippedTooShort") long skippedTooShort,
                           @JsonProperty("skippedDuplicate") long skippedDuplicate, @JsonProperty("failed") long failed,
                           @JsonProperty("failures") List<String> failures,
                           @JsonProperty("currentPath") Optional<String> currentPath) {
        this.type = type;
        this.timestamp = timestamp;
        this.as = as;
        this.sources = sources == null ? List.of() : List.copyOf(sources);
        this.filesSeen = filesSeen;
        this.messagesSeen = messagesSeen;
        this.learned = learned;
        this.skippedTooShort = skippedTooShort;
        this.skippedDuplicate = skippedDuplicate;
        this.failed = failed;
        this.failures = failures == null ? List.of() : List.copyOf(failures);
        this.currentPath = currentPath == null ? Optional.empty() : currentPath;
    }

    /** The module that converts {@link LearnDetails} to and from this DTO. */
    public static AdditionalInformationDTOModule<LearnDetails, LearnDetailsDTO> module() {
        return new AdditionalInformationDTOModule<>(
            (details, typeName) -> new LearnDetailsDTO(typeName, details.timestamp(), details.kind().asText(),
                details.sources(), details.counts().filesSeen(), details.counts().messagesSeen(),
                details.counts().learned(), details.counts().skippedTooShort(), details.counts().skippedDuplicate(),
                details.counts().failed(), details.counts().failures(), details.counts().currentPath()),
            dto -> new LearnDetails(LearnKind.parse(dto.as), dto.sources, new LearnCounts(dto.filesSeen, dto.messagesSeen,
                dto.learned, dto.skippedTooShort, dto.skippedDuplicate, dto.failed, dto.failures, dto.currentPath),
                dto.timestamp),
            LearnDetails.class, LearnDetailsDTO.class, LearnFingerprintsTask.TYPE.asString());
    }

    @Override
    public String getType() {
        return type;
    }

    @Override
    public Instant getTimestamp() {
        return timestamp;
    }

    public String getAs() {
        return as;
    }

    public List<String> getSources() {
        return sources;
    }

    public long getFilesSeen() {
        return filesSeen;
    }

    public long getMessagesSeen() {
        return messagesSeen;
    }

    public long getLearned() {
        return learned;
    }

    public long getSkippedTooShort() {
        return skippedTooShort;
    }

    public long getSkippedDuplicate() {
        return skippedDuplicate;
    }

    public long getFailed() {
        return failed;
    }

    public List<String> getFailures() {
        return failures;
    }

    public Optional<String> getCurrentPath() {
        return currentPath;
    }
}
