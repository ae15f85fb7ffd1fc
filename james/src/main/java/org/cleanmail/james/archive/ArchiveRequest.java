package org.cleanmail.james.archive;

import java.util.Objects;

import org.apache.mailet.Mail;
import org.cleanmail.archive.model.ArchiveMetadata;

/**
 * One mail waiting to be archived: a copy of the mail (its own, so the original goes on
 * unchanged; disposed once archived) and what the archive records about it.
 */
public final class ArchiveRequest {
    private final Mail copy;
    private final ArchiveMetadata metadata;

    public ArchiveRequest(Mail copy, ArchiveMetadata metadata) {
        this.copy = Objects.requireNonNull(copy, "mail copy");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
    }

    public Mail copy() {
        return copy;
    }

    public ArchiveMetadata metadata() {
        return metadata;
    }

    @Override
    public String toString() {
        return "ArchiveRequest{" + copy.getName() + ", " + metadata + "}";
    }
}
