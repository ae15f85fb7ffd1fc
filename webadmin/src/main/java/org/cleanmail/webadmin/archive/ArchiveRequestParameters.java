package org.cleanmail.webadmin.archive;

import java.util.Optional;

import org.cleanmail.archive.search.ArchiveDates;
import org.cleanmail.archive.search.ArchiveQuery;
import org.cleanmail.archive.search.ArchiveSort;
import org.cleanmail.archive.search.InvalidArchiveQueryException;

import spark.Request;

/**
 * Reads a search request's parameters: {@code q}, {@code from}, {@code to}, {@code after}
 * (inclusive), {@code before} (exclusive), {@code verdict}, {@code offset}, {@code limit},
 * {@code sort} ({@code date}, {@code date-asc}, {@code relevance}), {@code snippets}
 * ({@code true} by default). A bad value is an {@link InvalidArchiveQueryException}: a 400
 * whose details say which parameter and what is valid.
 */
final class ArchiveRequestParameters {
    static final String QUERY = "q";
    static final String FROM = "from";
    static final String TO = "to";
    static final String AFTER = "after";
    static final String BEFORE = "before";
    static final String VERDICT = "verdict";
    static final String OFFSET = "offset";
    static final String LIMIT = "limit";
    static final String SORT = "sort";
    static final String SNIPPETS = "snippets";

    private ArchiveRequestParameters() {
    }

    static ArchiveQuery query(Request request) {
        ArchiveQuery.Builder builder = ArchiveQuery.builder()
            .query(request.queryParams(QUERY))
            .from(request.queryParams(FROM))
            .to(request.queryParams(TO))
            .verdict(request.queryParams(VERDICT));
        parameter(request, AFTER).map(ArchiveDates::start).ifPresent(builder::after);
        parameter(request, BEFORE).map(ArchiveDates::start).ifPresent(builder::before);
        parameter(request, OFFSET).map(value -> integer(OFFSET, value, "0")).ifPresent(builder::offset);
        parameter(request, LIMIT).map(value -> integer(LIMIT, value, "20")).ifPresent(builder::limit);
        parameter(request, SORT).map(ArchiveSort::parse).ifPresent(builder::sort);
        parameter(request, SNIPPETS).map(ArchiveRequestParameters::bool).ifPresent(builder::snippets);
        return builder.build();
    }

    private static Optional<String> parameter(Request request, String name) {
        return Optional.ofNullable(request.queryParams(name)).map(String::trim).filter(value -> !value.isEmpty());
    }

    private static int integer(String name, String value, String example) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidArchiveQueryException("'" + name + "' must be a whole number, e.g. " + name + "=" + example
                + "; got '" + value + "'");
        }
    }

    private static boolean bool(String value) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new InvalidArchiveQueryException("'" + SNIPPETS + "' must be true or false; got '" + value + "'");
    }
}
