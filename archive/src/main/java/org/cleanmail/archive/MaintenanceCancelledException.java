package org.cleanmail.archive;

/**
 * A repair or re-indexing stopped because its {@link MaintenanceProgress} asked it to; what
 * it had indexed so far is committed and {@link #partial()} says how far it went.
 */
public final class MaintenanceCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient MaintenanceReport partial;

    public MaintenanceCancelledException(MaintenanceReport partial) {
        super("Archive maintenance cancelled after " + partial);
        this.partial = partial;
    }

    public MaintenanceReport partial() {
        return partial;
    }
}
