package org.cleanmail.james.sender;

import java.time.Clock;

import com.google.inject.Inject;

/**
 * James's {@link Clock} when the server binds one (the Guice servers do), else the system
 * clock in UTC. Built by Guice just in time, like the classes that use it.
 */
public class ServerClock {
    private Clock clock = Clock.systemUTC();

    @Inject(optional = true)
    void setClock(Clock clock) {
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }
}
