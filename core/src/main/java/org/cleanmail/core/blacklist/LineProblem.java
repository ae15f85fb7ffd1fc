package org.cleanmail.core.blacklist;

import java.util.Objects;

/** A line of a list file that could not be read: its number (from 1) and why. */
public final class LineProblem {
    private final int lineNumber;
    private final String reason;

    public LineProblem(int lineNumber, String reason) {
        this.lineNumber = lineNumber;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public int lineNumber() {
        return lineNumber;
    }

    public String reason() {
        return reason;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LineProblem && lineNumber == ((LineProblem) o).lineNumber
            && reason.equals(((LineProblem) o).reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lineNumber, reason);
    }

    @Override
    public String toString() {
        return "line " + lineNumber + ": " + reason;
    }
}
