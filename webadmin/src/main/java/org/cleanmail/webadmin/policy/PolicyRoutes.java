package org.cleanmail.webadmin.policy;

import java.util.List;
import java.util.NoSuchElementException;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;
import org.cleanmail.core.policy.Policy;
import org.cleanmail.core.policy.PolicyGroup;
import org.cleanmail.core.policy.PolicyJson;
import org.cleanmail.core.policy.PolicyScope;
import org.cleanmail.core.policy.PolicyStore;
import org.cleanmail.core.policy.ScopeType;
import org.cleanmail.james.policy.PolicyServices;
import org.eclipse.jetty.http.HttpStatus;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Policies per scope over webadmin, under {@code /cleanmail/policies}. A body is a policy
 * JSON object ({@code docs/policies.md}); a change applies to the next mail.
 * <ul>
 *   <li>{@code GET|PUT|DELETE /cleanmail/policies/global}</li>
 *   <li>{@code GET|PUT|DELETE /cleanmail/policies/domains/{domain}}</li>
 *   <li>{@code GET|PUT|DELETE /cleanmail/policies/users/{user}}</li>
 *   <li>{@code GET|PUT|DELETE /cleanmail/policies/groups/{group}} (PUT creates the group),
 *   {@code PUT|DELETE /cleanmail/policies/groups/{group}/members/{address}}</li>
 *   <li>{@code GET /cleanmail/policies/{domains|users|groups}}: every policy of that kind</li>
 *   <li>{@code GET /cleanmail/policies/users/{user}/effective}: each field's value and source</li>
 * </ul>
 * PUT answers 204; an invalid policy 400 naming the member; GET or DELETE of a scope with no
 * policy 404.
 */
public class PolicyRoutes implements Routes {
    public static final String BASE_PATH = "/cleanmail/policies";
    public static final String NAME = ":name";
    public static final String MEMBER = ":member";
    public static final String GLOBAL_PATH = BASE_PATH + "/global";
    public static final String DOMAINS_PATH = BASE_PATH + "/domains";
    public static final String USERS_PATH = BASE_PATH + "/users";
    public static final String GROUPS_PATH = BASE_PATH + "/groups";
    public static final String EFFECTIVE_PATH = USERS_PATH + "/" + NAME + "/effective";
    public static final String MEMBER_PATH = GROUPS_PATH + "/" + NAME + "/members/" + MEMBER;
    private static final String JSON = "application/json";

    private final PolicyServices services;

    @Inject
    public PolicyRoutes(PolicyServices services) {
        this.services = services;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.get(GLOBAL_PATH, (request, response) -> get(PolicyScope.global(), response));
        service.put(GLOBAL_PATH, (request, response) -> put(PolicyScope.global(), request, response));
        service.delete(GLOBAL_PATH, (request, response) -> delete(PolicyScope.global(), response));
        service.get(EFFECTIVE_PATH, this::effective);
        for (ScopeType type : List.of(ScopeType.DOMAIN, ScopeType.USER, ScopeType.GROUP)) {
            String path = pathOf(type);
            service.get(path, (request, response) -> list(type, response));
            service.get(path + "/" + NAME, (request, response) -> get(scope(type, request), response));
            service.put(path + "/" + NAME, (request, response) -> put(scope(type, request), request, response));
            service.delete(path + "/" + NAME, (request, response) -> delete(scope(type, request), response));
        }
        service.put(MEMBER_PATH, this::addMember);
        service.delete(MEMBER_PATH, this::removeMember);
    }

    private static String pathOf(ScopeType type) {
        switch (type) {
            case DOMAIN:
                return DOMAINS_PATH;
            case USER:
                return USERS_PATH;
            default:
                return GROUPS_PATH;
        }
    }

    private static PolicyScope scope(ScopeType type, Request request) {
        return PolicyScope.of(type, request.params(NAME));
    }

    private PolicyStore store() {
        return services.store();
    }

    private String get(PolicyScope scope, Response response) {
        response.type(JSON);
        if (scope.type() == ScopeType.GROUP) {
            PolicyGroup group = store().group(scope.name()).orElseThrow(() -> notFound("no group %s", scope.name()));
            return groupNode(group).toString();
        }
        Policy policy = store().get(scope).orElseThrow(() -> notFound("no policy for %s", scope));
        return PolicyJson.toNode(policy).toString();
    }

    private ObjectNode groupNode(PolicyGroup group) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", group.name());
        node.put("priority", group.priority());
        ArrayNode members = node.putArray("members");
        group.sortedMembers().forEach(members::add);
        node.set("policy", PolicyJson.toNode(store().get(PolicyScope.group(group.name())).orElse(Policy.empty())));
        return node;
    }

    private String list(ScopeType type, Response response) {
        response.type(JSON);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (type == ScopeType.GROUP) {
            store().groups().forEach(group -> node.set(group.name(), groupNode(group)));
        } else {
            store().list(type).forEach((scope, policy) -> node.set(scope.name(), PolicyJson.toNode(policy)));
        }
        return node.toString();
    }

    private String put(PolicyScope scope, Request request, Response response) {
        Policy policy = PolicyJson.parse(request.body());
        if (scope.type() == ScopeType.GROUP && store().group(scope.name()).isEmpty()) {
            store().putGroup(PolicyGroup.of(scope.name(), 0, List.of()));
        }
        store().put(scope, policy);
        response.status(HttpStatus.NO_CONTENT_204);
        return "";
    }

    private String delete(PolicyScope scope, Response response) {
        boolean deleted = scope.type() == ScopeType.GROUP ? store().deleteGroup(scope.name()) : store().delete(scope);
        if (!deleted) {
            throw notFound("no policy for %s", scope);
        }
        response.status(HttpStatus.NO_CONTENT_204);
        return "";
    }

    private String effective(Request request, Response response) {
        response.type(JSON);
        return PolicyJson.toNode(services.resolver().resolve(PolicyScope.user(request.params(NAME)).name())).toString();
    }

    private String addMember(Request request, Response response) {
        try {
            store().addMember(request.params(NAME), request.params(MEMBER));
        } catch (NoSuchElementException e) {
            throw notFound("no group %s; create it first with PUT %s/%s", request.params(NAME), GROUPS_PATH,
                request.params(NAME));
        }
        response.status(HttpStatus.NO_CONTENT_204);
        return "";
    }

    private String removeMember(Request request, Response response) {
        boolean removed;
        try {
            removed = store().removeMember(request.params(NAME), request.params(MEMBER));
        } catch (NoSuchElementException e) {
            throw notFound("no group %s", request.params(NAME));
        }
        if (!removed) {
            throw notFound("%s is no member of %s", request.params(MEMBER), request.params(NAME));
        }
        response.status(HttpStatus.NO_CONTENT_204);
        return "";
    }

    private static RuntimeException notFound(String format, Object... arguments) {
        return RouteSupport.notFound(format, arguments);
    }
}
