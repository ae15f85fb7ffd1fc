package org.cleanmail.webadmin.fingerprint;

import org.cleanmail.core.fingerprint.store.FingerprintEntry;

/** One entry of the fingerprint database, as the routes show it. */
public class FingerprintEntryDto {
    public final String kind;
    public final String id;
    public final String source;
    public final String firstSeen;
    public final String lastSeen;
    public final long hits;
    public final double weight;
    public final String expires;
    public final boolean vetoed;

    public FingerprintEntryDto(FingerprintEntry entry) {
        this.kind = entry.kind().name();
        this.id = entry.id().hex();
        this.source = entry.source().name();
        this.firstSeen = entry.firstSeen().toString();
        this.lastSeen = entry.lastSeen().toString();
        this.hits = entry.hitCount();
        this.weight = entry.weight();
        this.expires = entry.expiresAt().toString();
        this.vetoed = entry.vetoed();
    }
}
