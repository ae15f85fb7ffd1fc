package org.cleanmail.webadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import javax.inject.Provider;

import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.apache.james.server.task.json.JsonTaskAdditionalInformationSerializer;
import org.apache.james.server.task.json.JsonTaskSerializer;
import org.apache.james.server.task.json.dto.AdditionalInformationDTOModule;
import org.apache.james.task.Task;
import org.cleanmail.core.learning.LearnCounts;
import org.cleanmail.core.learning.LearnKind;
import org.cleanmail.core.policy.EmbeddedPolicyStore;
import org.cleanmail.core.quarantine.DeletionLog;
import org.cleanmail.core.quarantine.EmbeddedQuarantineIndex;
import org.cleanmail.core.quarantine.PurgeResult;
import org.cleanmail.james.CleanMailConfiguration;
import org.cleanmail.james.CleanMailRuntime;
import org.cleanmail.james.policy.PolicyServices;
import org.cleanmail.james.policy.PolicySettings;
import org.cleanmail.james.policy.QuarantineRepository;
import org.cleanmail.webadmin.archive.ArchiveTaskExtension;
import org.cleanmail.webadmin.fingerprint.BulkLearning;
import org.cleanmail.webadmin.fingerprint.LearnDetails;
import org.cleanmail.webadmin.fingerprint.LearnFingerprintsTask;
import org.cleanmail.webadmin.policy.PurgeDetails;
import org.cleanmail.webadmin.policy.PurgeExpiredTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

/** CleanMail's tasks and their details through James's own JSON serializers, as a distributed James stores them. */
class CleanMailTaskSerializationTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    private static final Path SPAM = Path.of(System.getProperty("cleanmail.corpus", "../../shared/corpus"),
        "spamassassin-public", "spam");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private CleanMailRuntime runtime;
    private PolicyServices policies;
    private BulkLearning learning;
    private CleanMailTaskExtension extension;

    @BeforeEach
    void setUp() {
        runtime = new CleanMailRuntime(CleanMailConfiguration.defaults(), new RecordingMetricFactory(),
            CleanMailRuntime.openEngine(CleanMailConfiguration.defaults(), folder.resolve("state")));
        policies = new PolicyServices(new PolicySettings(Optional.empty(), Duration.ZERO, 100),
            EmbeddedPolicyStore.inMemory(), EmbeddedQuarantineIndex.inMemory(), DeletionLog.inMemory(CLOCK, 10),
            new QuarantineRepository(null, "memory://var/mail/quarantine/"), CLOCK);
        learning = new BulkLearning(runtime, CLOCK);
        extension = new CleanMailTaskExtension(() -> policies, () -> learning, new ArchiveTaskExtension(() -> {
            throw new AssertionError("no archive task is revived here");
        }, CLOCK));
    }

    @AfterEach
    void tearDown() {
        policies.close();
        runtime.close();
    }

    private JsonTaskSerializer taskSerializer() {
        return new JsonTaskSerializer(extension.taskDTOModules());
    }

    @SuppressWarnings("unchecked")
    private JsonTaskAdditionalInformationSerializer detailsSerializer() {
        return JsonTaskAdditionalInformationSerializer.of(extension.taskAdditionalInformationDTOModules()
            .toArray(new AdditionalInformationDTOModule[0]));
    }

    private static void assertSameJson(String actual, String expected) throws Exception {
        assertThat(JSON.readTree(actual)).isEqualTo(JSON.readTree(expected));
    }

    @Test
    void aPurgeTaskShouldBeStoredAndRevivedOnThePolicyServices() throws Exception {
        String json = taskSerializer().serialize(new PurgeExpiredTask(policies));

        assertSameJson(json, "{\"type\":\"cleanmail-quarantine-purge\"}");
        Task revived = taskSerializer().deserialize(json);
        assertThat(revived).isInstanceOf(PurgeExpiredTask.class);
        assertThat(revived.run()).isEqualTo(Task.Result.COMPLETED);
        assertThat(revived.details()).contains(new PurgeDetails(new PurgeResult(0, 0, 0, 0, 0), CLOCK.instant()));
    }

    @Test
    void aLearnTaskShouldBeStoredWithItsSourcesAndKindAndRevivedToLearn() throws Exception {
        Path spam = Files.createDirectories(folder.resolve("spam"));
        Files.copy(SPAM.resolve("00001.eml"), spam.resolve("00001.eml"));
        Files.copy(SPAM.resolve("00005.eml"), spam.resolve("00005.eml"));
        LearnFingerprintsTask task = new LearnFingerprintsTask(learning, List.of(spam), LearnKind.SPAM);

        String json = taskSerializer().serialize(task);

        assertSameJson(json, "{\"type\":\"cleanmail-fingerprints-learn\",\"sources\":[\"" + spam + "\"],\"as\":\"spam\"}");
        LearnFingerprintsTask revived = (LearnFingerprintsTask) taskSerializer().deserialize(json);
        assertThat(revived.sources()).containsExactly(spam);
        assertThat(revived.kind()).isEqualTo(LearnKind.SPAM);
        assertThat(revived.run()).isEqualTo(Task.Result.COMPLETED);
        assertThat(((LearnDetails) revived.details().orElseThrow()).counts().learned()).isEqualTo(2);
        assertThat(runtime.engine().fingerprintStore().orElseThrow().stats().total()).isPositive();
    }

    @Test
    void learnDetailsShouldRoundTripThroughJamesSerializer() throws Exception {
        LearnDetails details = new LearnDetails(LearnKind.HAM, List.of("/srv/ham", "/srv/more.mbox"),
            new LearnCounts(12, 14, 10, 1, 2, 1, List.of("/srv/ham/x.eml: unreadable"), Optional.of("/srv/more.mbox")),
            CLOCK.instant());

        String json = detailsSerializer().serialize(details);

        assertSameJson(json, "{\"type\":\"cleanmail-fingerprints-learn\",\"timestamp\":\"2026-11-25T10:00:00Z\","
            + "\"as\":\"ham\",\"sources\":[\"/srv/ham\",\"/srv/more.mbox\"],\"filesSeen\":12,\"messagesSeen\":14,"
            + "\"learned\":10,\"skippedTooShort\":1,\"skippedDuplicate\":2,\"failed\":1,"
            + "\"failures\":[\"/srv/ham/x.eml: unreadable\"],\"currentPath\":\"/srv/more.mbox\"}");
        assertThat(detailsSerializer().deserialize(json)).isEqualTo(details);
    }

    @Test
    void finishedLearnDetailsShouldHaveNoCurrentPath() throws Exception {
        LearnDetails details = new LearnDetails(LearnKind.SPAM, List.of("/srv/spam"),
            new LearnCounts(1, 1, 1, 0, 0, 0, List.of(), Optional.empty()), CLOCK.instant());

        String json = detailsSerializer().serialize(details);

        assertThat(JSON.readTree(json).has("currentPath")).isFalse();
        assertThat(detailsSerializer().deserialize(json)).isEqualTo(details);
    }

    @Test
    void purgeDetailsShouldRoundTripThroughJamesSerializer() throws Exception {
        PurgeDetails details = new PurgeDetails(new PurgeResult(3, 2, 1, 1, 0), CLOCK.instant());

        assertThat(detailsSerializer().deserialize(detailsSerializer().serialize(details))).isEqualTo(details);
    }

    @Test
    void registeringTheModulesShouldOpenNoService() throws Exception {
        Provider<PolicyServices> unusable = () -> {
            throw new AssertionError("opened while registering");
        };
        Provider<BulkLearning> alsoUnusable = () -> {
            throw new AssertionError("opened while registering");
        };
        CleanMailTaskExtension lazy = new CleanMailTaskExtension(unusable, alsoUnusable,
            new ArchiveTaskExtension(() -> {
                throw new AssertionError("opened while registering");
            }, CLOCK));

        String json = new JsonTaskSerializer(lazy.taskDTOModules()).serialize(new PurgeExpiredTask(policies));

        assertThat(json).contains("cleanmail-quarantine-purge");
        assertThat(lazy.taskAdditionalInformationDTOModules()).hasSize(5);
        assertThat(lazy.taskDTOModules()).hasSize(5);
    }

    @Test
    void anUnknownTypeShouldNotBeRevived() {
        assertThatThrownBy(() -> taskSerializer().deserialize("{\"type\":\"cleanmail-unknown\"}"))
            .isInstanceOf(JsonTaskSerializer.UnknownTaskException.class);
    }

}
