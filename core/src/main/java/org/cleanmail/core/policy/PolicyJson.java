package org.cleanmail.core.policy;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Policies in JSON (the format of webadmin bodies and of the policy file; see the package
 * documentation): one member per set field, named as {@link PolicyField#jsonName()};
 * absent or {@code null} means unset. Parsing is strict: an unknown member, a value of
 * the wrong type or a value a {@link Policy} refuses gives an {@link InvalidPolicyException}
 * naming the member and showing a valid value. Thread-safe.
 */
public final class PolicyJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String KNOWN_FIELDS = Arrays.stream(PolicyField.values())
        .map(PolicyField::jsonName)
        .collect(Collectors.joining(", "));

    private PolicyJson() {
    }

    /** The policy a JSON text describes, e.g. {@code {"spamThreshold": 8.0}}. */
    public static Policy parse(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json == null ? "" : json);
        } catch (JsonProcessingException e) {
            throw new InvalidPolicyException("policy", "a policy must be a JSON object, e.g. {"
                + PolicyField.SPAM_THRESHOLD.example() + "}; the text is not JSON: " + e.getOriginalMessage());
        }
        return fromNode(node);
    }

    /** The policy a JSON object describes. */
    public static Policy fromNode(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidPolicyException("policy", "a policy must be a JSON object, e.g. {"
                + PolicyField.SPAM_THRESHOLD.example() + "}");
        }
        Policy.Builder builder = Policy.builder();
        Iterator<Map.Entry<String, JsonNode>> members = node.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            PolicyField field = PolicyField.fromJsonName(member.getKey()).orElseThrow(() -> new InvalidPolicyException(
                member.getKey(), "unknown policy field '" + member.getKey() + "'; known fields: " + KNOWN_FIELDS));
            if (!member.getValue().isNull()) {
                builder.set(field, value(field, member.getValue()));
            }
        }
        return builder.build();
    }

    /** The JSON object of a policy: its set fields only. */
    public static ObjectNode toNode(Policy policy) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        policy.values().forEach((field, value) -> putValue(node, field.jsonName(), value));
        return node;
    }

    public static String toJson(Policy policy) {
        return toNode(policy).toString();
    }

    /**
     * An effective policy for webadmin: the recipient, then per field its value and where
     * it came from, e.g. {@code "spamThreshold": {"value": 8.0, "source": "DOMAIN",
     * "sourceName": "sales.example.com"}} ({@code sourceName} is absent for
     * {@code GLOBAL} and {@code BUILT_IN}).
     */
    public static ObjectNode toNode(EffectivePolicy policy) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("recipient", policy.recipient());
        for (PolicyField field : PolicyField.values()) {
            ObjectNode fieldNode = node.putObject(field.jsonName());
            putValue(fieldNode, "value", policy.value(field));
            PolicySource source = policy.source(field);
            fieldNode.put("source", source.kind());
            source.scope()
                .filter(scope -> scope.type() != ScopeType.GLOBAL)
                .ifPresent(scope -> fieldNode.put("sourceName", scope.name()));
        }
        return node;
    }

    private static void putValue(ObjectNode node, String name, Object value) {
        if (value instanceof Double) {
            node.put(name, (Double) value);
        } else if (value instanceof Integer) {
            node.put(name, (Integer) value);
        } else if (value instanceof Boolean) {
            node.put(name, (Boolean) value);
        } else if (value instanceof DispositionAction) {
            node.put(name, ((DispositionAction) value).name());
        } else {
            node.put(name, String.valueOf(value));
        }
    }

    private static Object value(PolicyField field, JsonNode node) {
        Class<?> type = field.type();
        if (type == Double.class) {
            if (!node.isNumber()) {
                throw wrongType(field, "a number", node);
            }
            return node.doubleValue();
        }
        if (type == Integer.class) {
            if (!node.isNumber() || node.doubleValue() != Math.rint(node.doubleValue())
                || Math.abs(node.doubleValue()) > Integer.MAX_VALUE) {
                throw wrongType(field, "a whole number", node);
            }
            return node.intValue();
        }
        if (type == Boolean.class) {
            if (!node.isBoolean()) {
                throw wrongType(field, "true or false", node);
            }
            return node.booleanValue();
        }
        if (!node.isTextual()) {
            throw wrongType(field, "a string", node);
        }
        if (type == DispositionAction.class) {
            try {
                return DispositionAction.valueOf(node.textValue().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidPolicyException(field.jsonName(), "'" + field.jsonName() + "' must be one of "
                    + Arrays.toString(DispositionAction.values()) + ", e.g. " + field.example() + "; got " + node);
            }
        }
        return node.textValue();
    }

    private static InvalidPolicyException wrongType(PolicyField field, String expected, JsonNode node) {
        return new InvalidPolicyException(field.jsonName(), "'" + field.jsonName() + "' must be " + expected
            + ", e.g. " + field.example() + "; got " + node);
    }
}
