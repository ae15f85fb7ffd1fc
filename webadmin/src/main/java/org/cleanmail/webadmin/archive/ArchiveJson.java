package org.cleanmail.webadmin.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.mail.Header;
import javax.mail.MessagingException;
import javax.mail.internet.InternetHeaders;
import javax.mail.internet.MimeUtility;

import org.cleanmail.archive.model.ArchiveId;
import org.cleanmail.archive.model.ArchiveMetadata;
import org.cleanmail.archive.model.ArchivedMessage;
import org.cleanmail.archive.search.ArchiveHit;
import org.cleanmail.archive.search.ArchiveSearchResult;
import org.cleanmail.james.archive.ArchiveService;
import org.cleanmail.james.archive.ArchiveWriter;
import org.cleanmail.james.archive.MaintenanceRun;

/** The JSON documents of the archive routes, as ordered maps; instants in ISO-8601 UTC. */
final class ArchiveJson {
    private ArchiveJson() {
    }

    static Map<String, Object> result(ArchiveSearchResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("count", result.total());
        json.put("offset", result.offset());
        json.put("hits", result.hits().stream().map(ArchiveJson::hit).collect(Collectors.toList()));
        return json;
    }

    static Map<String, Object> hit(ArchiveHit hit) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("archiveId", hit.archiveId().value());
        json.put("messageId", hit.messageId().orElse(null));
        json.put("date", hit.date().toString());
        json.put("from", hit.from());
        json.put("to", hit.to());
        json.put("cc", hit.cc());
        json.put("subject", hit.subject());
        json.put("size", hit.size());
        json.put("direction", hit.direction().indexValue());
        json.put("verdict", hit.verdict().orElse(null));
        json.put("score", hit.score().orElse(null));
        json.put("ruleHits", hit.ruleHits());
        json.put("attachments", hit.attachments());
        Map<String, Object> snippets = new LinkedHashMap<>();
        snippets.put("subject", hit.subjectSnippet());
        snippets.put("body", hit.bodySnippet().orElse(null));
        json.put("snippets", snippets);
        return json;
    }

    static Map<String, Object> message(ArchiveId id, ArchivedMessage message, String text) throws MessagingException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("archiveId", id.value());
        json.put("metadata", metadata(message.metadata()));
        json.put("headers", headers(message.raw()));
        json.put("text", text);
        return json;
    }

    private static Map<String, Object> metadata(ArchiveMetadata metadata) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("arrival", metadata.arrival().toString());
        json.put("envelopeSender", metadata.envelopeSender().orElse(null));
        json.put("envelopeRecipients", metadata.envelopeRecipients());
        json.put("direction", metadata.direction().indexValue());
        json.put("remoteIp", metadata.remoteIp().orElse(null));
        json.put("verdict", metadata.verdict().orElse(null));
        json.put("score", metadata.score().orElse(null));
        json.put("ruleHits", metadata.hits());
        return json;
    }

    private static List<Map<String, String>> headers(byte[] raw) throws MessagingException {
        InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(raw));
        List<Map<String, String>> json = new ArrayList<>();
        for (Header header : Collections.list(headers.getAllHeaders())) {
            Map<String, String> field = new LinkedHashMap<>();
            field.put("name", header.getName());
            field.put("value", decoded(header.getValue()));
            json.add(field);
        }
        return json;
    }

    private static String decoded(String value) {
        String unfolded = MimeUtility.unfold(value == null ? "" : value);
        try {
            return MimeUtility.decodeText(unfolded);
        } catch (UnsupportedEncodingException e) {
            return unfolded;
        }
    }

    static Map<String, Object> status(ArchiveService service) throws IOException, MessagingException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("enabled", service.enabled());
        json.put("policy", service.settings().policy().keyword());
        if (service.archive().isPresent()) {
            ArchiveWriter writer = service.writer().orElseThrow();
            json.put("indexed", service.archive().get().indexedCount());
            json.put("stored", service.archive().get().storedCount());
            json.put("queue", writer.queueSize());
            json.put("archived", writer.archived());
            json.put("retried", writer.retried());
            json.put("errors", writer.failed());
            json.put("errorRepository", ArchiveWriter.ERROR_REPOSITORY);
            json.put("errorRepositorySize", service.errorRepositorySize());
            json.put("maintenance", service.maintenance().flatMap(m -> m.lastRun()).map(ArchiveJson::run).orElse(null));
        }
        return json;
    }

    static Map<String, Object> run(MaintenanceRun run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("action", run.kind().keyword());
        json.put("state", run.state().keyword());
        json.put("submitted", run.submitted().toString());
        json.put("ended", run.ended().map(Object::toString).orElse(null));
        json.put("scanned", run.scanned());
        json.put("indexed", run.indexed());
        json.put("unreadable", run.unreadable());
        json.put("removedFromIndex", run.removedFromIndex());
        json.put("failure", run.failure().orElse(null));
        return json;
    }
}
