package org.cleanmail.archive.search;

/**
 * A search request the archive cannot run: a query syntax error, an unknown field, a bad
 * date, paging out of bounds. The message says what and where, for the caller's 400 answer.
 */
public final class InvalidArchiveQueryException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidArchiveQueryException(String message) {
        super(message);
    }

    public InvalidArchiveQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
