package org.cleanmail.core.sender;

/** What a flag blocks: one client address, or every address of a client network. */
public enum FlagScope {
    CLIENT,
    NETWORK
}
