package org.cleanmail.core.scan;

/**
 * Scores messages. Implementations are thread-safe: one scanner serves every mail
 * processor thread.
 */
public interface MessageScanner {
    ScanResult scan(RawMessage message);

    /** How many rules this scanner evaluates, for status reports. */
    int ruleCount();
}
