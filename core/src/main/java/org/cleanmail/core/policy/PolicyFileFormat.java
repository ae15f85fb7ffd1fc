package org.cleanmail.core.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.cleanmail.core.blacklist.AtomicFiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads and writes a {@link PolicyDocument} as the JSON described in the package
 * documentation: members {@code global}, {@code domains}, {@code groups}, {@code users},
 * all optional. Reading is strict: the first problem gives an {@link InvalidPolicyException}
 * whose setting is the path to the bad member, e.g. {@code domains.sales.example.com.spamAction}.
 * Thread-safe.
 */
public final class PolicyFileFormat {
    private static final Set<String> TOP_LEVEL = Set.of("global", "domains", "groups", "users");
    private static final Set<String> GROUP_MEMBERS = Set.of("priority", "members", "policy");
    private static final String GROUP_EXAMPLE = "\"groups\": {\"executives\": {\"priority\": 10, "
        + "\"members\": [\"ceo@example.com\"], \"policy\": {\"spamAction\": \"DELIVER_TAGGED\"}}}";

    private PolicyFileFormat() {
    }

    /** The document a JSON text describes. */
    public static PolicyDocument parse(String json) {
        JsonNode root;
        try {
            root = PolicyJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidPolicyException("document", "the policy document is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            return PolicyDocument.empty();
        }
        if (!root.isObject()) {
            throw new InvalidPolicyException("document", "the policy document must be a JSON object, e.g. "
                + "{\"global\": {" + PolicyField.SPAM_THRESHOLD.example() + "}}");
        }
        checkMembers(root, TOP_LEVEL, "document");
        Map<PolicyScope, Policy> policies = new LinkedHashMap<>();
        Map<String, PolicyGroup> groups = new LinkedHashMap<>();
        if (root.hasNonNull("global")) {
            policies.put(PolicyScope.global(), policyAt(root.get("global"), "global"));
        }
        forEachMember(root, "domains", (name, node) ->
            policies.put(located("domains", () -> PolicyScope.domain(name)), policyAt(node, "domains." + name)));
        forEachMember(root, "users", (name, node) ->
            policies.put(located("users", () -> PolicyScope.user(name)), policyAt(node, "users." + name)));
        forEachMember(root, "groups", (name, node) -> {
            String where = "groups." + name;
            PolicyGroup group = located(where, () -> group(name, node, where));
            groups.put(group.name(), group);
            if (node.hasNonNull("policy")) {
                policies.put(PolicyScope.group(group.name()), policyAt(node.get("policy"), where + ".policy"));
            }
        });
        return PolicyDocument.of(policies, groups);
    }

    /** Reads a policy file; an absent file is an empty document. */
    public static PolicyDocument read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return PolicyDocument.empty();
        }
        String json = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        try {
            return parse(json);
        } catch (InvalidPolicyException e) {
            throw new InvalidPolicyException(e.setting(), file + ": " + e.getMessage());
        }
    }

    /** The document as indented JSON. */
    public static String toJson(PolicyDocument document) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        document.policy(PolicyScope.global()).ifPresent(policy -> root.set("global", PolicyJson.toNode(policy)));
        ObjectNode domains = root.putObject("domains");
        document.policies(ScopeType.DOMAIN).forEach((scope, policy) -> domains.set(scope.name(), PolicyJson.toNode(policy)));
        ObjectNode groups = root.putObject("groups");
        document.groups().forEach((name, group) -> {
            ObjectNode groupNode = groups.putObject(name);
            groupNode.put("priority", group.priority());
            ArrayNode members = groupNode.putArray("members");
            group.sortedMembers().forEach(members::add);
            document.policy(PolicyScope.group(name)).ifPresent(policy -> groupNode.set("policy", PolicyJson.toNode(policy)));
        });
        ObjectNode users = root.putObject("users");
        document.policies(ScopeType.USER).forEach((scope, policy) -> users.set(scope.name(), PolicyJson.toNode(policy)));
        try {
            return PolicyJson.MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** Writes the document to {@code file} atomically (temporary file, fsync, rename). */
    public static void write(PolicyDocument document, Path file) throws IOException {
        AtomicFiles.writeLines(file, toJson(document).lines().collect(Collectors.toList()));
    }

    private static PolicyGroup group(String name, JsonNode node, String where) {
        if (!node.isObject()) {
            throw new InvalidPolicyException(where, "a group must be a JSON object, e.g. " + GROUP_EXAMPLE);
        }
        checkMembers(node, GROUP_MEMBERS, where);
        int priority = 0;
        JsonNode priorityNode = node.get("priority");
        if (priorityNode != null && !priorityNode.isNull()) {
            if (!priorityNode.isIntegralNumber() || !priorityNode.canConvertToInt()) {
                throw new InvalidPolicyException("priority", "'priority' must be a whole number, e.g. \"priority\": 10; got "
                    + priorityNode);
            }
            priority = priorityNode.intValue();
        }
        List<String> members = new ArrayList<>();
        JsonNode membersNode = node.get("members");
        if (membersNode != null && !membersNode.isNull()) {
            if (!membersNode.isArray()) {
                throw new InvalidPolicyException("members", "'members' must be an array of mail addresses, e.g. "
                    + "\"members\": [\"ceo@example.com\"]; got " + membersNode);
            }
            for (JsonNode member : membersNode) {
                members.add(member.isTextual() ? member.textValue() : member.toString());
            }
        }
        return PolicyGroup.of(name, priority, members);
    }

    private static Policy policyAt(JsonNode node, String where) {
        return located(where, () -> PolicyJson.fromNode(node));
    }

    private static <T> T located(String where, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidPolicyException e) {
            throw e.under(where);
        }
    }

    private static void checkMembers(JsonNode node, Set<String> known, String where) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new InvalidPolicyException(where + "." + name, where + ": unknown member '" + name
                    + "'; known members: " + new TreeSet<>(known));
            }
        }
    }

    private interface MemberHandler {
        void handle(String name, JsonNode node);
    }

    private static void forEachMember(JsonNode root, String section, MemberHandler handler) {
        JsonNode sectionNode = root.get(section);
        if (sectionNode == null || sectionNode.isNull()) {
            return;
        }
        if (!sectionNode.isObject()) {
            throw new InvalidPolicyException(section, "'" + section + "' must be a JSON object keyed by name, e.g. "
                + ("groups".equals(section) ? GROUP_EXAMPLE : "\"" + section + "\": {\""
                + ("users".equals(section) ? "alice@example.com" : "sales.example.com") + "\": {"
                + PolicyField.SPAM_THRESHOLD.example() + "}}"));
        }
        Iterator<Map.Entry<String, JsonNode>> members = sectionNode.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            handler.handle(member.getKey(), member.getValue());
        }
    }
}
