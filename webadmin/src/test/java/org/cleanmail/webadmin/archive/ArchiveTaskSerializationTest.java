package org.cleanmail.webadmin.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.apache.james.server.task.json.JsonTaskAdditionalInformationSerializer;
import org.apache.james.server.task.json.JsonTaskSerializer;
import org.apache.james.task.Task;
import org.apache.james.task.TaskExecutionDetails;
import org.cleanmail.archive.search.ArchiveQuery;
import org.cleanmail.james.archive.MaintenanceRun;
import org.junit.jupiter.api.Test;

/**
 * The archive tasks and their details through James's own JSON serializers (what
 * {@code /tasks/{id}} renders and a distributed James stores): the JSON, and back to an
 * equal object. The tasks get no service: it is used only when they run.
 */
class ArchiveTaskSerializationTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ArchiveTaskExtension EXTENSION = new ArchiveTaskExtension(() -> null, CLOCK);

    private static JsonTaskAdditionalInformationSerializer details() {
        return JsonTaskAdditionalInformationSerializer.of(EXTENSION.taskAdditionalInformationDTOModules()
            .toArray(new org.apache.james.server.task.json.dto.AdditionalInformationDTOModule<?, ?>[0]));
    }

    private static JsonTaskSerializer tasks() {
        return new JsonTaskSerializer(EXTENSION.taskDTOModules());
    }

    private static TaskExecutionDetails.AdditionalInformation roundTrip(TaskExecutionDetails.AdditionalInformation in)
        throws Exception {
        return details().deserialize(details().serialize(in));
    }

    @Test
    void maintenanceDetailsShouldSerializeWithTheirCountsAndBack() throws Exception {
        ArchiveMaintenanceDetails details = new ArchiveMaintenanceDetails("repair", 10, 3, 4, 2, NOW);

        assertThat(details().serialize(details)).isEqualTo("{\"type\":\"cleanmail-archive-maintenance\","
            + "\"timestamp\":\"2026-11-25T10:00:00Z\",\"action\":\"repair\",\"seen\":10,\"indexed\":3,\"repaired\":4,"
            + "\"failed\":2}");
        assertThat(roundTrip(details)).isEqualTo(details);
    }

    @Test
    void purgeDetailsShouldSerializeAndBack() throws Exception {
        ArchivePurgeDetails details = new ArchivePurgeDetails(Instant.parse("2019-11-26T12:00:00Z"), 12, NOW);

        assertThat(details().serialize(details)).isEqualTo("{\"type\":\"cleanmail-archive-purge\","
            + "\"timestamp\":\"2026-11-25T10:00:00Z\",\"cutoff\":\"2019-11-26T12:00:00Z\",\"purged\":12}");
        assertThat(roundTrip(details)).isEqualTo(details);
    }

    @Test
    void exportDetailsShouldSerializeWithAndWithoutAUser() throws Exception {
        ArchiveExportDetails admin = new ArchiveExportDetails("archive-export-20261125-100000-0000abcd.mbox",
            Optional.empty(), "subject:invoice", 5, 4, 1, NOW);
        ArchiveExportDetails personal = new ArchiveExportDetails("archive-export-20261125-100000-0000abce.mbox",
            Optional.of("bob@example.com"), "", 2, 2, 0, NOW);

        assertThat(details().serialize(admin)).isEqualTo("{\"type\":\"cleanmail-archive-export\","
            + "\"timestamp\":\"2026-11-25T10:00:00Z\",\"fileName\":\"archive-export-20261125-100000-0000abcd.mbox\","
            + "\"user\":null,\"query\":\"subject:invoice\",\"matched\":5,\"exported\":4,\"failed\":1}");
        assertThat(roundTrip(admin)).isEqualTo(admin);
        assertThat(roundTrip(personal)).isEqualTo(personal);
    }

    @Test
    void maintenanceTasksShouldKeepTheirAction() throws Exception {
        for (MaintenanceRun.Kind kind : MaintenanceRun.Kind.values()) {
            String json = tasks().serialize(new ArchiveMaintenanceTask(null, kind, CLOCK));

            assertThat(json).isEqualTo("{\"type\":\"cleanmail-archive-maintenance\",\"action\":\"" + kind.keyword()
                + "\"}");
            Task back = tasks().deserialize(json);
            assertThat(back).isInstanceOf(ArchiveMaintenanceTask.class);
            assertThat(((ArchiveMaintenanceTask) back).kind()).isEqualTo(kind);
        }
    }

    @Test
    void aPurgeTaskShouldKeepItsCutoff() throws Exception {
        Instant cutoff = Instant.parse("2019-11-26T12:00:00Z");

        Task back = tasks().deserialize(tasks().serialize(new ArchivePurgeTask(null, cutoff, CLOCK)));

        assertThat(back).isInstanceOf(ArchivePurgeTask.class);
        assertThat(((ArchivePurgeTask) back).cutoff()).isEqualTo(cutoff);
    }

    @Test
    void anExportTaskShouldKeepItsQueryUserAndFile() throws Exception {
        ArchiveQuery query = ArchiveQuery.builder().query("subject:invoice").from("alice@example.com")
            .to("bob@example.com").after(Instant.parse("2026-01-01T00:00:00Z"))
            .before(Instant.parse("2026-02-01T00:00:00Z")).verdict("ham").build();
        ArchiveExportTask task = new ArchiveExportTask(null, query, Optional.of("bob@example.com"),
            "archive-export-20261125-100000-0000abcd.mbox", CLOCK);

        ArchiveExportTask back = (ArchiveExportTask) tasks().deserialize(tasks().serialize(task));

        assertThat(back.query()).isEqualTo(query);
        assertThat(back.user()).contains("bob@example.com");
        assertThat(back.fileName()).isEqualTo(task.fileName());
    }

    @Test
    void anAdminExportWithOnlyAQueryShouldComeBackWithoutAUser() throws Exception {
        ArchiveExportTask task = new ArchiveExportTask(null, ArchiveQuery.of("invoice"), Optional.empty(),
            "archive-export-20261125-100000-0000abcd.mbox", CLOCK);

        ArchiveExportTask back = (ArchiveExportTask) tasks().deserialize(tasks().serialize(task));

        assertThat(back.query()).isEqualTo(ArchiveQuery.of("invoice"));
        assertThat(back.user()).isEmpty();
    }
}
