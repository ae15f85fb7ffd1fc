package org.cleanmail.core.sender;

/** The sliding-window counters that behaviour analysis keeps, each per client or per network. */
public enum BehaviourCounter {
    /** Connections opened by a client IP. */
    CONNECTIONS,
    /** Messages accepted from a client IP. */
    MESSAGES,
    /** Recipients of the messages accepted from a client IP. */
    RECIPIENTS,
    /** RCPT TO for unknown local recipients, per client IP. */
    UNKNOWN_RECIPIENTS_BY_CLIENT,
    /** RCPT TO for unknown local recipients, per client network ({@code /24}, {@code /64} by default). */
    UNKNOWN_RECIPIENTS_BY_NETWORK
}
