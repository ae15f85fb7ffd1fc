package org.cleanmail.core.sender;

import java.time.Instant;
import java.util.Objects;

/**
 * A block on a client address ({@code 203.0.113.7}) or network ({@code 198.51.100.0/24}):
 * why (a public reason code shown in SMTP replies, and a reason for administrators), since
 * when and until when. Immutable.
 */
public final class SenderFlag {
    private final String key;
    private final FlagScope scope;
    private final String reasonCode;
    private final String reason;
    private final Instant since;
    private final Instant until;

    public SenderFlag(String key, FlagScope scope, String reasonCode, String reason, Instant since, Instant until) {
        this.key = Objects.requireNonNull(key, "key");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.reasonCode = Objects.requireNonNull(reasonCode, "reasonCode");
        this.reason = Objects.requireNonNull(reason, "reason");
        this.since = Objects.requireNonNull(since, "since");
        this.until = Objects.requireNonNull(until, "until");
        if (!until.isAfter(since)) {
            throw new IllegalArgumentException("a flag must end after it starts (" + since + "); got " + until);
        }
    }

    /** The flagged address or network, in canonical text form. */
    public String key() {
        return key;
    }

    public FlagScope scope() {
        return scope;
    }

    public String reasonCode() {
        return reasonCode;
    }

    public String reason() {
        return reason;
    }

    public Instant since() {
        return since;
    }

    public Instant until() {
        return until;
    }

    public boolean isActiveAt(Instant instant) {
        return !instant.isBefore(since) && instant.isBefore(until);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SenderFlag)) {
            return false;
        }
        SenderFlag other = (SenderFlag) o;
        return key.equals(other.key) && scope == other.scope && reasonCode.equals(other.reasonCode)
            && reason.equals(other.reason) && since.equals(other.since) && until.equals(other.until);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, scope, reasonCode, reason, since, until);
    }

    @Override
    public String toString() {
        return "SenderFlag{" + scope + " " + key + ", " + reasonCode + " (" + reason + "), " + since + " to " + until + "}";
    }
}
