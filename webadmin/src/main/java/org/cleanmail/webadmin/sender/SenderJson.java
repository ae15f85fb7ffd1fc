package org.cleanmail.webadmin.sender;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.cleanmail.core.blacklist.BlacklistEntry;
import org.cleanmail.core.scan.RuleHit;
import org.cleanmail.core.sender.ReputationRecord;
import org.cleanmail.core.sender.SenderFlag;
import org.cleanmail.james.sender.ClientRecord;

/** The JSON documents of the sender routes, as ordered maps; instants in ISO-8601 UTC. */
final class SenderJson {
    private SenderJson() {
    }

    static Map<String, Object> flag(SenderFlag flag) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", flag.key());
        json.put("scope", flag.scope().name().toLowerCase(Locale.ROOT));
        json.put("reasonCode", flag.reasonCode());
        json.put("reason", flag.reason());
        json.put("since", flag.since().toString());
        json.put("until", flag.until().toString());
        return json;
    }

    static List<Map<String, Object>> flags(List<SenderFlag> flags) {
        return flags.stream().map(SenderJson::flag).collect(Collectors.toList());
    }

    static Map<String, Object> entry(BlacklistEntry entry, boolean active) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", entry.kind().keyword());
        json.put("value", entry.value());
        json.put("subdomains", entry.subdomains());
        json.put("code", entry.code());
        json.put("reason", entry.reason());
        json.put("addedBy", entry.addedBy());
        json.put("added", entry.added().toString());
        json.put("expires", entry.expires().map(Object::toString).orElse(null));
        json.put("active", active);
        return json;
    }

    static Map<String, Object> hit(RuleHit hit) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", hit.name());
        json.put("score", hit.score());
        json.put("description", hit.description());
        return json;
    }

    static Map<String, Object> reputation(ReputationRecord record) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("accepted", round(record.accepted()));
        json.put("spam", round(record.spam()));
        json.put("ham", round(record.ham()));
        json.put("refusedRecipients", round(record.refusedRecipients()));
        json.put("flags", round(record.flags()));
        json.put("asOf", record.asOf().toString());
        return json;
    }

    static Map<String, Object> client(ClientRecord record) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("address", record.address());
        json.put("network", record.network());
        json.put("trusted", record.trusted());
        json.put("openConnections", record.openConnections());
        json.put("counters", record.counters());
        json.put("flag", record.flag().map(SenderJson::flag).orElse(null));
        json.put("reputation", reputation(record.reputation()));
        json.put("reputationHits", record.reputationHits().stream().map(SenderJson::hit).collect(Collectors.toList()));
        json.put("blacklist", record.blacklistEntry().map(entry -> entry(entry, true)).orElse(null));
        return json;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
