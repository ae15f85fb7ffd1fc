package org.cleanmail.core.quarantine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.cleanmail.core.blacklist.MailNames;
import org.cleanmail.core.policy.DispositionAction;
import org.cleanmail.core.policy.DispositionReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The account of deleted mail: the most recent deletions in memory (at most
 * {@code capacity}, oldest dropped first) and, when opened on a folder, every deletion
 * appended to {@value #FILE_NAME} there (one JSON object a line, never rewritten; rotate
 * it with the usual log tools). Recording is best effort: a deletion that cannot be
 * written to the file is still kept in memory, and a warning says so, because the mail is
 * deleted either way. Thread-safe.
 */
public final class DeletionLog {
    public static final String FILE_NAME = "deletions.jsonl";
    public static final int DEFAULT_CAPACITY = 10_000;

    private static final Logger LOGGER = LoggerFactory.getLogger(DeletionLog.class);

    private final Clock clock;
    private final int capacity;
    private final JsonLinesFile file;
    private final Deque<DeletionRecord> recent = new ArrayDeque<>();
    private long recorded;

    private DeletionLog(Clock clock, int capacity, JsonLinesFile file) {
        if (capacity < 1) {
            throw new IllegalArgumentException("'capacity' must be at least 1, e.g. " + DEFAULT_CAPACITY + "; got " + capacity);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.capacity = capacity;
        this.file = file;
    }

    /** A log kept in memory only. */
    public static DeletionLog inMemory(Clock clock, int capacity) {
        return new DeletionLog(clock, capacity, null);
    }

    /** The log appended to {@code folder}/{@value #FILE_NAME}; its last {@code capacity} records are loaded. */
    public static DeletionLog openIn(Path folder, Clock clock, int capacity) throws IOException {
        DeletionLog log = new DeletionLog(clock, capacity, new JsonLinesFile(folder.resolve(FILE_NAME)));
        log.file.read(node -> log.remember(fromNode(node)));
        log.file.terminateLastLine();
        log.recorded = 0;
        return log;
    }

    /** Records that the mail was deleted for {@code recipients}, now. */
    public DeletionRecord record(String messageId, String sender, List<String> recipients, DispositionReason reason) {
        return record(messageId, sender, recipients, reason, DispositionAction.DELETE);
    }

    /** Records that the mail was refused at the end of DATA for {@code recipients}, now. */
    public DeletionRecord recordRejection(String messageId, String sender, List<String> recipients,
                                          DispositionReason reason) {
        return record(messageId, sender, recipients, reason, DispositionAction.REJECT);
    }

    private DeletionRecord record(String messageId, String sender, List<String> recipients, DispositionReason reason,
                                  DispositionAction action) {
        DeletionRecord deletion = new DeletionRecord(messageId, sender, recipients, reason, clock.instant(), action);
        synchronized (this) {
            remember(deletion);
            recorded++;
            if (file != null) {
                try {
                    file.append(toNode(deletion));
                } catch (IOException e) {
                    LOGGER.warn("Could not append deletion of {} to {}; it is kept in memory only", messageId, file.path(), e);
                }
            }
        }
        LOGGER.info("{} mail {} from {} for {}: {}", action == DispositionAction.REJECT ? "Rejected" : "Deleted",
            deletion.messageId(), deletion.sender(), deletion.recipients(), deletion.reason());
        return deletion;
    }

    /** The recent deletions, newest first. */
    public synchronized List<DeletionRecord> recent() {
        List<DeletionRecord> newestFirst = new ArrayList<>(recent);
        Collections.reverse(newestFirst);
        return List.copyOf(newestFirst);
    }

    /** The recent deletions concerning a recipient (compared in canonical form), newest first. */
    public List<DeletionRecord> recentFor(String recipient) {
        String wanted = canonical(recipient);
        List<DeletionRecord> found = new ArrayList<>();
        for (DeletionRecord deletion : recent()) {
            if (deletion.recipients().stream().anyMatch(address -> canonical(address).equals(wanted))) {
                found.add(deletion);
            }
        }
        return List.copyOf(found);
    }

    /** The recent deletions of the mail with that Message-ID (angle brackets optional), newest first. */
    public List<DeletionRecord> recentWithMessageId(String messageId) {
        String wanted = bare(messageId);
        List<DeletionRecord> found = new ArrayList<>();
        for (DeletionRecord deletion : recent()) {
            if (bare(deletion.messageId()).equals(wanted)) {
                found.add(deletion);
            }
        }
        return List.copyOf(found);
    }

    /** Deletions recorded since this log was opened. */
    public synchronized long recordedSinceStart() {
        return recorded;
    }

    private synchronized void remember(DeletionRecord deletion) {
        recent.addLast(deletion);
        while (recent.size() > capacity) {
            recent.removeFirst();
        }
    }

    private static String canonical(String address) {
        return MailNames.address(address).orElse(String.valueOf(address).trim().toLowerCase(Locale.ROOT));
    }

    private static String bare(String messageId) {
        String trimmed = messageId == null ? "" : messageId.trim();
        if (trimmed.startsWith("<") && trimmed.endsWith(">")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static ObjectNode toNode(DeletionRecord deletion) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("messageId", deletion.messageId());
        node.put("sender", deletion.sender());
        ArrayNode recipients = node.putArray("recipients");
        deletion.recipients().forEach(recipients::add);
        node.put("reason", deletion.reason().name());
        node.put("time", deletion.time().toString());
        node.put("action", deletion.action().name());
        return node;
    }

    private static DeletionRecord fromNode(JsonNode node) {
        List<String> recipients = new ArrayList<>();
        node.path("recipients").forEach(recipient -> recipients.add(recipient.asText()));
        try {
            return new DeletionRecord(node.path("messageId").asText(""), node.path("sender").asText(""), recipients,
                DispositionReason.valueOf(QuarantineEntryJson.text(node, "reason")),
                Instant.parse(QuarantineEntryJson.text(node, "time")),
                DispositionAction.valueOf(node.path("action").asText(DispositionAction.DELETE.name())));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bad deletion record: " + e.getMessage(), e);
        }
    }
}
