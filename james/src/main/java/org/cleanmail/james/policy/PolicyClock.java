package org.cleanmail.james.policy;

import java.time.Clock;

import javax.inject.Inject;

import org.cleanmail.james.sender.ServerClock;

/**
 * The clock of quarantine dates and retention: James's clock by default. Its own class
 * so that a test can bind another clock for the quarantine alone (a Guice override of
 * {@code PolicyClock}) without moving the whole server's time.
 */
public class PolicyClock {
    private final Clock clock;

    @Inject
    public PolicyClock(ServerClock serverClock) {
        this(serverClock.clock());
    }

    public PolicyClock(Clock clock) {
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }
}
