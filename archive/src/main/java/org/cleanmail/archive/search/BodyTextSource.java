package org.cleanmail.archive.search;

import java.util.Optional;

import org.cleanmail.archive.model.ArchiveId;

/**
 * The body text of an archived message, for snippets. The body is not stored in the index,
 * so the archive decrypts and parses the message: this is done for the hits of the
 * requested page only.
 */
@FunctionalInterface
public interface BodyTextSource {
    /** The rendered body text, or empty when the message cannot be read (missing, tampered, unknown key). */
    Optional<String> bodyText(ArchiveId id);
}
