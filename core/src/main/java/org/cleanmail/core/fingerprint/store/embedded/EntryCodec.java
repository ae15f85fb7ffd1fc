package org.cleanmail.core.fingerprint.store.embedded;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import org.cleanmail.core.fingerprint.FingerprintId;
import org.cleanmail.core.fingerprint.FingerprintKind;
import org.cleanmail.core.fingerprint.FingerprintSource;
import org.cleanmail.core.fingerprint.MinHashSignature;
import org.cleanmail.core.fingerprint.store.FingerprintEntry;

/**
 * The binary form of entries and keys in the journal and the snapshot: fixed-width
 * big-endian fields, the signature (if any) last, preceded by its length.
 */
final class EntryCodec {
    static final int MAX_SIGNATURE_LENGTH = 1024;

    private static final FingerprintKind[] KINDS = FingerprintKind.values();
    private static final FingerprintSource[] SOURCES = FingerprintSource.values();

    private EntryCodec() {
    }

    static void writeEntry(FingerprintEntry entry, DataOutput out) throws IOException {
        writeKey(entry.kind(), entry.id(), out);
        out.writeByte(entry.source().ordinal());
        out.writeBoolean(entry.vetoed());
        out.writeLong(entry.firstSeen().toEpochMilli());
        out.writeLong(entry.lastSeen().toEpochMilli());
        out.writeLong(EntryTable.toMillis(entry.expiresAt()));
        out.writeLong(entry.hitCount());
        out.writeDouble(entry.weight());
        int[] values = entry.signature().map(MinHashSignature::values).orElse(new int[0]);
        out.writeShort(values.length);
        for (int value : values) {
            out.writeInt(value);
        }
    }

    static FingerprintEntry readEntry(DataInput in) throws IOException {
        FingerprintKind kind = readKind(in);
        FingerprintId id = new FingerprintId(in.readLong(), in.readLong());
        FingerprintSource source = readSource(in);
        boolean vetoed = in.readBoolean();
        Instant firstSeen = Instant.ofEpochMilli(in.readLong());
        Instant lastSeen = Instant.ofEpochMilli(in.readLong());
        Instant expiresAt = EntryTable.toInstant(in.readLong());
        long hitCount = in.readLong();
        double weight = in.readDouble();
        int length = in.readUnsignedShort();
        if (length > MAX_SIGNATURE_LENGTH) {
            throw new IOException("signature of " + length + " values, at most " + MAX_SIGNATURE_LENGTH);
        }
        Optional<MinHashSignature> signature = Optional.empty();
        if (length > 0) {
            int[] values = new int[length];
            for (int i = 0; i < length; i++) {
                values[i] = in.readInt();
            }
            signature = Optional.of(MinHashSignature.of(values));
        }
        try {
            return FingerprintEntry.builder().kind(kind).id(id).signature(signature).source(source)
                .firstSeen(firstSeen).lastSeen(lastSeen).expiresAt(expiresAt).hitCount(hitCount).weight(weight)
                .vetoed(vetoed).build();
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid entry " + kind + ":" + id, e);
        }
    }

    static void writeKey(FingerprintKind kind, FingerprintId id, DataOutput out) throws IOException {
        out.writeByte(kind.ordinal());
        out.writeLong(id.high());
        out.writeLong(id.low());
    }

    static FingerprintKind readKind(DataInput in) throws IOException {
        int ordinal = in.readUnsignedByte();
        if (ordinal >= KINDS.length) {
            throw new IOException("unknown fingerprint kind " + ordinal);
        }
        return KINDS[ordinal];
    }

    private static FingerprintSource readSource(DataInput in) throws IOException {
        int ordinal = in.readUnsignedByte();
        if (ordinal >= SOURCES.length) {
            throw new IOException("unknown fingerprint source " + ordinal);
        }
        return SOURCES[ordinal];
    }
}
