package org.cleanmail.webadmin.fingerprint;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.apache.james.task.TaskId;
import org.apache.james.task.TaskManager;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.cleanmail.core.fingerprint.FingerprintId;
import org.cleanmail.core.fingerprint.FingerprintKind;
import org.cleanmail.core.fingerprint.FingerprintSource;
import org.cleanmail.core.fingerprint.store.FingerprintPage;
import org.cleanmail.core.fingerprint.store.FingerprintStats;
import org.cleanmail.core.fingerprint.store.FingerprintStore;
import org.cleanmail.core.learning.LearnKind;
import org.cleanmail.core.pipeline.FingerprintHitSource;
import org.cleanmail.core.pipeline.ScanInput;
import org.cleanmail.james.CleanMailRuntime;
import org.cleanmail.webadmin.MessageBodies;
import org.eclipse.jetty.http.HttpStatus;

import com.google.common.base.Preconditions;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The spam fingerprint database over webadmin, under {@code /cleanmail/fingerprints}:
 * <ul>
 *   <li>{@code GET /cleanmail/fingerprints/stats}: entries by kind and by source, vetoes;</li>
 *   <li>{@code GET /cleanmail/fingerprints?kind=TEXT_FUZZY&limit=100&cursor=...}: a page of entries;</li>
 *   <li>{@code DELETE /cleanmail/fingerprints/{kind}/{id}}: removes one entry;</li>
 *   <li>{@code POST /cleanmail/fingerprints/lookup} with a raw message as the body: its
 *   fingerprints and what the database knows of them;</li>
 *   <li>{@code POST /cleanmail/fingerprints/reports?as=spam|ham} with a raw message as the
 *   body: a spam report learns its fingerprints, a ham report removes and vetoes them;</li>
 *   <li>{@code POST /cleanmail/fingerprints/learn?as=spam|ham&source=/srv/corpus/spam[&source=...]}:
 *   a task (201, {@code taskId}) learning every message of those folders (recursively) and
 *   mbox files on the server, as {@code ./cleanmail learn} does; progress at
 *   {@code /tasks/{id}}; 400 for a source that is not an absolute path to an existing file or
 *   folder, 409 while another learning task is waiting or running.</li>
 * </ul>
 * Register in {@code webadmin.properties}: {@code extensions.routes=...,org.cleanmail.webadmin.fingerprint.FingerprintRoutes}.
 */
public class FingerprintRoutes implements Routes {
    public static final String BASE_PATH = "/cleanmail/fingerprints";
    private static final int MAX_LIMIT = 1000;

    private final CleanMailRuntime runtime;
    private final TaskManager taskManager;
    private final BulkLearning learning;
    private final JsonTransformer jsonTransformer = new JsonTransformer();

    @Inject
    public FingerprintRoutes(CleanMailRuntime runtime, TaskManager taskManager, BulkLearning learning) {
        this.runtime = runtime;
        this.taskManager = taskManager;
        this.learning = learning;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.get(BASE_PATH + "/stats", (request, response) -> stats(), jsonTransformer);
        service.get(BASE_PATH, this::list, jsonTransformer);
        service.delete(BASE_PATH + "/:kind/:id", this::delete);
        service.post(BASE_PATH + "/lookup", this::lookup, jsonTransformer);
        service.post(BASE_PATH + "/reports", this::report, jsonTransformer);
        service.post(BASE_PATH + "/learn", this::learn, jsonTransformer);
    }

    private FingerprintStore store() {
        return runtime.engine().fingerprintStore().orElseThrow(() -> ErrorResponder.builder()
            .statusCode(HttpStatus.CONFLICT_409)
            .type(ErrorResponder.ErrorType.WRONG_STATE)
            .message("Fingerprints are disabled (fingerprints.enabled=false in cleanmail.properties)")
            .haltError());
    }

    private FingerprintHitSource fingerprints() {
        store();
        return runtime.engine().fingerprints().orElseThrow();
    }

    private Map<String, Object> stats() {
        FingerprintStats stats = store().stats();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", stats.total());
        body.put("byKind", stats.byKind());
        body.put("bySource", stats.bySource());
        body.put("vetoes", stats.vetoes());
        return body;
    }

    private Map<String, Object> list(Request request, Response response) {
        Optional<FingerprintKind> kind = Optional.ofNullable(request.queryParams("kind")).map(FingerprintRoutes::kind);
        int limit = Optional.ofNullable(request.queryParams("limit")).map(FingerprintRoutes::limit).orElse(100);
        FingerprintPage page;
        try {
            page = store().list(kind, Optional.ofNullable(request.queryParams("cursor")), limit);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid 'cursor': " + e.getMessage(), e);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entries", page.entries().stream().map(FingerprintEntryDto::new).collect(Collectors.toList()));
        body.put("nextCursor", page.nextCursor().orElse(null));
        return body;
    }

    private String delete(Request request, Response response) {
        FingerprintKind kind = kind(request.params("kind"));
        FingerprintId id = id(request.params("id"));
        if (!store().remove(kind, id)) {
            throw ErrorResponder.builder()
                .statusCode(HttpStatus.NOT_FOUND_404)
                .type(ErrorResponder.ErrorType.NOT_FOUND)
                .message("No %s fingerprint %s", kind, id.hex())
                .haltError();
        }
        response.status(HttpStatus.NO_CONTENT_204);
        return "";
    }

    private Map<String, Object> lookup(Request request, Response response) {
        ScanInput input = parse(request);
        FingerprintHitSource fingerprints = fingerprints();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fingerprints", fingerprints.fingerprints(input).all().stream()
            .map(fingerprint -> Map.of("kind", fingerprint.kind().name(), "id", fingerprint.id().hex()))
            .collect(Collectors.toList()));
        body.put("matches", fingerprints.matches(input).stream()
            .map(match -> Map.of("kind", match.kind().name(), "id", match.id().hex(), "similarity", match.similarity(),
                "entry", new FingerprintEntryDto(match.entry())))
            .collect(Collectors.toList()));
        return body;
    }

    private Map<String, Object> report(Request request, Response response) {
        String as = Optional.ofNullable(request.queryParams("as")).orElse("").toLowerCase(Locale.ROOT);
        Preconditions.checkArgument(as.equals("spam") || as.equals("ham"),
            "'as' must be spam or ham, e.g. POST /cleanmail/fingerprints/reports?as=spam");
        ScanInput input = parse(request);
        FingerprintHitSource fingerprints = fingerprints();
        if (as.equals("spam")) {
            runtime.engine().learnSpam(input, FingerprintSource.USER_REPORT);
        } else {
            runtime.engine().learnHam(input, FingerprintSource.USER_REPORT);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reported", as);
        body.put("fingerprints", fingerprints.fingerprints(input).all().stream()
            .map(fingerprint -> fingerprint.kind().name() + ":" + fingerprint.id().hex())
            .collect(Collectors.toList()));
        return body;
    }

    private Map<String, String> learn(Request request, Response response) {
        LearnKind kind;
        try {
            kind = LearnKind.parse(request.queryParams("as"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'as' " + e.getMessage()
                + ", e.g. POST /cleanmail/fingerprints/learn?as=spam&source=/srv/corpus/spam", e);
        }
        String[] values = request.queryParamsValues("source");
        Preconditions.checkArgument(values != null && values.length > 0,
            "'source' must name a folder or mbox file on the server, e.g. POST %s/learn?as=spam&source=/srv/corpus/spam",
            BASE_PATH);
        List<Path> sources = new ArrayList<>();
        for (String value : values) {
            sources.add(source(value));
        }
        store();
        boolean busy = Stream.of(TaskManager.Status.WAITING, TaskManager.Status.IN_PROGRESS)
            .flatMap(status -> taskManager.list(status).stream())
            .anyMatch(task -> task.getType().equals(LearnFingerprintsTask.TYPE));
        if (busy) {
            throw ErrorResponder.builder()
                .statusCode(HttpStatus.CONFLICT_409)
                .type(ErrorResponder.ErrorType.WRONG_STATE)
                .message("A fingerprint learning task is already waiting or running: see GET /tasks?type=%s",
                    LearnFingerprintsTask.TYPE.asString())
                .haltError();
        }
        TaskId taskId = taskManager.submit(new LearnFingerprintsTask(learning, sources, kind));
        response.status(HttpStatus.CREATED_201);
        return Map.of("taskId", taskId.asString());
    }

    private static Path source(String value) {
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'source' is not a path: '" + value + "'", e);
        }
        Preconditions.checkArgument(path.isAbsolute(),
            "'source' must be an absolute path on the server, e.g. /srv/corpus/spam; got '%s'", value);
        Preconditions.checkArgument(Files.isDirectory(path) || Files.isRegularFile(path),
            "'source' must be an existing folder or message/mbox file readable by James; got '%s'", value);
        return path;
    }

    private ScanInput parse(Request request) {
        return MessageBodies.parse(request, runtime);
    }

    private static FingerprintKind kind(String text) {
        try {
            return FingerprintKind.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'kind' must be one of " + List.of(FingerprintKind.values()) + "; got '"
                + text + "'", e);
        }
    }

    private static FingerprintId id(String text) {
        try {
            return FingerprintId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'id' must be a fingerprint id of 32 hexadecimal digits; got '" + text + "'", e);
        }
    }

    private static int limit(String text) {
        try {
            int limit = Integer.parseInt(text);
            Preconditions.checkArgument(limit >= 1 && limit <= MAX_LIMIT, "'limit' must be between 1 and %s; got %s",
                MAX_LIMIT, limit);
            return limit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'limit' must be a number between 1 and " + MAX_LIMIT + "; got '" + text + "'", e);
        }
    }
}
