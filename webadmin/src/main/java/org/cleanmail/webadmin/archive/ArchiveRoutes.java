package org.cleanmail.webadmin.archive;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;
import javax.mail.MessagingException;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.cleanmail.archive.MessageArchive;
import org.cleanmail.archive.crypto.TamperedContentException;
import org.cleanmail.archive.crypto.UnknownArchiveKeyException;
import org.cleanmail.archive.index.ArchiveDocumentFactory;
import org.cleanmail.archive.model.ArchiveId;
import org.cleanmail.archive.model.ArchivedMessage;
import org.cleanmail.archive.search.ArchiveQuery;
import org.cleanmail.core.message.MessageParser;
import org.cleanmail.james.CleanMailConfiguration;
import org.cleanmail.james.archive.ArchiveService;
import org.cleanmail.james.archive.MaintenanceRun;
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
 *   <li>{@code POST /cleanmail/archive?action=reindex|repair}: starts it in the background
 *   (202); its progress is in the status.</li>
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
    private static final Logger LOGGER = LoggerFactory.getLogger(ArchiveRoutes.class);

    private final ArchiveService service;
    private final JsonTransformer jsonTransformer = new JsonTransformer();
    private final ArchiveDocumentFactory documents = new ArchiveDocumentFactory(MessageParser.defaultParser());

    @Inject
    public ArchiveRoutes(ArchiveService service) {
        this.service = service;
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
        MaintenanceRun.Kind kind;
        if (action.equals(MaintenanceRun.Kind.REINDEX.keyword())) {
            kind = MaintenanceRun.Kind.REINDEX;
        } else if (action.equals(MaintenanceRun.Kind.REPAIR.keyword())) {
            kind = MaintenanceRun.Kind.REPAIR;
        } else {
            throw new IllegalArgumentException("'action' must be reindex or repair, e.g. POST " + BASE_PATH
                + "?action=reindex; got '" + action + "'");
        }
        archive();
        MaintenanceRun run = service.maintenance().orElseThrow().start(kind).orElseThrow(() -> ErrorResponder.builder()
            .statusCode(HttpStatus.CONFLICT_409)
            .type(ErrorResponder.ErrorType.WRONG_STATE)
            .message("An archive repair or re-indexing is already running; follow it at GET %s", STATUS_PATH)
            .haltError());
        response.status(HttpStatus.ACCEPTED_202);
        Map<String, Object> json = ArchiveJson.run(run);
        json.put("progress", STATUS_PATH);
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
