package org.cleanmail.core.fingerprint.store.embedded;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.cleanmail.core.fingerprint.Fingerprint;
import org.cleanmail.core.fingerprint.FingerprintId;
import org.cleanmail.core.fingerprint.FingerprintKind;
import org.cleanmail.core.fingerprint.FingerprintSource;
import org.cleanmail.core.fingerprint.MinHashSignature;
import org.cleanmail.core.fingerprint.store.FingerprintEntry;
import org.cleanmail.core.fingerprint.store.FingerprintPage;
import org.cleanmail.core.fingerprint.store.FingerprintStats;
import org.cleanmail.core.fingerprint.store.FingerprintStore;
import org.cleanmail.core.fingerprint.store.FuzzyMatch;
import org.cleanmail.core.fingerprint.store.LearnOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fingerprint store of a single server: every entry in memory, in primitive columns
 * ({@link EntryTable}), persisted in a folder as a snapshot plus a journal of the changes
 * since. Each change is appended to the journal (and forced to disk, by default) before
 * it is applied, so a restart replays it; a crash in the middle of a write loses that
 * write only. When the journal outgrows its limit, or on {@link #compact()}, a new
 * snapshot is written to a temporary file and atomically renamed, then the journal is
 * emptied; replaying an old journal over a newer snapshot is harmless, as records carry
 * whole entries. A lock file keeps a second store from opening the same folder.
 * Thread-safe: one read-write lock, lookups share it.
 */
public final class EmbeddedFingerprintStore implements FingerprintStore {
    static final String SNAPSHOT_FILE = "fingerprints.snapshot";
    static final String JOURNAL_FILE = "fingerprints.journal";
    static final String LOCK_FILE = "fingerprints.lock";

    private static final byte PUT = 1;
    private static final byte REMOVE = 2;
    private static final byte PURGE = 3;
    private static final String CURSOR_SEPARATOR = ":";
    private static final Logger LOGGER = LoggerFactory.getLogger(EmbeddedFingerprintStore.class);

    private final EmbeddedStoreSettings settings;
    private final Clock clock;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<FingerprintKind, EntryTable> tables;
    private Optional<Journal> journal = Optional.empty();
    private Optional<FileChannel> lockChannel = Optional.empty();
    private boolean closed;

    private EmbeddedFingerprintStore(EmbeddedStoreSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.tables = new EnumMap<>(FingerprintKind.class);
        for (FingerprintKind kind : FingerprintKind.values()) {
            tables.put(kind, kind == FingerprintKind.TEXT_FUZZY
                ? EntryTable.fuzzy(settings.signatureLength(), settings.lshBands())
                : EntryTable.exact(kind));
        }
    }

    /** Opens the store, loading the folder's snapshot and replaying its journal. */
    public static EmbeddedFingerprintStore open(EmbeddedStoreSettings settings, Clock clock) throws IOException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        EmbeddedFingerprintStore store = new EmbeddedFingerprintStore(settings, clock);
        if (settings.folder().isPresent()) {
            try {
                store.load(settings.folder().get());
            } catch (IOException | RuntimeException e) {
                store.close();
                throw e;
            }
        }
        return store;
    }

    private void load(Path folder) throws IOException {
        Files.createDirectories(folder);
        FileChannel channel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
        lockChannel = Optional.of(channel);
        FileLock fileLock;
        try {
            fileLock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            fileLock = null;
        }
        if (fileLock == null) {
            throw new IllegalStateException("the fingerprint store folder " + folder + " is in use by another store");
        }
        Snapshot.read(folder.resolve(SNAPSHOT_FILE), this::restore);
        journal = Optional.of(Journal.open(folder.resolve(JOURNAL_FILE), settings.syncEachWrite(), this::replay));
    }

    private void restore(FingerprintEntry entry) {
        checkSignatureLength(entry.signature());
        tables.get(entry.kind()).put(entry);
    }

    private void replay(byte type, DataInputStream payload) throws IOException {
        if (type == PUT) {
            FingerprintEntry entry = EntryCodec.readEntry(payload);
            restore(entry);
        } else if (type == REMOVE) {
            FingerprintKind kind = EntryCodec.readKind(payload);
            FingerprintId id = new FingerprintId(payload.readLong(), payload.readLong());
            EntryTable table = tables.get(kind);
            int slot = table.find(id);
            if (slot >= 0) {
                table.remove(slot);
            }
        } else if (type == PURGE) {
            purgeAt(payload.readLong());
        } else {
            throw new IOException("unknown journal record type " + type);
        }
    }

    @Override
    public LearnOutcome learn(Fingerprint fingerprint, FingerprintSource source, double weight) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(source, "source");
        if (!Double.isFinite(weight)) {
            throw new IllegalArgumentException("weight must be a finite number, got " + weight);
        }
        checkSignatureLength(fingerprint.signature());
        lock.writeLock().lock();
        try {
            ensureOpen();
            EntryTable table = tables.get(fingerprint.kind());
            long now = clock.millis();
            int slot = table.find(fingerprint.id());
            if (slot >= 0 && table.vetoed(slot)) {
                return LearnOutcome.VETOED;
            }
            Instant nowInstant = Instant.ofEpochMilli(now);
            Instant expiresAt = nowInstant.plus(settings.ttl());
            FingerprintEntry updated;
            LearnOutcome outcome;
            if (slot >= 0 && table.expiresAt(slot) > now) {
                FingerprintEntry existing = table.entry(slot);
                updated = FingerprintEntry.builder().kind(existing.kind()).id(existing.id())
                    .signature(existing.signature()).source(existing.source()).firstSeen(existing.firstSeen())
                    .lastSeen(nowInstant).hitCount(existing.hitCount() + 1)
                    .weight(Math.max(existing.weight(), (float) weight)).expiresAt(expiresAt).vetoed(false).build();
                outcome = LearnOutcome.MERGED;
            } else {
                updated = FingerprintEntry.builder().kind(fingerprint.kind()).id(fingerprint.id())
                    .signature(fingerprint.signature()).source(source).firstSeen(nowInstant).lastSeen(nowInstant)
                    .hitCount(1).weight((float) weight).expiresAt(expiresAt).vetoed(false).build();
                outcome = LearnOutcome.ADDED;
            }
            put(updated);
            return outcome;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public Optional<FingerprintEntry> lookup(FingerprintKind kind, FingerprintId id) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        lock.readLock().lock();
        try {
            ensureOpen();
            EntryTable table = tables.get(kind);
            int slot = table.find(id);
            if (slot < 0 || table.expiresAt(slot) <= clock.millis()) {
                return Optional.empty();
            }
            return Optional.of(table.entry(slot));
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Optional<FuzzyMatch> lookupFuzzy(MinHashSignature signature, double minSimilarity) {
        Objects.requireNonNull(signature, "signature");
        if (!(minSimilarity >= 0 && minSimilarity <= 1)) {
            throw new IllegalArgumentException("minSimilarity must be between 0 and 1, got " + minSimilarity);
        }
        checkSignatureLength(Optional.of(signature));
        int minAgreeing = Math.max(1, (int) Math.ceil(minSimilarity * signature.length() - 1e-9));
        lock.readLock().lock();
        try {
            ensureOpen();
            EntryTable table = tables.get(FingerprintKind.TEXT_FUZZY);
            long best = table.bestMatch(signature.values(), minAgreeing, settings.maxFuzzyCandidates(),
                clock.millis());
            if (best < 0) {
                return Optional.empty();
            }
            int slot = (int) (best >>> 32);
            int agreeing = (int) best;
            return Optional.of(new FuzzyMatch(table.entry(slot), (double) agreeing / signature.length()));
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public boolean remove(FingerprintKind kind, FingerprintId id) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        lock.writeLock().lock();
        try {
            ensureOpen();
            EntryTable table = tables.get(kind);
            int slot = table.find(id);
            if (slot < 0) {
                return false;
            }
            append(REMOVE, out -> EntryCodec.writeKey(kind, id, out));
            table.remove(slot);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void veto(Fingerprint fingerprint, FingerprintSource source) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(source, "source");
        checkSignatureLength(fingerprint.signature());
        lock.writeLock().lock();
        try {
            ensureOpen();
            EntryTable table = tables.get(fingerprint.kind());
            Instant now = Instant.ofEpochMilli(clock.millis());
            int slot = table.find(fingerprint.id());
            Instant firstSeen = slot >= 0 ? table.entry(slot).firstSeen() : now;
            put(FingerprintEntry.builder().kind(fingerprint.kind()).id(fingerprint.id())
                .signature(fingerprint.signature()).source(source).firstSeen(firstSeen).lastSeen(now)
                .hitCount(0).weight(0).expiresAt(Instant.MAX).vetoed(true).build());
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public FingerprintPage list(Optional<FingerprintKind> kind, Optional<String> cursor, int limit) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cursor, "cursor");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        lock.readLock().lock();
        try {
            ensureOpen();
            long now = clock.millis();
            int[] position = parseCursor(cursor);
            List<FingerprintEntry> entries = new ArrayList<>();
            FingerprintKind[] kinds = FingerprintKind.values();
            for (int k = position[0]; k < kinds.length; k++) {
                if (kind.isPresent() && kind.get() != kinds[k]) {
                    continue;
                }
                EntryTable table = tables.get(kinds[k]);
                int from = k == position[0] ? position[1] : 0;
                for (int slot = from; slot < table.slotLimit(); slot++) {
                    if (!table.used(slot) || table.expiresAt(slot) <= now) {
                        continue;
                    }
                    if (entries.size() == limit) {
                        return new FingerprintPage(entries, Optional.of(k + CURSOR_SEPARATOR + slot));
                    }
                    entries.add(table.entry(slot));
                }
            }
            return new FingerprintPage(entries, Optional.empty());
        } finally {
            lock.readLock().unlock();
        }
    }

    private static int[] parseCursor(Optional<String> cursor) {
        if (cursor.isEmpty()) {
            return new int[] {0, 0};
        }
        String[] parts = cursor.get().split(CURSOR_SEPARATOR, -1);
        try {
            int kind = Integer.parseInt(parts[0]);
            int slot = Integer.parseInt(parts[1]);
            if (parts.length == 2 && kind >= 0 && kind < FingerprintKind.values().length && slot >= 0) {
                return new int[] {kind, slot};
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("invalid cursor '" + cursor.get()
                + "': pass the nextCursor of the previous page", e);
        }
        throw new IllegalArgumentException("invalid cursor '" + cursor.get() + "': pass the nextCursor of the previous page");
    }

    @Override
    public FingerprintStats stats() {
        lock.readLock().lock();
        try {
            ensureOpen();
            long now = clock.millis();
            Map<FingerprintKind, Long> byKind = new EnumMap<>(FingerprintKind.class);
            Map<FingerprintSource, Long> bySource = new EnumMap<>(FingerprintSource.class);
            long vetoes = 0;
            for (Map.Entry<FingerprintKind, EntryTable> kindTable : tables.entrySet()) {
                EntryTable table = kindTable.getValue();
                for (int slot = 0; slot < table.slotLimit(); slot++) {
                    if (!table.used(slot) || table.expiresAt(slot) <= now) {
                        continue;
                    }
                    if (table.vetoed(slot)) {
                        vetoes++;
                    } else {
                        byKind.merge(kindTable.getKey(), 1L, Long::sum);
                        bySource.merge(table.source(slot), 1L, Long::sum);
                    }
                }
            }
            return new FingerprintStats(byKind, bySource, vetoes);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public int purgeExpired() {
        lock.writeLock().lock();
        try {
            ensureOpen();
            long now = clock.millis();
            if (countExpired(now) == 0) {
                return 0;
            }
            append(PURGE, out -> out.writeLong(now));
            return purgeAt(now);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private int countExpired(long now) {
        int expired = 0;
        for (EntryTable table : tables.values()) {
            for (int slot = 0; slot < table.slotLimit(); slot++) {
                if (table.used(slot) && !table.vetoed(slot) && table.expiresAt(slot) <= now) {
                    expired++;
                }
            }
        }
        return expired;
    }

    private int purgeAt(long now) {
        int purged = 0;
        for (EntryTable table : tables.values()) {
            for (int slot = 0; slot < table.slotLimit(); slot++) {
                if (table.used(slot) && !table.vetoed(slot) && table.expiresAt(slot) <= now) {
                    table.remove(slot);
                    purged++;
                }
            }
        }
        return purged;
    }

    /**
     * Writes a snapshot of every entry and empties the journal. Runs by itself when the
     * journal outgrows its limit; callers may run it at quiet times. No-op in memory.
     */
    public void compact() throws IOException {
        lock.writeLock().lock();
        try {
            ensureOpen();
            compactLocked();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void compactLocked() throws IOException {
        if (journal.isEmpty()) {
            return;
        }
        long count = tables.values().stream().mapToLong(EntryTable::size).sum();
        Snapshot.write(settings.folder().get().resolve(SNAPSHOT_FILE), count, new AllEntries());
        journal.get().reset();
    }

    /** Approximate heap bytes held by the tables, for measurements. */
    long footprintBytes() {
        lock.readLock().lock();
        try {
            return tables.values().stream().mapToLong(EntryTable::footprintBytes).sum();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void close() throws IOException {
        lock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            IOException failure = null;
            try {
                if (journal.isPresent()) {
                    journal.get().sync();
                    journal.get().close();
                }
            } catch (IOException e) {
                failure = e;
            }
            if (lockChannel.isPresent()) {
                lockChannel.get().close();
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void put(FingerprintEntry entry) {
        append(PUT, out -> EntryCodec.writeEntry(entry, out));
        tables.get(entry.kind()).put(entry);
        maybeCompact();
    }

    /** Best effort: the change is already in the journal, a failed compaction is retried after the next one. */
    private void maybeCompact() {
        try {
            if (journal.isPresent() && journal.get().size() > settings.compactAfterJournalBytes()) {
                compactLocked();
            }
        } catch (IOException e) {
            LOGGER.warn("Cannot compact the fingerprint store in {}: the journal keeps growing until a compaction succeeds",
                settings.folder().orElseThrow(), e);
        }
    }

    /** Writes a journal record body. */
    private interface PayloadWriter {
        void write(DataOutputStream out) throws IOException;
    }

    private void append(byte type, PayloadWriter writer) {
        if (journal.isEmpty()) {
            return;
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
            DataOutputStream out = new DataOutputStream(bytes);
            writer.write(out);
            out.flush();
            journal.get().append(type, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fingerprint journal in " + settings.folder().orElseThrow(), e);
        }
    }

    private void checkSignatureLength(Optional<MinHashSignature> signature) {
        if (signature.isPresent() && signature.get().length() != settings.signatureLength()) {
            throw new IllegalArgumentException("this store holds signatures of " + settings.signatureLength()
                + " values, got " + signature.get().length());
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the fingerprint store is closed");
        }
    }

    /** Every used slot of every table, for the snapshot; runs under the write lock. */
    private final class AllEntries implements Iterator<FingerprintEntry> {
        private final Iterator<EntryTable> remainingTables = tables.values().iterator();
        private EntryTable table;
        private int slot = -1;

        @Override
        public boolean hasNext() {
            while (true) {
                if (table != null) {
                    int next = slot + 1;
                    while (next < table.slotLimit() && !table.used(next)) {
                        next++;
                    }
                    if (next < table.slotLimit()) {
                        return true;
                    }
                }
                if (!remainingTables.hasNext()) {
                    return false;
                }
                table = remainingTables.next();
                slot = -1;
            }
        }

        @Override
        public FingerprintEntry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            slot++;
            while (!table.used(slot)) {
                slot++;
            }
            return table.entry(slot);
        }
    }
}
