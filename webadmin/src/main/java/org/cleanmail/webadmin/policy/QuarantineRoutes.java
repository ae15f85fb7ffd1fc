package org.cleanmail.webadmin.policy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.mail.Header;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;

import org.apache.james.task.TaskId;
import org.apache.james.task.TaskManager;
import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.apache.mailet.Mail;
import org.cleanmail.core.policy.DispositionReason;
import org.cleanmail.core.policy.PolicyScope;
import org.cleanmail.core.quarantine.QuarantineEntry;
import org.cleanmail.core.quarantine.QuarantineEntryId;
import org.cleanmail.core.quarantine.QuarantinePage;
import org.cleanmail.core.quarantine.QuarantineQuery;
import org.cleanmail.core.quarantine.QuarantineSort;
import org.cleanmail.james.policy.PolicyServices;
import org.cleanmail.james.policy.QuarantineActions;
import org.eclipse.jetty.http.HttpStatus;

import com.google.common.base.Preconditions;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The quarantine over webadmin.
 * <ul>
 *   <li>{@code GET /cleanmail/quarantine}: entries, filtered by {@code recipient},
 *   {@code sender}, {@code after}, {@code before} (ISO instants), {@code reason},
 *   {@code minScore}, {@code maxScore}; paged by {@code offset} and {@code limit}; sorted by
 *   {@code sort} ({@code arrival}, {@code -arrival} (default), {@code score}, {@code -score});</li>
 *   <li>{@code GET /cleanmail/quarantine/{key}/{recipient}}: one entry with the message's
 *   headers and a plain-text preview; {@code .../raw}: the message ({@code message/rfc822});</li>
 *   <li>{@code POST /cleanmail/quarantine/{key}/{recipient}/release[?whitelist=true]}: delivers it
 *   to that recipient only (and white-lists the sender for them);</li>
 *   <li>{@code DELETE /cleanmail/quarantine/{key}/{recipient}};</li>
 *   <li>{@code POST /cleanmail/quarantine?action=purge}: a task purging expired entries (201, taskId);</li>
 *   <li>{@code GET /cleanmail/users/{user}/quarantine}: that user's entries only, same filters;
 *   {@code POST /cleanmail/users/{user}/quarantine/{key}/release[?whitelist=true]}: a user's own
 *   release, refused (403) when the user's policy does not let users release;</li>
 *   <li>{@code GET /cleanmail/deletions[?recipient=]}: the most recent deletions, and SMTP
 *   rejections ({@code "action": "REJECT"}).</li>
 * </ul>
 */
public class QuarantineRoutes implements Routes {
    public static final String BASE_PATH = "/cleanmail/quarantine";
    public static final String KEY = ":key";
    public static final String RECIPIENT = ":recipient";
    public static final String USER = ":user";
    public static final String ENTRY_PATH = BASE_PATH + "/" + KEY + "/" + RECIPIENT;
    public static final String RAW_PATH = ENTRY_PATH + "/raw";
    public static final String RELEASE_PATH = ENTRY_PATH + "/release";
    public static final String USER_PATH = "/cleanmail/users/" + USER + "/quarantine";
    public static final String USER_RELEASE_PATH = USER_PATH + "/" + KEY + "/release";
    public static final String DELETIONS_PATH = "/cleanmail/deletions";
    public static final int PREVIEW_LENGTH = 2000;

    private final PolicyServices services;
    private final QuarantineActions actions;
    private final TaskManager taskManager;
    private final JsonTransformer jsonTransformer = new JsonTransformer();

    @Inject
    public QuarantineRoutes(PolicyServices services, QuarantineActions actions, TaskManager taskManager) {
        this.services = services;
        this.actions = actions;
        this.taskManager = taskManager;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.get(BASE_PATH, (request, response) -> page(services.index().list(query(request))), jsonTransformer);
        service.post(BASE_PATH, this::purge, jsonTransformer);
        service.get(ENTRY_PATH, this::show, jsonTransformer);
        service.get(RAW_PATH, this::raw);
        service.post(RELEASE_PATH, (request, response) ->
            release(id(request.params(KEY), request.params(RECIPIENT)), request, response));
        service.delete(ENTRY_PATH, this::delete);
        service.get(USER_PATH, (request, response) ->
            page(services.index().listOf(user(request), query(request))), jsonTransformer);
        service.post(USER_RELEASE_PATH, this::userRelease);
        service.get(DELETIONS_PATH, this::deletions, jsonTransformer);
    }

    private static String user(Request request) {
        return PolicyScope.user(request.params(USER)).name();
    }

    static QuarantineQuery query(Request request) {
        QuarantineQuery.Builder query = QuarantineQuery.builder();
        RouteSupport.optional(request, "recipient").ifPresent(query::recipient);
        RouteSupport.optional(request, "sender").ifPresent(query::sender);
        RouteSupport.optional(request, "after").ifPresent(value -> query.arrivedFrom(instant("after", value)));
        RouteSupport.optional(request, "before").ifPresent(value -> query.arrivedBefore(instant("before", value)));
        RouteSupport.optional(request, "reason").ifPresent(value -> query.reason(reason(value)));
        RouteSupport.optional(request, "minScore").ifPresent(value -> query.minScore(number("minScore", value)));
        RouteSupport.optional(request, "maxScore").ifPresent(value -> query.maxScore(number("maxScore", value)));
        RouteSupport.optional(request, "offset").ifPresent(value -> query.offset(integer("offset", value)));
        RouteSupport.optional(request, "limit").ifPresent(value -> query.limit(integer("limit", value)));
        RouteSupport.optional(request, "sort").ifPresent(value -> query.sort(sort(value)));
        return query.build();
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + name + "' must be an ISO instant, e.g. " + name
                + "=2026-11-25T10:00:00Z; got '" + value + "'");
        }
    }

    private static DispositionReason reason(String value) {
        try {
            return DispositionReason.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'reason' must be one of "
                + Arrays.toString(DispositionReason.values()) + ", e.g. reason=SPAM; got '" + value + "'");
        }
    }

    private static double number(String name, String value) {
        try {
            double parsed = Double.parseDouble(value);
            Preconditions.checkArgument(Double.isFinite(parsed));
            return parsed;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' must be a number, e.g. " + name + "=5.0; got '" + value + "'");
        }
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + name + "' must be an integer, e.g. " + name + "=50; got '" + value + "'");
        }
    }

    private static QuarantineSort sort(String value) {
        switch (value) {
            case "arrival":
                return QuarantineSort.ARRIVAL_ASCENDING;
            case "-arrival":
                return QuarantineSort.ARRIVAL_DESCENDING;
            case "score":
                return QuarantineSort.SCORE_ASCENDING;
            case "-score":
                return QuarantineSort.SCORE_DESCENDING;
            default:
                throw new IllegalArgumentException("'sort' must be arrival, -arrival, score or -score, e.g. sort=-score; got '"
                    + value + "'");
        }
    }

    private static QuarantineEntryId id(String key, String recipient) {
        try {
            return QuarantineEntryId.of(key, recipient);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid quarantine entry '" + key + "/" + recipient + "': " + e.getMessage());
        }
    }

    static Map<String, Object> page(QuarantinePage page) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total", page.total());
        json.put("offset", page.offset());
        json.put("limit", page.limit());
        json.put("entries", page.entries().stream().map(QuarantineRoutes::entry).collect(Collectors.toList()));
        return json;
    }

    static Map<String, Object> entry(QuarantineEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", entry.mailKey());
        json.put("recipient", entry.recipient());
        json.put("sender", entry.sender());
        json.put("subject", entry.subject());
        json.put("score", entry.score());
        json.put("hits", entry.hits());
        json.put("reason", entry.reason().name());
        json.put("arrival", entry.arrival().toString());
        json.put("expiry", entry.expiry().toString());
        json.put("released", entry.released());
        return json;
    }

    private QuarantineEntry existing(QuarantineEntryId id) {
        return services.index().get(id).orElseThrow(() ->
            RouteSupport.notFound("no quarantined mail %s for %s", id.mailKey(), id.recipient()));
    }

    private Mail stored(QuarantineEntryId id) throws MessagingException {
        return services.repository().retrieve(id.mailKey()).orElseThrow(() ->
            RouteSupport.notFound("the quarantined mail %s is no longer in the repository", id.mailKey()));
    }

    private Map<String, Object> show(Request request, Response response) throws MessagingException, IOException {
        QuarantineEntryId id = id(request.params(KEY), request.params(RECIPIENT));
        Map<String, Object> json = entry(existing(id));
        MimeMessage message = stored(id).getMessage();
        List<Map<String, String>> headers = new ArrayList<>();
        for (Header header : Collections.list(message.getAllHeaders())) {
            Map<String, String> one = new LinkedHashMap<>();
            one.put("name", header.getName());
            one.put("value", header.getValue());
            headers.add(one);
        }
        json.put("headers", headers);
        json.put("preview", TextPreview.of(message, PREVIEW_LENGTH));
        return json;
    }

    private Object raw(Request request, Response response) throws MessagingException, IOException {
        QuarantineEntryId id = id(request.params(KEY), request.params(RECIPIENT));
        existing(id);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        stored(id).getMessage().writeTo(bytes);
        response.type("message/rfc822");
        response.header("Content-Disposition", "attachment; filename=\"" + id.mailKey().replaceAll("[^A-Za-z0-9._-]", "_")
            + ".eml\"");
        return bytes.toByteArray();
    }

    private String release(QuarantineEntryId id, Request request, Response response) throws MessagingException {
        boolean whitelist = RouteSupport.optional(request, "whitelist").map(QuarantineRoutes::strictBoolean).orElse(false);
        return answer(actions.release(id, whitelist), id, response);
    }

    private static boolean strictBoolean(String value) {
        Preconditions.checkArgument(value.equals("true") || value.equals("false"),
            "'whitelist' must be true or false, e.g. POST .../release?whitelist=true; got '%s'", value);
        return Boolean.parseBoolean(value);
    }

    private String userRelease(Request request, Response response) throws MessagingException {
        String user = user(request);
        QuarantineEntryId id = id(request.params(KEY), user);
        existing(id);
        if (!services.resolver().resolve(user).usersMayRelease()) {
            throw ErrorResponder.builder()
                .statusCode(HttpStatus.FORBIDDEN_403)
                .type(ErrorResponder.ErrorType.INVALID_ARGUMENT)
                .message("the policy of %s does not let users release their quarantined mail; ask an administrator", user)
                .haltError();
        }
        return release(id, request, response);
    }

    private String delete(Request request, Response response) throws MessagingException {
        QuarantineEntryId id = id(request.params(KEY), request.params(RECIPIENT));
        return answer(actions.delete(id), id, response);
    }

    private static String answer(QuarantineActions.Outcome outcome, QuarantineEntryId id, Response response) {
        switch (outcome) {
            case NOT_FOUND:
                throw RouteSupport.notFound("no quarantined mail %s for %s", id.mailKey(), id.recipient());
            case BUSY:
                throw ErrorResponder.builder()
                    .statusCode(HttpStatus.CONFLICT_409)
                    .type(ErrorResponder.ErrorType.INVALID_ARGUMENT)
                    .message("the quarantined mail %s for %s is already released, or being released or purged",
                        id.mailKey(), id.recipient())
                    .haltError();
            default:
                response.status(HttpStatus.NO_CONTENT_204);
                return "";
        }
    }

    private Map<String, String> purge(Request request, Response response) {
        String action = request.queryParams("action");
        Preconditions.checkArgument("purge".equals(action),
            "'action' must be purge, e.g. POST /cleanmail/quarantine?action=purge; got '%s'", action);
        TaskId taskId = taskManager.submit(new PurgeExpiredTask(services));
        response.status(HttpStatus.CREATED_201);
        return Map.of("taskId", taskId.asString());
    }

    private List<Map<String, Object>> deletions(Request request, Response response) {
        Optional<String> recipient = RouteSupport.optional(request, "recipient");
        return (recipient.isPresent() ? services.deletionLog().recentFor(recipient.get()) : services.deletionLog().recent())
            .stream()
            .map(record -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("messageId", record.messageId());
                json.put("sender", record.sender());
                json.put("recipients", record.recipients());
                json.put("reason", record.reason().name());
                json.put("time", record.time().toString());
                json.put("action", record.action().name());
                return json;
            })
            .collect(Collectors.toList());
    }
}
