package org.cleanmail.core.quarantine;

/**
 * Deletes a quarantined mail from James's repository; called by {@link RetentionPurger}
 * before it removes the index entries. Deleting a mail already gone must succeed.
 */
@FunctionalInterface
public interface QuarantinedMailDeleter {
    /** Deletes the mail stored under {@code mailKey}; any exception keeps its entries for the next purge. */
    void delete(String mailKey) throws Exception;
}
