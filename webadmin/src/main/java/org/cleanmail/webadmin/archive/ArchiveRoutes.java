package org.cleanmail.webadmin.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.task.Task;
import org.apache.james.task.TaskId;
import org.apache.james.task.TaskManager;
import org.apache.james.task.TaskType;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.routes.TasksRoutes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.cleanmail.archive.MessageArchive;
import org.cleanmail.archive.crypto.TamperedContentException;
import org.cleanmail.archive.crypto.UnknownArchiveKeyException;
import org.cleanmail.archive.export.MboxWriter;
import org.cleanmail.archive.index.ArchiveDocumentFactory;
import org.cleanmail.archive.model.ArchiveId;
import org.cleanmail.archive.model.ArchivedMessage;
import org.cleanmail.archive.search.ArchiveQuery;
import org.cleanmail.core.message.MessageParser;
import org.cleanmail.james.CleanMailConfiguration;
import org.cleanmail.james.archive.ArchiveExport;
import org.cleanmail.james.archive.ArchiveMaintenance;
import org.cleanmail.james.archive.ArchiveService;
import org.cleanmail.james.archive.MaintenanceRun;
import org.cleanmail.james.sender.ServerClock;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The encrypted message archive over webadmin:
 * <ul>
 *   <li>{@code GET /cleanmail/archive?q=&from=&to=&after=&before=&verdict=&offset=&limit=&sort=date|date-asc|relevance}:
 *   search all mail (count, hits with list fields and highlighted snippets);</li>
 *   <li>{@code GET /cleanmail/users/{user}/archive?...}: the same, limited by the search
 *   itself to mail the user sent or received;</li>
 *   <li>{@code GET /cleanmail/archive/{id}}: one message decrypted, metadata, headers and text;</li>
 *   <li>{@code GET /cleanmail/archive/{id}/raw}: the message as {@code message/rfc822};</li>
 *   <li>{@code GET /cleanmail/archive/status}: counts, queue, errors, the last maintenance run;</li>
 *   <li>{@code POST /cleanmail/archive?action=reindex|repair|purge}: a James task (201,
 *   {@code taskId}, {@code Location: /tasks/{id}}); one at a time (409 otherwise);</li>
 *   <li>{@code POST /cleanmail/archive/exports?q=...} (search parameters) and
 *   {@code POST /cleanmail/users/{user}/archive/exports?q=...}: a task that exports the
 *   matching mail to an mbox file;</li>
 *   <li>{@code GET /cleanmail/archive/exports}: the export files (name, size, time);
 *   {@code GET /cleanmail/archive/exports/{fileName}}: one ({@code application/mbox});
 *   {@code DELETE} it once downloaded (204).</li>
 * </ul>
 * An invalid query is a 400 whose details say what and where; tampered content is a 500
 * that says so and returns nothing of it; a disabled archive answers 409.
 */
public class ArchiveRoutes implements Routes {
    public static final String BASE_PATH = "/cleanmail/archive";
    public static final String ID = ":id";
    public static final String USER = ":user";
    public static final String STATUS_PATH = BASE_PATH + "/status";
    public static final String MESSAGE_PATH = BASE_PATH + "/" + ID;
    public static final String RAW_PATH = MESSAGE_PATH + "/raw";
    public static final String PERSONAL_PATH = "/cleanmail/users/" + USER + "/archive";
    public static final String ACTION = "action";
    public static final String PURGE = "purge";
    public static final String NAME = ":name";
    public static final String EXPORTS_PATH = BASE_PATH + "/exports";
    public static final String EXPORT_PATH = EXPORTS_PATH + "/" + NAME;
    public static final String PERSONAL_EXPORTS_PATH = PERSONAL_PATH + "/exports";
    private static final Set<TaskType> MAINTENANCE_TYPES = Set.of(ArchiveMaintenanceTask.TYPE, ArchivePurgeTask.TYPE);
    private static final Logger LOGGER = LoggerFactory.getLogger(ArchiveRoutes.class);

    private final ArchiveService service;
    private final TaskManager taskManager;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final JsonTransformer jsonTransformer = new JsonTransformer();
    private final ArchiveDocumentFactory documents = new ArchiveDocumentFactory(MessageParser.defaultParser());

    @Inject
    public ArchiveRoutes(ArchiveService service, TaskManager taskManager, ServerClock clock) {
        this(service, taskManager, clock.clock());
    }

    public ArchiveRoutes(ArchiveService service, TaskManager taskManager, Clock clock) {
        this.service = service;
        this.taskManager = taskManager;
        this.clock = clock;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service spark) {
        spark.get(STATUS_PATH, (request, response) -> ArchiveJson.status(service), jsonTransformer);
        spark.get(BASE_PATH, this::search, jsonTransformer);
        spark.post(BASE_PATH, this::maintain, jsonTransformer);
        spark.get(PERSONAL_PATH, this::searchPersonal, jsonTransformer);
        spark.post(EXPORTS_PATH, (request, response) -> export(request, response, Optional.empty()), jsonTransformer);
        spark.post(PERSONAL_EXPORTS_PATH, (request, response) -> export(request, response,
            Optional.of(request.params(USER))), jsonTransformer);
        spark.get(EXPORTS_PATH, (request, response) -> exports(), jsonTransformer);
        spark.get(EXPORT_PATH, this::download);
        spark.delete(EXPORT_PATH, this::deleteExport);
        spark.get(RAW_PATH, this::raw);
        spark.get(MESSAGE_PATH, this::message, jsonTransformer);
    }

    private Map<String, Object> search(Request request, Response response) throws IOException {
        ArchiveQuery query = ArchiveRequestParameters.query(request);
        return ArchiveJson.result(archive().search(query));
    }

    private Map<String, Object> searchPersonal(Request request, Response response) throws IOException {
        ArchiveQuery query = ArchiveRequestParameters.query(request);
        return ArchiveJson.result(archive().searchPersonal(request.params(USER), query));
    }

    private Map<String, Object> message(Request request, Response response) throws IOException, MessagingException {
        MessageArchive archive = archive();
        ArchiveId id = ArchiveId.of(request.params(ID));
        ArchivedMessage message = fetch(archive, id);
        return ArchiveJson.message(id, message, documents.bodyText(message));
    }

    private byte[] raw(Request request, Response response) throws IOException {
        ArchiveId id = ArchiveId.of(request.params(ID));
        byte[] raw = fetch(archive(), id).raw();
        response.type("message/rfc822");
        response.header("Content-Disposition", "attachment; filename=\"" + id.value() + ".eml\"");
        return raw;
    }

    private Map<String, Object> maintain(Request request, Response response) {
        String action = Optional.ofNullable(request.queryParams(ACTION)).orElse("").trim().toLowerCase(Locale.ROOT);
        Task task;
        if (action.equals(MaintenanceRun.Kind.REINDEX.keyword())) {
            task = new ArchiveMaintenanceTask(service, MaintenanceRun.Kind.REINDEX, clock);
        } else if (action.equals(MaintenanceRun.Kind.REPAIR.keyword())) {
            task = new ArchiveMaintenanceTask(service, MaintenanceRun.Kind.REPAIR, clock);
        } else if (action.equals(PURGE)) {
            task = new ArchivePurgeTask(service, archive().retentionCutoff(service.settings().retention()), clock);
        } else {
            throw new IllegalArgumentException("'action' must be reindex, repair or purge, e.g. POST " + BASE_PATH
                + "?action=reindex; got '" + action + "'");
        }
        archive();
        requireNoMaintenanceTask();
        return submitted(taskManager.submit(task), response);
    }

    private Map<String, Object> export(Request request, Response response, Optional<String> user) throws IOException {
        MessageArchive archive = archive();
        ArchiveQuery query = ArchiveRequestParameters.query(request);
        // Runs the query once now, so that a bad one is a 400 here rather than a failed task.
        if (user.isPresent()) {
            archive.searchPersonal(user.get(), ArchiveQuery.builder().query(query.query().orElse(null)).limit(1)
                .snippets(false).build());
        } else {
            archive.search(ArchiveQuery.builder().query(query.query().orElse(null)).limit(1).snippets(false).build());
        }
        String fileName = ArchiveExport.newFileName(clock.instant(), random);
        Map<String, Object> json = submitted(taskManager.submit(new ArchiveExportTask(service, query, user, fileName,
            clock)), response);
        json.put("fileName", fileName);
        json.put("download", EXPORTS_PATH + "/" + fileName);
        return json;
    }

    private Object download(Request request, Response response) throws IOException {
        archive();
        String name = request.params(NAME);
        Path file = ArchiveExport.file(service.exportsFolder(), name).orElseThrow(() -> ErrorResponder.builder()
            .statusCode(HttpStatus.NOT_FOUND_404)
            .type(ErrorResponder.ErrorType.NOT_FOUND)
            .message("No archive export %s (an export appears when its task has completed)", name)
            .haltError());
        response.type(MboxWriter.MEDIA_TYPE);
        response.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        response.header("Content-Length", Long.toString(Files.size(file)));
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(response.raw().getOutputStream());
        }
        return "";
    }

    private List<Map<String, Object>> exports() throws IOException {
        archive();
        List<Map<String, Object>> files = new ArrayList<>();
        for (ArchiveExport.File file : ArchiveExport.list(service.exportsFolder())) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("fileName", file.name());
            json.put("size", file.size());
            json.put("created", file.created().toString());
            files.add(json);
        }
        return files;
    }

    private Object deleteExport(Request request, Response response) throws IOException {
        archive();
        String name = request.params(NAME);
        Path file = ArchiveExport.file(service.exportsFolder(), name).orElseThrow(() -> ErrorResponder.builder()
            .statusCode(HttpStatus.NOT_FOUND_404)
            .type(ErrorResponder.ErrorType.NOT_FOUND)
            .message("No archive export %s", name)
            .haltError());
        Files.delete(file);
        LOGGER.info("Archive export {} deleted", name);
        response.status(HttpStatus.NO_CONTENT_204);
        return "";
    }

    /** One archive repair, re-indexing or purge at a time: a second while one waits or runs is a 409. */
    private void requireNoMaintenanceTask() {
        boolean pending = service.maintenance().map(ArchiveMaintenance::busy).orElse(false)
            || Stream.of(TaskManager.Status.WAITING, TaskManager.Status.IN_PROGRESS)
                .flatMap(status -> taskManager.list(status).stream())
                .anyMatch(details -> MAINTENANCE_TYPES.contains(details.getType()));
        if (pending) {
            throw ErrorResponder.builder()
                .statusCode(HttpStatus.CONFLICT_409)
                .type(ErrorResponder.ErrorType.WRONG_STATE)
                .message("An archive repair, re-indexing or purge is already waiting or running; follow it at GET"
                    + " /tasks?status=inProgress")
                .haltError();
        }
    }

    private static Map<String, Object> submitted(TaskId taskId, Response response) {
        response.status(HttpStatus.CREATED_201);
        response.header("Location", TasksRoutes.BASE + "/" + taskId.asString());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("taskId", taskId.asString());
        return json;
    }

    private MessageArchive archive() {
        return service.archive().orElseThrow(() -> ErrorResponder.builder()
            .statusCode(HttpStatus.CONFLICT_409)
            .type(ErrorResponder.ErrorType.WRONG_STATE)
            .message("The archive is disabled (archive.enabled=false in %s)", CleanMailConfiguration.FILE)
            .haltError());
    }

    private static ArchivedMessage fetch(MessageArchive archive, ArchiveId id) throws IOException {
        try {
            return archive.fetchArchived(id).orElseThrow(() -> ErrorResponder.builder()
                .statusCode(HttpStatus.NOT_FOUND_404)
                .type(ErrorResponder.ErrorType.NOT_FOUND)
                .message("No archived message %s", id.value())
                .haltError());
        } catch (TamperedContentException e) {
            LOGGER.error("Archived message {} failed authentication: {}", id, e.getMessage());
            throw ErrorResponder.builder()
                .statusCode(HttpStatus.INTERNAL_SERVER_ERROR_500)
                .type(ErrorResponder.ErrorType.SERVER_ERROR)
                .message("Archived message %s has been tampered with: its stored content failed authentication"
                    + " and is not returned", id.value())
                .haltError();
        } catch (UnknownArchiveKeyException e) {
            throw ErrorResponder.builder()
                .statusCode(HttpStatus.INTERNAL_SERVER_ERROR_500)
                .type(ErrorResponder.ErrorType.SERVER_ERROR)
                .message("Archived message %s was encrypted with key '%s', which is not in the archive key file;"
                    + " put that key's line back", id.value(), e.keyId())
                .haltError();
        }
    }
}
