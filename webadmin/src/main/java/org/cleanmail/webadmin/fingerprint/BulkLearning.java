package org.cleanmail.webadmin.fingerprint;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.inject.Inject;
import javax.inject.Singleton;

import org.cleanmail.core.fingerprint.FingerprintSource;
import org.cleanmail.core.learning.BulkLearner;
import org.cleanmail.james.CleanMailRuntime;

/**
 * What the bulk learning tasks share: the learner on the server's engine (the same code as
 * {@code ./cleanmail learn}), and the guarantee that one runs at a time on this server.
 */
@Singleton
public class BulkLearning {
    private final CleanMailRuntime runtime;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    @Inject
    public BulkLearning(CleanMailRuntime runtime) {
        this(runtime, Clock.systemUTC());
    }

    public BulkLearning(CleanMailRuntime runtime, Clock clock) {
        this.runtime = runtime;
        this.clock = clock;
    }

    /** The learner; {@link IllegalStateException} when fingerprints are disabled. */
    public BulkLearner learner() {
        return BulkLearner.of(runtime.engine(), runtime.configuration().maxMessageSize(), FingerprintSource.ADMIN);
    }

    public boolean fingerprintsEnabled() {
        return runtime.engine().fingerprints().isPresent();
    }

    /** Takes the right to run; false when a learning task is already running. */
    boolean tryStart() {
        return running.compareAndSet(false, true);
    }

    void finish() {
        running.set(false);
    }

    public Clock clock() {
        return clock;
    }
}
