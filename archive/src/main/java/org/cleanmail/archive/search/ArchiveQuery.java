package org.cleanmail.archive.search;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One search request: a query in the archive's language ({@link ArchiveQueryParser}) and/or
 * simple parameters, all ANDed: {@code from} (From header or envelope sender), {@code to}
 * (To, Cc or envelope recipients), {@code after} (inclusive), {@code before} (exclusive),
 * {@code verdict}; then paging, order, and whether to cut snippets. Immutable; the builder
 * rejects out-of-bounds values with {@link InvalidArchiveQueryException}.
 */
public final class ArchiveQuery {
    public static final int DEFAULT_LIMIT = 20;
    /** Most hits on one page. */
    public static final int MAX_LIMIT = 100;
    /** Deepest page start: deeper pages cost memory; narrow the query instead. */
    public static final int MAX_OFFSET = 10_000;

    private final String query;
    private final String from;
    private final String to;
    private final Instant after;
    private final Instant before;
    private final String verdict;
    private final int offset;
    private final int limit;
    private final ArchiveSort sort;
    private final boolean snippets;

    private ArchiveQuery(Builder builder) {
        this.query = builder.query;
        this.from = builder.from;
        this.to = builder.to;
        this.after = builder.after;
        this.before = builder.before;
        this.verdict = builder.verdict;
        this.offset = builder.offset;
        this.limit = builder.limit;
        this.sort = builder.sort;
        this.snippets = builder.snippets;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A query in the archive's language, first page, newest first. */
    public static ArchiveQuery of(String query) {
        return builder().query(query).build();
    }

    public Optional<String> query() {
        return Optional.ofNullable(query);
    }

    public Optional<String> from() {
        return Optional.ofNullable(from);
    }

    public Optional<String> to() {
        return Optional.ofNullable(to);
    }

    public Optional<Instant> after() {
        return Optional.ofNullable(after);
    }

    public Optional<Instant> before() {
        return Optional.ofNullable(before);
    }

    public Optional<String> verdict() {
        return Optional.ofNullable(verdict);
    }

    public int offset() {
        return offset;
    }

    public int limit() {
        return limit;
    }

    public ArchiveSort sort() {
        return sort;
    }

    /** Whether hits carry highlighted snippets (the body's costs a decryption per hit). */
    public boolean snippets() {
        return snippets;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ArchiveQuery)) {
            return false;
        }
        ArchiveQuery other = (ArchiveQuery) o;
        return Objects.equals(query, other.query) && Objects.equals(from, other.from) && Objects.equals(to, other.to)
            && Objects.equals(after, other.after) && Objects.equals(before, other.before)
            && Objects.equals(verdict, other.verdict) && offset == other.offset && limit == other.limit
            && sort == other.sort && snippets == other.snippets;
    }

    @Override
    public int hashCode() {
        return Objects.hash(query, from, to, after, before, verdict, offset, limit, sort, snippets);
    }

    @Override
    public String toString() {
        return "ArchiveQuery{q=" + query + ", from=" + from + ", to=" + to + ", after=" + after + ", before=" + before
            + ", verdict=" + verdict + ", offset=" + offset + ", limit=" + limit + ", sort=" + sort + "}";
    }

    /** Collects a request; blank values count as absent. */
    public static final class Builder {
        private String query;
        private String from;
        private String to;
        private Instant after;
        private Instant before;
        private String verdict;
        private int offset;
        private int limit = DEFAULT_LIMIT;
        private ArchiveSort sort = ArchiveSort.DATE_DESC;
        private boolean snippets = true;

        private Builder() {
        }

        public Builder query(String query) {
            this.query = blankToNull(query);
            return this;
        }

        public Builder from(String address) {
            this.from = lower(address);
            return this;
        }

        public Builder to(String address) {
            this.to = lower(address);
            return this;
        }

        public Builder after(Instant after) {
            this.after = after;
            return this;
        }

        public Builder before(Instant before) {
            this.before = before;
            return this;
        }

        public Builder verdict(String verdict) {
            this.verdict = lower(verdict);
            return this;
        }

        public Builder offset(int offset) {
            if (offset < 0 || offset > MAX_OFFSET) {
                throw new InvalidArchiveQueryException("'offset' must be between 0 and " + MAX_OFFSET + "; got " + offset);
            }
            this.offset = offset;
            return this;
        }

        public Builder limit(int limit) {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new InvalidArchiveQueryException("'limit' must be between 1 and " + MAX_LIMIT + "; got " + limit);
            }
            this.limit = limit;
            return this;
        }

        public Builder sort(ArchiveSort sort) {
            this.sort = Objects.requireNonNull(sort, "sort");
            return this;
        }

        public Builder snippets(boolean snippets) {
            this.snippets = snippets;
            return this;
        }

        public ArchiveQuery build() {
            if (after != null && before != null && !after.isBefore(before)) {
                throw new InvalidArchiveQueryException("'after' (" + after + ") must be earlier than 'before' (" + before
                    + ")");
            }
            return new ArchiveQuery(this);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }

        private static String lower(String value) {
            String trimmed = blankToNull(value);
            if (trimmed != null && trimmed.length() > 1000) {
                throw new InvalidArchiveQueryException("An address or verdict parameter is at most 1000 characters; got "
                    + trimmed.length());
            }
            return trimmed == null ? null : trimmed.toLowerCase(Locale.ROOT);
        }
    }
}
