package org.cleanmail.webadmin.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.apache.james.server.task.json.dto.AdditionalInformationDTOModule;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.cleanmail.core.quarantine.PurgeResult;
import org.junit.jupiter.api.Test;

class PurgeDetailsDTOTest {
    private static final PurgeDetails DETAILS = new PurgeDetails(new PurgeResult(3, 2, 1, 1, 0),
        Instant.parse("2026-11-25T10:00:00Z"));

    @Test
    void detailsShouldBeRenderedWithTheirCounts() throws Exception {
        AdditionalInformationDTOModule<PurgeDetails, PurgeDetailsDTO> module = PurgeDetailsDTO.module();

        String json = new JsonTransformer().render(module.toDTO(DETAILS));

        assertThat(json).isEqualTo("{\"type\":\"cleanmail-quarantine-purge\",\"timestamp\":\"2026-11-25T10:00:00Z\","
            + "\"expiredEntries\":3,\"purgedEntries\":2,\"deletedMails\":1,\"skippedEntries\":1,\"failedMails\":0}");
    }

    @Test
    void aDtoShouldConvertBackToTheSameDetails() {
        AdditionalInformationDTOModule<PurgeDetails, PurgeDetailsDTO> module = PurgeDetailsDTO.module();

        assertThat(module.getToDomainObjectConverter().convert(module.toDTO(DETAILS))).isEqualTo(DETAILS);
    }
}
