package org.cleanmail.core.quarantine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;

import org.cleanmail.core.blacklist.MailNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The default {@link QuarantineIndex}: entries in memory, indexed by recipient, by mail
 * key and by expiry; when opened on a folder, every change is first appended to the
 * journal {@value #FILE_NAME} there (one JSON object a line: {@code add} with the entry,
 * {@code released} or {@code remove} with mail key and recipient) and forced to disk.
 * Opening replays the journal and rewrites it compacted (one {@code add} per entry,
 * atomically); it is compacted again when it holds more than twice as many lines as there
 * are entries (and at least {@value #COMPACTION_MIN_LINES}). A torn last line is skipped.
 *
 * <p>Thread-safe: a read-write lock guards the maps; a change that cannot be journaled is
 * not applied, and an {@link UncheckedIOException} names the file.
 */
public final class EmbeddedQuarantineIndex implements QuarantineIndex {
    public static final String FILE_NAME = "quarantine-index.jsonl";
    static final int COMPACTION_MIN_LINES = 10_000;

    private static final Logger LOGGER = LoggerFactory.getLogger(EmbeddedQuarantineIndex.class);
    private static final Comparator<QuarantineEntry> BY_EXPIRY =
        Comparator.comparing(QuarantineEntry::expiry).thenComparing(QuarantineEntry::id);

    private enum Claim { RELEASE, PURGE }

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<QuarantineEntryId, QuarantineEntry> entries = new HashMap<>();
    private final Map<String, Set<QuarantineEntryId>> byRecipient = new HashMap<>();
    private final Map<String, Set<QuarantineEntryId>> byMailKey = new HashMap<>();
    private final TreeSet<QuarantineEntry> byExpiry = new TreeSet<>(BY_EXPIRY);
    private final Map<QuarantineEntryId, Claim> claims = new HashMap<>();
    private final JsonLinesFile journal;
    private final int compactionMinLines;
    private int journalLines;

    private EmbeddedQuarantineIndex(JsonLinesFile journal, int compactionMinLines) {
        this.journal = journal;
        this.compactionMinLines = compactionMinLines;
    }

    /** An index kept in memory only. */
    public static EmbeddedQuarantineIndex inMemory() {
        return new EmbeddedQuarantineIndex(null, COMPACTION_MIN_LINES);
    }

    /** The index journaled in {@code folder}/{@value #FILE_NAME}, empty if it does not exist yet. */
    public static EmbeddedQuarantineIndex openIn(Path folder) throws IOException {
        return openIn(folder, COMPACTION_MIN_LINES);
    }

    /** As {@link #openIn(Path)}, compacting from {@code compactionMinLines} journal lines (tests use few). */
    static EmbeddedQuarantineIndex openIn(Path folder, int compactionMinLines) throws IOException {
        EmbeddedQuarantineIndex index = new EmbeddedQuarantineIndex(new JsonLinesFile(folder.resolve(FILE_NAME)),
            compactionMinLines);
        int lines = index.journal.read(index::replay);
        index.compact();
        LOGGER.info("Loaded {} quarantine entries from {} ({} journal lines)", index.entries.size(),
            index.journal.path(), lines);
        return index;
    }

    @Override
    public void add(QuarantineEntry entry) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("op", "add");
        line.set("entry", QuarantineEntryJson.toNode(entry));
        write(line, () -> put(entry));
    }

    @Override
    public Optional<QuarantineEntry> get(QuarantineEntryId id) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(entries.get(id));
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public QuarantinePage list(QuarantineQuery query) {
        lock.readLock().lock();
        try {
            Collection<QuarantineEntry> candidates = query.recipient()
                .map(recipient -> entriesOf(byRecipient.get(recipient)))
                .orElseGet(() -> new ArrayList<>(entries.values()));
            List<QuarantineEntry> matching = candidates.stream()
                .filter(query::matches)
                .sorted(query.sort().comparator())
                .collect(Collectors.toList());
            int from = Math.min(query.offset(), matching.size());
            int to = Math.min(from + query.limit(), matching.size());
            return new QuarantinePage(matching.subList(from, to), matching.size(), query.offset(), query.limit());
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public QuarantinePage listOf(String recipient, QuarantineQuery query) {
        Optional<String> canonical = MailNames.address(recipient);
        if (canonical.isEmpty()) {
            return new QuarantinePage(List.of(), 0, query.offset(), query.limit());
        }
        return list(query.forRecipient(canonical.get()));
    }

    @Override
    public List<QuarantineEntry> entriesOfMail(String mailKey) {
        lock.readLock().lock();
        try {
            List<QuarantineEntry> found = entriesOf(byMailKey.get(mailKey));
            found.sort(Comparator.comparing(QuarantineEntry::recipient));
            return List.copyOf(found);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public boolean beginRelease(QuarantineEntryId id) {
        lock.writeLock().lock();
        try {
            QuarantineEntry entry = entries.get(id);
            if (entry == null || entry.released() || claims.containsKey(id)) {
                return false;
            }
            claims.put(id, Claim.RELEASE);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public boolean markReleased(QuarantineEntryId id) {
        lock.writeLock().lock();
        try {
            QuarantineEntry entry = entries.get(id);
            if (entry == null || claims.get(id) == Claim.PURGE) {
                return false;
            }
            if (!entry.released()) {
                appendToJournal(idLine("released", id));
                put(entry.asReleased());
                compactIfLong();
            }
            claims.remove(id);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void cancelRelease(QuarantineEntryId id) {
        lock.writeLock().lock();
        try {
            claims.remove(id, Claim.RELEASE);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public boolean claimForPurge(QuarantineEntryId id, Instant now) {
        lock.writeLock().lock();
        try {
            QuarantineEntry entry = entries.get(id);
            if (entry == null || !entry.isExpiredAt(now) || claims.containsKey(id)) {
                return false;
            }
            claims.put(id, Claim.PURGE);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void dropPurgeClaim(QuarantineEntryId id) {
        lock.writeLock().lock();
        try {
            claims.remove(id, Claim.PURGE);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public boolean remove(QuarantineEntryId id) {
        lock.writeLock().lock();
        try {
            if (!entries.containsKey(id)) {
                claims.remove(id);
                return false;
            }
            appendToJournal(idLine("remove", id));
            unindex(id);
            claims.remove(id);
            compactIfLong();
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public List<QuarantineEntry> expiredAt(Instant instant) {
        lock.readLock().lock();
        try {
            List<QuarantineEntry> expired = new ArrayList<>();
            for (QuarantineEntry entry : byExpiry) {
                if (!entry.isExpiredAt(instant)) {
                    break;
                }
                expired.add(entry);
            }
            return List.copyOf(expired);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public int size() {
        lock.readLock().lock();
        try {
            return entries.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void write(JsonNode line, Runnable apply) {
        lock.writeLock().lock();
        try {
            appendToJournal(line);
            apply.run();
            compactIfLong();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void appendToJournal(JsonNode line) {
        if (journal == null) {
            return;
        }
        try {
            journal.append(line);
            journalLines++;
        } catch (IOException e) {
            throw new UncheckedIOException("The quarantine index journal " + journal.path()
                + " could not be written; the change is not applied", e);
        }
    }

    /** Called after a journaled change is applied, so that the compacted journal holds it. */
    private void compactIfLong() {
        if (journal == null || journalLines < compactionMinLines || journalLines <= 2 * entries.size()) {
            return;
        }
        try {
            compact();
        } catch (IOException e) {
            LOGGER.warn("Could not compact the quarantine index journal {}; it keeps growing until the next try",
                journal.path(), e);
        }
    }

    private void compact() throws IOException {
        if (journal == null) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (QuarantineEntry entry : byExpiry) {
            ObjectNode line = JsonNodeFactory.instance.objectNode();
            line.put("op", "add");
            line.set("entry", QuarantineEntryJson.toNode(entry));
            lines.add(JsonLinesFile.MAPPER.writeValueAsString(line));
        }
        journal.rewrite(lines);
        journalLines = lines.size();
    }

    private void replay(JsonNode line) {
        String op = line.path("op").asText("");
        if ("add".equals(op)) {
            put(QuarantineEntryJson.fromNode(line.path("entry")));
            return;
        }
        QuarantineEntryId id = QuarantineEntryId.of(QuarantineEntryJson.text(line, "mailKey"),
            QuarantineEntryJson.text(line, "recipient"));
        if ("released".equals(op)) {
            Optional.ofNullable(entries.get(id)).ifPresent(entry -> put(entry.asReleased()));
        } else if ("remove".equals(op)) {
            unindex(id);
        } else {
            throw new IllegalArgumentException("unknown operation '" + op + "'");
        }
    }

    private static ObjectNode idLine(String op, QuarantineEntryId id) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("op", op);
        line.put("mailKey", id.mailKey());
        line.put("recipient", id.recipient());
        return line;
    }

    private List<QuarantineEntry> entriesOf(Set<QuarantineEntryId> ids) {
        List<QuarantineEntry> found = new ArrayList<>();
        if (ids != null) {
            ids.forEach(id -> found.add(entries.get(id)));
        }
        return found;
    }

    private void put(QuarantineEntry entry) {
        unindex(entry.id());
        entries.put(entry.id(), entry);
        byRecipient.computeIfAbsent(entry.recipient(), any -> new LinkedHashSet<>()).add(entry.id());
        byMailKey.computeIfAbsent(entry.mailKey(), any -> new LinkedHashSet<>()).add(entry.id());
        byExpiry.add(entry);
    }

    private void unindex(QuarantineEntryId id) {
        QuarantineEntry old = entries.remove(id);
        if (old == null) {
            return;
        }
        byExpiry.remove(old);
        removeFrom(byRecipient, old.recipient(), id);
        removeFrom(byMailKey, old.mailKey(), id);
    }

    private static void removeFrom(Map<String, Set<QuarantineEntryId>> index, String key, QuarantineEntryId id) {
        Set<QuarantineEntryId> ids = index.get(key);
        if (ids != null) {
            ids.remove(id);
            if (ids.isEmpty()) {
                index.remove(key);
            }
        }
    }
}
