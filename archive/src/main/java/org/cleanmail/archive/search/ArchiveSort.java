package org.cleanmail.archive.search;

import java.util.Locale;

/** The order of search results. Ties are broken by archive id, so pages never overlap. */
public enum ArchiveSort {
    /** Newest first: the default. */
    DATE_DESC,
    /** Oldest first. */
    DATE_ASC,
    /** Best match first, then newest first. */
    RELEVANCE;

    /**
     * Reads {@code date} (newest first), {@code date-asc} or {@code relevance}, as a request
     * parameter would give it.
     *
     * @throws InvalidArchiveQueryException naming the valid values otherwise
     */
    public static ArchiveSort parse(String value) {
        String normalized = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        switch (normalized) {
            case "date":
            case "date-desc":
                return DATE_DESC;
            case "date-asc":
                return DATE_ASC;
            case "relevance":
                return RELEVANCE;
            default:
                throw new InvalidArchiveQueryException("'sort' is one of date, date-asc, relevance; got '" + value + "'");
        }
    }
}
