package org.cleanmail.webadmin.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.james.metrics.tests.RecordingMetricFactory;
import org.apache.james.task.Hostname;
import org.apache.james.task.Task;
import org.apache.james.task.TaskExecutionDetails;
import org.apache.james.task.TaskId;
import org.apache.james.task.TaskManager;
import org.apache.james.webadmin.WebAdminServer;
import org.apache.james.webadmin.WebAdminUtils;
import org.cleanmail.core.learning.LearnKind;
import org.cleanmail.james.CleanMailConfiguration;
import org.cleanmail.james.CleanMailRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bulk learning route over HTTP, with a task manager that only records what is submitted. */
class LearnRouteTest {
    @TempDir
    Path folder;

    private final List<Task> submitted = new ArrayList<>();
    private CleanMailRuntime runtime;
    private WebAdminServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void setUp() {
        runtime = new CleanMailRuntime(CleanMailConfiguration.defaults(), new RecordingMetricFactory(),
            CleanMailRuntime.openEngine(CleanMailConfiguration.defaults(), folder.resolve("state")));
        server = WebAdminUtils.createWebAdminServer(
            new FingerprintRoutes(runtime, new RecordingTaskManager(), new BulkLearning(runtime, Clock.systemUTC())))
            .start();
    }

    @AfterEach
    void tearDown() {
        server.destroy();
        runtime.close();
    }

    private HttpResponse<String> post(String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort().getValue()
                + "/cleanmail/fingerprints/learn?" + query))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String encoded(Path path) {
        return URLEncoder.encode(path.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void aLearningRequestShouldSubmitOneTaskWithEverySource() throws Exception {
        HttpResponse<String> response = post("as=HAM&source=" + encoded(folder) + "&source=" + encoded(folder.resolve("state")));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).contains("\"taskId\"");
        assertThat(submitted).singleElement().isInstanceOfSatisfying(LearnFingerprintsTask.class, task -> {
            assertThat(task.kind()).isEqualTo(LearnKind.HAM);
            assertThat(task.sources()).containsExactly(folder, folder.resolve("state"));
        });
    }

    @Test
    void aSecondRequestWhileOneIsWaitingShouldBeAConflict() throws Exception {
        assertThat(post("as=spam&source=" + encoded(folder)).statusCode()).isEqualTo(201);

        HttpResponse<String> second = post("as=spam&source=" + encoded(folder));

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("A fingerprint learning task is already waiting or running");
        assertThat(submitted).hasSize(1);
    }

    @Test
    void badParametersShouldBe400sNamingTheParameter() throws Exception {
        assertThat(post("as=spam").body()).contains("'source' must name a folder or mbox file on the server");
        assertThat(post("as=spam&source=relative").body()).contains("'source' must be an absolute path");
        assertThat(post("as=spam&source=" + encoded(folder.resolve("nope"))).body())
            .contains("'source' must be an existing folder or message/mbox file");
        assertThat(post("source=" + encoded(folder)).body()).contains("'as' must be spam or ham");
        assertThat(post("as=spam").statusCode()).isEqualTo(400);
        assertThat(submitted).isEmpty();
    }

    /** Records submitted tasks; they stay WAITING. */
    private final class RecordingTaskManager implements TaskManager {
        private final List<TaskExecutionDetails> details = new ArrayList<>();

        @Override
        public synchronized TaskId submit(Task task) {
            TaskId id = TaskId.generateTaskId();
            submitted.add(task);
            details.add(TaskExecutionDetails.from(task, id, new Hostname("test")));
            return id;
        }

        @Override
        public synchronized TaskExecutionDetails getExecutionDetails(TaskId id) {
            return details.stream().filter(detail -> detail.getTaskId().equals(id)).findFirst().orElseThrow();
        }

        @Override
        public synchronized List<TaskExecutionDetails> list() {
            return List.copyOf(details);
        }

        @Override
        public synchronized List<TaskExecutionDetails> list(Status status) {
            return details.stream().filter(detail -> detail.getStatus() == status).collect(Collectors.toList());
        }

        @Override
        public void cancel(TaskId id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TaskExecutionDetails await(TaskId id, Duration timeout) {
            throw new UnsupportedOperationException();
        }
    }
}
