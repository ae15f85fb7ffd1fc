package org.cleanmail.archive;

/**
 * Told after each blob a re-indexing or repair has handled, e.g. by a task that shows its
 * progress, and asked whether to stop. Called on the thread running the maintenance; keep
 * it quick.
 */
@FunctionalInterface
public interface MaintenanceProgress {
    MaintenanceProgress NONE = (scanned, indexed, unreadable) -> { };

    void progress(long scanned, long indexed, long unreadable);

    /**
     * Whether the run should stop (e.g. its task was cancelled): it then commits what it
     * has done and ends with {@link MaintenanceCancelledException}. Never, by default.
     */
    default boolean cancelled() {
        return false;
    }
}
