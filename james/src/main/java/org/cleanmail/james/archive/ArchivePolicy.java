package org.cleanmail.james.archive;

import java.util.Locale;
import java.util.Optional;

import org.cleanmail.archive.model.Direction;

/**
 * Which mail the {@code Archive} mailet archives ({@code archive.policy} of
 * {@code cleanmail.properties}).
 */
public enum ArchivePolicy {
    /** Every mail the mailet sees. */
    ALL,
    /** Mail from outside senders only: not authenticated, not from {@code authorizedAddresses}. */
    INBOUND,
    /** Mail not judged spam: {@code org.cleanmail.spam} is not true (mail not scored yet counts as legitimate). */
    LEGITIMATE,
    /** Nothing: the archive stays searchable, nothing new is added. */
    NONE;

    /** Whether a mail of this direction and spam verdict (empty: not scored) is archived. */
    public boolean accepts(Direction direction, Optional<Boolean> spam) {
        switch (this) {
            case ALL:
                return true;
            case INBOUND:
                return direction == Direction.INBOUND;
            case LEGITIMATE:
                return !spam.orElse(false);
            default:
                return false;
        }
    }

    /** The name written in cleanmail.properties: {@code all}, {@code inbound}, {@code legitimate}, {@code none}. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a keyword, case-insensitively; empty when it is none of them. */
    public static Optional<ArchivePolicy> parse(String text) {
        for (ArchivePolicy policy : values()) {
            if (policy.keyword().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(policy);
            }
        }
        return Optional.empty();
    }
}
