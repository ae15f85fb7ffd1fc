package org.cleanmail.core.rules;

import java.util.Objects;

/** A line the loader could not use, or a doubt it resolved by a default; never fatal. */
public final class LoadProblem {
    private final SourceLocation location;
    private final String message;

    public LoadProblem(SourceLocation location, String message) {
        this.location = Objects.requireNonNull(location, "location");
        this.message = Objects.requireNonNull(message, "message");
    }

    public SourceLocation location() {
        return location;
    }

    public String message() {
        return message;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoadProblem && location.equals(((LoadProblem) o).location)
            && message.equals(((LoadProblem) o).message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(location, message);
    }

    /** {@code file:line: message}. */
    @Override
    public String toString() {
        return location + ": " + message;
    }
}
