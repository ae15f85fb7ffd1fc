package org.cleanmail.core.quarantine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.cleanmail.core.policy.DispositionReason;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Quarantine entries as JSON objects (instants in ISO-8601), for the index journal. */
final class QuarantineEntryJson {
    private QuarantineEntryJson() {
    }

    static ObjectNode toNode(QuarantineEntry entry) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("mailKey", entry.mailKey());
        node.put("recipient", entry.recipient());
        node.put("sender", entry.sender());
        node.put("subject", entry.subject());
        node.put("score", entry.score());
        ArrayNode hits = node.putArray("hits");
        entry.hits().forEach(hits::add);
        node.put("reason", entry.reason().name());
        node.put("arrival", entry.arrival().toString());
        node.put("expiry", entry.expiry().toString());
        node.put("released", entry.released());
        return node;
    }

    /**
     * The entry of a JSON object.
     *
     * @throws IllegalArgumentException when a member is missing or invalid
     */
    static QuarantineEntry fromNode(JsonNode node) {
        List<String> hits = new ArrayList<>();
        node.path("hits").forEach(hit -> hits.add(hit.asText()));
        try {
            return QuarantineEntry.builder()
                .mailKey(text(node, "mailKey"))
                .recipient(text(node, "recipient"))
                .sender(node.path("sender").asText(""))
                .subject(node.path("subject").asText(""))
                .score(node.path("score").asDouble())
                .hits(hits)
                .reason(DispositionReason.valueOf(text(node, "reason")))
                .arrival(Instant.parse(text(node, "arrival")))
                .expiry(Instant.parse(text(node, "expiry")))
                .released(node.path("released").asBoolean(false))
                .build();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bad quarantine entry " + node + ": " + e.getMessage(), e);
        }
    }

    static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("'" + member + "' is missing");
        }
        return value.textValue();
    }
}
