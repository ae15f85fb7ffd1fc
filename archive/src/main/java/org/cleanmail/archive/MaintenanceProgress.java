package org.cleanmail.archive;

/**
 * Told after each blob a re-indexing or repair has handled, e.g. by a task that shows its
 * progress. Called on the thread running the maintenance; keep it quick.
 */
@FunctionalInterface
public interface MaintenanceProgress {
    MaintenanceProgress NONE = (scanned, indexed, unreadable) -> { };

    void progress(long scanned, long indexed, long unreadable);
}
