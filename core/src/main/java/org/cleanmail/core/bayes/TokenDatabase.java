package org.cleanmail.core.bayes;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import com.carrotsearch.hppc.LongByteHashMap;
import com.carrotsearch.hppc.LongLongHashMap;
import com.carrotsearch.hppc.cursors.LongLongCursor;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;

/**
 * The Bayes filter's counts: for each token (a 64-bit hash), in how many spam and ham
 * messages it was learnt; how many messages of each class were learnt; and which messages
 * (by a digest of their tokens) were learnt as what, so that learning a message twice
 * counts it once and learning it as the other class moves it.
 *
 * <p>Held in memory in primitive hash maps (about 40 bytes a token). Persisted in a folder:
 * {@value #SNAPSHOT} holds the counts at a point, {@value #JOURNAL} every learning since
 * (appended and flushed at once; forced to disk at compaction and close). Opening replays
 * the journal onto the snapshot; a torn last record, from a crash during a write, is
 * dropped. When the journal passes {@code journalLimitBytes} the state is written to a new
 * snapshot and the journal starts anew; the snapshot names the journal it covers, so a
 * crash between the two steps never counts a learning twice.
 *
 * <p>When the database holds more than {@code maximumTokens} tokens, the tokens seen in one
 * message only are dropped (they weigh least in a verdict). Thread-safe: lookups share a
 * read lock, learning takes the write lock.
 */
public final class TokenDatabase implements Closeable {
    static final String SNAPSHOT = "bayes.snapshot";
    static final String JOURNAL = "bayes.journal";
    static final String LOCK = "bayes.lock";
    private static final int MAGIC = 0x434d4259;
    private static final int VERSION = 1;
    private static final byte SPAM = 1;
    private static final byte HAM = 2;
    private static final byte FORGET = 3;
    private static final long DEFAULT_JOURNAL_LIMIT = 64L * 1024 * 1024;

    private final Optional<Path> folder;
    private final int maximumTokens;
    private final long journalLimitBytes;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final LongLongHashMap counts = new LongLongHashMap();
    private final LongByteHashMap learnt = new LongByteHashMap();
    private long spamMessages;
    private long hamMessages;
    private long journalId;
    private long journalBytes;
    private DataOutputStream journal;
    private FileChannel lockChannel;

    private TokenDatabase(Optional<Path> folder, int maximumTokens, long journalLimitBytes) {
        if (maximumTokens < 1) {
            throw new IllegalArgumentException("maximumTokens must be positive; got " + maximumTokens);
        }
        this.folder = folder;
        this.maximumTokens = maximumTokens;
        this.journalLimitBytes = journalLimitBytes;
    }

    /** A database that lives in memory only (tests, the command line's evaluation). */
    public static TokenDatabase inMemory(int maximumTokens) {
        return new TokenDatabase(Optional.empty(), maximumTokens, DEFAULT_JOURNAL_LIMIT);
    }

    /** Opens (or creates) the database kept in {@code folder}. */
    public static TokenDatabase open(Path folder, int maximumTokens) throws IOException {
        return open(folder, maximumTokens, DEFAULT_JOURNAL_LIMIT);
    }

    static TokenDatabase open(Path folder, int maximumTokens, long journalLimitBytes) throws IOException {
        Files.createDirectories(folder);
        TokenDatabase database = new TokenDatabase(Optional.of(folder), maximumTokens, journalLimitBytes);
        database.lock();
        try {
            database.load();
        } catch (IOException | RuntimeException e) {
            database.lockChannel.close();
            throw e;
        }
        return database;
    }

    /** Counts the message's tokens as spam or as ham. */
    public LearnResult learn(long[] tokens, boolean spam) {
        if (tokens.length == 0) {
            return LearnResult.EMPTY;
        }
        long digest = digest(tokens);
        lock.writeLock().lock();
        try {
            LearnResult result = apply(tokens, digest, spam ? SPAM : HAM);
            if (result != LearnResult.ALREADY_LEARNED) {
                append(spam ? SPAM : HAM, digest, tokens);
            }
            return result;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes a message learnt before; false when it was not learnt. */
    public boolean forget(long[] tokens) {
        long digest = digest(tokens);
        lock.writeLock().lock();
        try {
            if (!learnt.containsKey(digest)) {
                return false;
            }
            apply(tokens, digest, FORGET);
            append(FORGET, digest, tokens);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The counts of each token, and of messages, read at one point. */
    public Lookup lookup(long[] tokens) {
        int[] spam = new int[tokens.length];
        int[] ham = new int[tokens.length];
        lock.readLock().lock();
        try {
            for (int i = 0; i < tokens.length; i++) {
                long packed = counts.getOrDefault(tokens[i], 0L);
                spam[i] = spamOf(packed);
                ham[i] = hamOf(packed);
            }
            return new Lookup(spamMessages, hamMessages, spam, ham);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many messages learnt as spam and as ham contain the token. */
    public TokenCounts counts(long token) {
        lock.readLock().lock();
        try {
            long packed = counts.getOrDefault(token, 0L);
            return new TokenCounts(spamOf(packed), hamOf(packed));
        } finally {
            lock.readLock().unlock();
        }
    }

    public DatabaseStatistics statistics() {
        lock.readLock().lock();
        try {
            return new DatabaseStatistics(spamMessages, hamMessages, counts.size());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Writes a snapshot and starts a new journal. */
    public void compact() throws IOException {
        lock.writeLock().lock();
        try {
            if (folder.isPresent()) {
                writeSnapshotAndNewJournal();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void close() throws IOException {
        lock.writeLock().lock();
        try {
            if (folder.isPresent() && journal != null) {
                writeSnapshotAndNewJournal();
                journal.close();
                journal = null;
            }
        } finally {
            if (lockChannel != null) {
                lockChannel.close();
                lockChannel = null;
            }
            lock.writeLock().unlock();
        }
    }

    /** Leaves the folder as a process that died would: journal flushed, no snapshot, lock released. */
    void abandon() throws IOException {
        lock.writeLock().lock();
        try {
            if (journal != null) {
                journal.close();
                journal = null;
            }
            if (lockChannel != null) {
                lockChannel.close();
                lockChannel = null;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** One process at a time: a second one (a server and {@code ./cleanmail learn}) is refused. */
    private void lock() throws IOException {
        Path lockFile = folder.get().resolve(LOCK);
        lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock fileLock;
        try {
            fileLock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            fileLock = null;
        }
        if (fileLock == null) {
            lockChannel.close();
            throw new IOException("The Bayes database in " + folder.get() + " is in use by another process (a running"
                + " James server?); stop it first");
        }
    }

    private LearnResult apply(long[] tokens, long digest, byte operation) {
        byte previous = learnt.getOrDefault(digest, (byte) 0);
        if (operation == FORGET) {
            if (previous != 0) {
                count(tokens, previous, -1);
                learnt.remove(digest);
            }
            return LearnResult.LEARNED;
        }
        if (previous == operation) {
            return LearnResult.ALREADY_LEARNED;
        }
        if (previous != 0) {
            count(tokens, previous, -1);
        }
        count(tokens, operation, 1);
        learnt.put(digest, operation);
        if (counts.size() > maximumTokens) {
            dropSingleMessageTokens();
        }
        return previous == 0 ? LearnResult.LEARNED : LearnResult.RELEARNED;
    }

    private void count(long[] tokens, byte kind, int delta) {
        boolean spam = kind == SPAM;
        if (spam) {
            spamMessages = Math.max(0, spamMessages + delta);
        } else {
            hamMessages = Math.max(0, hamMessages + delta);
        }
        for (long token : tokens) {
            long packed = counts.getOrDefault(token, 0L);
            int spamCount = spamOf(packed);
            int hamCount = hamOf(packed);
            if (spam) {
                spamCount = Math.max(0, spamCount + delta);
            } else {
                hamCount = Math.max(0, hamCount + delta);
            }
            if (spamCount == 0 && hamCount == 0) {
                counts.remove(token);
            } else {
                counts.put(token, pack(spamCount, hamCount));
            }
        }
    }

    private void dropSingleMessageTokens() {
        counts.removeAll((key, value) -> (long) spamOf(value) + hamOf(value) <= 1);
    }

    static long digest(long[] sortedTokens) {
        Hasher hasher = Hashing.murmur3_128().newHasher();
        for (long token : sortedTokens) {
            hasher.putLong(token);
        }
        return hasher.hash().asLong();
    }

    private static long pack(int spam, int ham) {
        return ((long) spam << 32) | (ham & 0xffffffffL);
    }

    private static int spamOf(long packed) {
        return (int) (packed >>> 32);
    }

    private static int hamOf(long packed) {
        return (int) packed;
    }

    private void append(byte operation, long digest, long[] tokens) {
        if (journal == null) {
            return;
        }
        try {
            journal.writeByte(operation);
            journal.writeLong(digest);
            journal.writeInt(tokens.length);
            for (long token : tokens) {
                journal.writeLong(token);
            }
            journal.flush();
            journalBytes += 1 + Long.BYTES + Integer.BYTES + (long) Long.BYTES * tokens.length;
            if (journalBytes > journalLimitBytes) {
                writeSnapshotAndNewJournal();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the Bayes journal in " + folder.get(), e);
        }
    }

    private void load() throws IOException {
        Path snapshotFile = folder.get().resolve(SNAPSHOT);
        long coveredJournal = 0;
        long coveredBytes = 0;
        if (Files.exists(snapshotFile)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(snapshotFile)))) {
                if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                    throw new IOException(snapshotFile + " is not a CleanMail Bayes snapshot (version " + VERSION
                        + "); move it away to start an empty database");
                }
                coveredJournal = in.readLong();
                coveredBytes = in.readLong();
                spamMessages = in.readLong();
                hamMessages = in.readLong();
                int learntCount = in.readInt();
                for (int i = 0; i < learntCount; i++) {
                    learnt.put(in.readLong(), in.readByte());
                }
                int tokenCount = in.readInt();
                for (int i = 0; i < tokenCount; i++) {
                    counts.put(in.readLong(), in.readLong());
                }
            }
        }
        Path journalFile = folder.get().resolve(JOURNAL);
        if (Files.exists(journalFile)) {
            replay(journalFile, coveredJournal, coveredBytes);
        } else {
            startJournal();
        }
    }

    private void replay(Path journalFile, long coveredJournal, long coveredBytes) throws IOException {
        long validBytes;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(journalFile)))) {
            long id = in.readLong();
            long position = Long.BYTES;
            long skip = id == coveredJournal ? coveredBytes : 0;
            Optional<JournalRecord> record = JournalRecord.read(in);
            while (record.isPresent()) {
                position += record.get().size();
                if (position > skip) {
                    apply(record.get().tokens, record.get().digest, record.get().operation);
                }
                record = JournalRecord.read(in);
            }
            journalId = id;
            validBytes = position;
        } catch (EOFException emptyJournal) {
            startJournal();
            return;
        }
        try (FileChannel channel = FileChannel.open(journalFile, StandardOpenOption.WRITE)) {
            channel.truncate(validBytes);
        }
        journalBytes = validBytes - Long.BYTES;
        journal = new DataOutputStream(new BufferedOutputStream(
            Files.newOutputStream(journalFile, StandardOpenOption.APPEND)));
    }

    private void startJournal() throws IOException {
        Path journalFile = folder.get().resolve(JOURNAL);
        Path temporary = folder.get().resolve(JOURNAL + ".new");
        long id = new SecureRandom().nextLong();
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
            out.writeLong(id);
            out.flush();
            channel.force(true);
        }
        Files.move(temporary, journalFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        if (journal != null) {
            journal.close();
        }
        journalId = id;
        journalBytes = 0;
        journal = new DataOutputStream(new BufferedOutputStream(
            Files.newOutputStream(journalFile, StandardOpenOption.APPEND)));
    }

    private void writeSnapshotAndNewJournal() throws IOException {
        Path snapshotFile = folder.get().resolve(SNAPSHOT);
        Path temporary = folder.get().resolve(SNAPSHOT + ".new");
        if (journal != null) {
            journal.flush();
        }
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream stream = Channels.newOutputStream(channel);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16));
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(journalId);
            out.writeLong(Long.BYTES + journalBytes);
            out.writeLong(spamMessages);
            out.writeLong(hamMessages);
            out.writeInt(learnt.size());
            for (var entry : learnt) {
                out.writeLong(entry.key);
                out.writeByte(entry.value);
            }
            out.writeInt(counts.size());
            for (LongLongCursor entry : counts) {
                out.writeLong(entry.key);
                out.writeLong(entry.value);
            }
            out.flush();
            channel.force(true);
        }
        Files.move(temporary, snapshotFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        startJournal();
    }

    /** One learning in the journal; a torn or garbled one ends the journal. */
    private static final class JournalRecord {
        private final byte operation;
        private final long digest;
        private final long[] tokens;

        private JournalRecord(byte operation, long digest, long[] tokens) {
            this.operation = operation;
            this.digest = digest;
            this.tokens = tokens;
        }

        static Optional<JournalRecord> read(DataInputStream in) throws IOException {
            try {
                byte operation = in.readByte();
                long digest = in.readLong();
                int length = in.readInt();
                if (operation < SPAM || operation > FORGET || length < 0 || length > BayesTokenizer.MAXIMUM_TOKENS) {
                    return Optional.empty();
                }
                long[] tokens = new long[length];
                for (int i = 0; i < length; i++) {
                    tokens[i] = in.readLong();
                }
                return Optional.of(new JournalRecord(operation, digest, tokens));
            } catch (EOFException torn) {
                return Optional.empty();
            }
        }

        long size() {
            return 1 + Long.BYTES + Integer.BYTES + (long) Long.BYTES * tokens.length;
        }
    }

    /** Counts read under one lock: messages of each class, and each token's counts in order. */
    public static final class Lookup {
        private final long spamMessages;
        private final long hamMessages;
        private final int[] spam;
        private final int[] ham;

        Lookup(long spamMessages, long hamMessages, int[] spam, int[] ham) {
            this.spamMessages = spamMessages;
            this.hamMessages = hamMessages;
            this.spam = spam;
            this.ham = ham;
        }

        public long spamMessages() {
            return spamMessages;
        }

        public long hamMessages() {
            return hamMessages;
        }

        public int size() {
            return spam.length;
        }

        public int spam(int index) {
            return spam[index];
        }

        public int ham(int index) {
            return ham[index];
        }
    }

}
