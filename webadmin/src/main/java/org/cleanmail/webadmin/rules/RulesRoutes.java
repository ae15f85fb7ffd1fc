package org.cleanmail.webadmin.rules;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.apache.james.webadmin.utils.ErrorResponder;
import org.apache.james.webadmin.utils.JsonTransformer;
import org.cleanmail.core.scoring.LiveRules;
import org.cleanmail.core.scoring.RuleInfo;
import org.cleanmail.core.scoring.RuleSetRejectedException;
import org.cleanmail.james.CleanMailRuntime;
import org.eclipse.jetty.http.HttpStatus;

import com.google.common.base.Preconditions;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * CleanMail's rules over webadmin, under {@code /cleanmail/rules}. Changes are checked,
 * saved in the writable rules folder ({@code <state.directory>/rules}) and applied to the
 * next message; a change that does not compile is refused (400 with the reasons) and the
 * rules in use stay.
 * <ul>
 *   <li>{@code GET /cleanmail/rules?type=body&q=text}: name, type, score, description, hits since start;</li>
 *   <li>{@code GET /cleanmail/rules/skipped}: rules loaded but not run, with the reason;</li>
 *   <li>{@code GET /cleanmail/rules/{name}}: one rule with its definition;</li>
 *   <li>{@code PUT /cleanmail/rules/{name}} with SpamAssassin {@code .cf} lines as the body:
 *   adds or replaces the rule;</li>
 *   <li>{@code PUT /cleanmail/rules/{name}/score} with a number as the body: changes its score;</li>
 *   <li>{@code DELETE /cleanmail/rules/{name}};</li>
 *   <li>{@code PUT /cleanmail/rules/files/{file.cf}} with a whole rule file as the body;</li>
 *   <li>{@code POST /cleanmail/rules?action=reload}: reloads every folder now.</li>
 * </ul>
 * Register in {@code webadmin.properties}: {@code extensions.routes=...,org.cleanmail.webadmin.rules.RulesRoutes}.
 */
public class RulesRoutes implements Routes {
    public static final String BASE_PATH = "/cleanmail/rules";
    private static final Pattern RULE_NAME = Pattern.compile("[A-Za-z0-9_]{1,200}");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}\\.cf");

    private final CleanMailRuntime runtime;
    private final JsonTransformer jsonTransformer = new JsonTransformer();

    @Inject
    public RulesRoutes(CleanMailRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.get(BASE_PATH, this::list, jsonTransformer);
        service.post(BASE_PATH, this::action, jsonTransformer);
        service.get(BASE_PATH + "/skipped", (request, response) -> skipped(), jsonTransformer);
        service.put(BASE_PATH + "/files/:file", this::putFile, jsonTransformer);
        service.get(BASE_PATH + "/:name", this::get, jsonTransformer);
        service.put(BASE_PATH + "/:name/score", this::setScore, jsonTransformer);
        service.put(BASE_PATH + "/:name", this::put, jsonTransformer);
        service.delete(BASE_PATH + "/:name", this::delete);
    }

    private LiveRules rules() {
        return runtime.engine().rules();
    }

    private Map<String, Object> list(Request request, Response response) {
        Optional<String> type = Optional.ofNullable(request.queryParams("type")).map(t -> t.toLowerCase(Locale.ROOT));
        Optional<String> text = Optional.ofNullable(request.queryParams("q")).map(t -> t.toLowerCase(Locale.ROOT));
        List<RuleDto> rules = rules().rules().stream()
            .filter(rule -> type.map(t -> rule.type().equalsIgnoreCase(t)).orElse(true))
            .filter(rule -> text.map(t -> rule.name().toLowerCase(Locale.ROOT).contains(t)
                || rule.description().toLowerCase(Locale.ROOT).contains(t)).orElse(true))
            .map(rule -> new RuleDto(rule, false))
            .collect(Collectors.toList());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("loadedAt", rules().loadedAt().toString());
        body.put("count", rules.size());
        body.put("rules", rules);
        return body;
    }

    private List<Map<String, Object>> skipped() {
        return rules().unusedRules().stream()
            .map(rule -> {
                Map<String, Object> dto = new LinkedHashMap<>();
                dto.put("name", rule.name());
                dto.put("type", rule.type());
                dto.put("reason", rule.reason());
                dto.put("source", rule.source());
                return dto;
            })
            .collect(Collectors.toList());
    }

    private RuleDto get(Request request, Response response) {
        String name = name(request);
        RuleInfo rule = rules().rule(name).orElseThrow(() -> notFound(name));
        return new RuleDto(rule, true);
    }

    private RuleDto put(Request request, Response response) {
        String name = name(request);
        String lines = body(request, "SpamAssassin .cf lines defining " + name + ", e.g. 'body " + name
            + " /cheap watches/i' and 'score " + name + " 2.0'");
        apply(() -> rules().putRule(name, lines));
        return new RuleDto(rules().rule(name).orElseThrow(() -> notFound(name)), true);
    }

    private RuleDto setScore(Request request, Response response) {
        String name = name(request);
        rules().rule(name).orElseThrow(() -> notFound(name));
        String text = body(request, "a number, e.g. 2.5");
        double score;
        try {
            score = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The score must be a number, e.g. 2.5; got '" + text.trim() + "'", e);
        }
        Preconditions.checkArgument(Double.isFinite(score), "The score must be a finite number, e.g. 2.5");
        apply(() -> rules().setScore(name, score));
        return new RuleDto(rules().rule(name).orElseThrow(() -> notFound(name)), false);
    }

    private String delete(Request request, Response response) {
        String name = name(request);
        rules().rule(name).orElseThrow(() -> notFound(name));
        apply(() -> rules().deleteRule(name));
        response.status(HttpStatus.NO_CONTENT_204);
        return "";
    }

    private Map<String, Object> putFile(Request request, Response response) {
        String file = request.params("file");
        Preconditions.checkArgument(FILE_NAME.matcher(file).matches(),
            "The file name must end in .cf and hold only letters, digits, '_', '-' and '.', e.g. 50_local.cf; got '%s'", file);
        String content = body(request, "a SpamAssassin rule file");
        apply(() -> rules().putFile(file, content));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("file", file);
        body.put("rulesLoaded", rules().ruleCount());
        return body;
    }

    private Map<String, Object> action(Request request, Response response) {
        String action = Optional.ofNullable(request.queryParams("action")).orElse("");
        Preconditions.checkArgument(action.equals("reload"), "'action' must be reload, e.g. POST /cleanmail/rules?action=reload");
        apply(() -> rules().reload());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("loadedAt", rules().loadedAt().toString());
        body.put("rulesLoaded", rules().ruleCount());
        return body;
    }

    private static void apply(Runnable change) {
        try {
            change.run();
        } catch (RuleSetRejectedException e) {
            throw new IllegalArgumentException("The rules were refused and the rules in use stay: "
                + String.join("; ", e.reasons()), e);
        }
    }

    private static String name(Request request) {
        String name = request.params("name");
        Preconditions.checkArgument(RULE_NAME.matcher(name).matches(),
            "A rule name holds only letters, digits and '_', e.g. LOCAL_CHEAP_WATCHES; got '%s'", name);
        return name;
    }

    private static String body(Request request, String what) {
        byte[] bytes = request.bodyAsBytes();
        Preconditions.checkArgument(bytes != null && bytes.length > 0, "The request body must be %s", what);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static RuntimeException notFound(String name) {
        return ErrorResponder.builder()
            .statusCode(HttpStatus.NOT_FOUND_404)
            .type(ErrorResponder.ErrorType.NOT_FOUND)
            .message("No rule %s", name)
            .haltError();
    }
}
