package org.cleanmail.webadmin.sender;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.cleanmail.core.blacklist.BlacklistEntry;
import org.cleanmail.core.blacklist.EntryKind;
import org.cleanmail.core.blacklist.ParsedList;
import org.cleanmail.james.sender.SenderProtection;
import org.eclipse.jetty.http.HttpStatus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import spark.HaltException;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The blacklist over webadmin, under {@code /cleanmail/blacklist}. Changes apply to the
 * next SMTP command and are saved at once to {@code blacklist.txt} in the state folder.
 * <ul>
 *   <li>{@code GET /cleanmail/blacklist[?kind=ip]}: every entry (expired ones with
 *   {@code "active": false});</li>
 *   <li>{@code GET|PUT|DELETE /cleanmail/blacklist/{kind}/{value}} (a network:
 *   {@code /cleanmail/blacklist/cidr/198.51.100.0/24}): one entry; PUT takes an optional
 *   JSON body {@code {"reason": "...", "code": "CM-BL-IP", "addedBy": "alice",
 *   "expires": "2026-12-31T00:00:00Z", "subdomains": true}} and answers 204;</li>
 *   <li>{@code POST /cleanmail/blacklist/import}: a text body in the file format; answers
 *   how many entries were added and each bad line's number and problem;</li>
 *   <li>{@code GET /cleanmail/blacklist/export}: the whole list in the file format.</li>
 * </ul>
 * Kinds: {@code ip}, {@code cidr}, {@code domain}, {@code address}, {@code helo}.
 */
public class BlacklistRoutes implements Routes {
    public static final String BASE_PATH = "/cleanmail/blacklist";
    public static final String EXPORT_PATH = BASE_PATH + "/export";
    public static final String IMPORT_PATH = BASE_PATH + "/import";
    public static final String KIND = ":kind";
    public static final String VALUE = ":value";
    public static final String ENTRY_PATH = BASE_PATH + "/" + KIND + "/" + VALUE;
    public static final String NETWORK_ENTRY_PATH = ENTRY_PATH + "/" + Addresses.LENGTH;
    public static final String KIND_PARAMETER = "kind";
    public static final String DEFAULT_ADDED_BY = "webadmin";

    private static final Set<String> BODY_FIELDS = Set.of("reason", "code", "addedBy", "expires", "subdomains");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SenderProtection protection;
    private final JsonTransformer jsonTransformer = new JsonTransformer();

    @Inject
    public BlacklistRoutes(SenderProtection protection) {
        this.protection = protection;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.get(BASE_PATH, this::list, jsonTransformer);
        service.get(EXPORT_PATH, this::export);
        service.post(IMPORT_PATH, this::importLines, jsonTransformer);
        for (String path : List.of(ENTRY_PATH, NETWORK_ENTRY_PATH)) {
            service.get(path, this::get, jsonTransformer);
            service.put(path, this::put);
            service.delete(path, this::delete);
        }
    }

    private List<Map<String, Object>> list(Request request, Response response) {
        Optional<EntryKind> kind = Optional.ofNullable(request.queryParams(KIND_PARAMETER)).map(BlacklistRoutes::kind);
        Instant now = protection.clock().instant();
        return protection.blacklist().entries().stream()
            .filter(entry -> kind.isEmpty() || entry.kind() == kind.get())
            .map(entry -> SenderJson.entry(entry, entry.isActiveAt(now)))
            .collect(Collectors.toList());
    }

    private String export(Request request, Response response) {
        response.type("text/plain; charset=utf-8");
        return String.join("\n", protection.blacklist().export()) + "\n";
    }

    private Map<String, Object> importLines(Request request, Response response) {
        String body = new String(request.bodyAsBytes(), StandardCharsets.UTF_8);
        ParsedList<BlacklistEntry> parsed = protection.blacklist().importLines(body.lines().collect(Collectors.toList()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("imported", parsed.entries().size());
        json.put("problems", parsed.problems().stream()
            .map(problem -> Map.<String, Object>of("line", problem.lineNumber(), "reason", problem.reason()))
            .collect(Collectors.toList()));
        return json;
    }

    private Map<String, Object> get(Request request, Response response) {
        BlacklistEntry entry = protection.blacklist().get(kind(request.params(KIND)), value(request))
            .orElseThrow(() -> notFound(request));
        return SenderJson.entry(entry, entry.isActiveAt(protection.clock().instant()));
    }

    private String put(Request request, Response response) {
        EntryKind kind = kind(request.params(KIND));
        BlacklistEntry.Builder builder = BlacklistEntry.builder(kind, value(request))
            .added(protection.clock().instant())
            .addedBy(DEFAULT_ADDED_BY);
        applyBody(builder, request.body());
        protection.blacklist().add(builder.build());
        response.status(HttpStatus.NO_CONTENT_204);
        return "";
    }

    private String delete(Request request, Response response) {
        if (!protection.blacklist().remove(kind(request.params(KIND)), value(request))) {
            throw notFound(request);
        }
        response.status(HttpStatus.NO_CONTENT_204);
        return "";
    }

    private static void applyBody(BlacklistEntry.Builder builder, String body) {
        if (body == null || body.isBlank()) {
            return;
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body must be a JSON object, e.g. {\"reason\": \"dictionary attack\"}; "
                + e.getOriginalMessage());
        }
        if (!json.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object, e.g. {\"reason\": \"dictionary attack\"}");
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!BODY_FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field '" + name + "'; expected reason, code, addedBy, expires"
                    + " or subdomains");
            }
        }
        text(json, "reason").ifPresent(builder::reason);
        text(json, "code").ifPresent(builder::code);
        text(json, "addedBy").ifPresent(builder::addedBy);
        text(json, "expires").ifPresent(expires -> builder.expires(instant(expires)));
        if (json.has("subdomains")) {
            if (!json.get("subdomains").isBoolean()) {
                throw new IllegalArgumentException("'subdomains' must be true or false");
            }
            builder.subdomains(json.get("subdomains").booleanValue());
        }
    }

    private static Optional<String> text(JsonNode json, String field) {
        if (!json.has(field)) {
            return Optional.empty();
        }
        if (!json.get(field).isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return Optional.of(json.get(field).textValue());
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'expires' must be an ISO-8601 UTC instant, e.g. 2026-12-31T00:00:00Z; got '"
                + text + "'");
        }
    }

    static EntryKind kind(String text) {
        return EntryKind.fromKeyword(text.toLowerCase(Locale.ROOT)).orElseThrow(() -> new IllegalArgumentException(
            "unknown kind '" + text + "'; expected ip, cidr, domain, address or helo"));
    }

    private static String value(Request request) {
        String length = request.params(Addresses.LENGTH);
        return length == null ? request.params(VALUE) : request.params(VALUE) + "/" + length;
    }

    private static HaltException notFound(Request request) {
        return ErrorResponder.builder()
            .statusCode(HttpStatus.NOT_FOUND_404)
            .type(ErrorResponder.ErrorType.NOT_FOUND)
            .message("no %s entry for %s in the blacklist", request.params(KIND), value(request))
            .haltError();
    }
}
