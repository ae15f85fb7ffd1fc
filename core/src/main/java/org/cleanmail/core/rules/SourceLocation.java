package org.cleanmail.core.rules;

import java.util.Objects;

/** Where a line came from: a file name (as loaded) and a 1-based line number. */
public final class SourceLocation {
    private final String file;
    private final int line;

    public SourceLocation(String file, int line) {
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceLocation && file.equals(((SourceLocation) o).file)
            && line == ((SourceLocation) o).line;
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, line);
    }

    /** {@code file:line}, as in compiler messages. */
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
