package org.cleanmail.archive.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.cleanmail.archive.index.ArchiveFields;
import org.cleanmail.archive.index.ArchiveIndex;
import org.cleanmail.archive.model.ArchiveId;

/**
 * Runs archive searches: builds one Lucene query from the request (the parsed query and
 * each parameter as clauses of a boolean query), counts every match exactly, fetches the
 * requested page in the requested order and cuts snippets for that page only. A personal
 * search adds a {@code FILTER} clause {@code participants:<user>} to that very query, so it
 * can only ever match mail the user sent or received, whatever the query says.
 * Thread-safe.
 */
public final class ArchiveSearch {
    private static final SortField NEWEST_FIRST = new SortField(ArchiveFields.DATE, SortField.Type.LONG, true);
    private static final SortField OLDEST_FIRST = new SortField(ArchiveFields.DATE, SortField.Type.LONG, false);
    private static final SortField BY_ID = new SortField(ArchiveFields.ARCHIVE_ID, SortField.Type.STRING);

    private final ArchiveIndex index;
    private final BodyTextSource bodies;
    private final SnippetHighlighter highlighter;

    public ArchiveSearch(ArchiveIndex index, BodyTextSource bodies) {
        this.index = Objects.requireNonNull(index, "index");
        this.bodies = Objects.requireNonNull(bodies, "body text source");
        this.highlighter = new SnippetHighlighter(index.analyzer());
    }

    /**
     * Searches all mail (administrators).
     *
     * @throws InvalidArchiveQueryException when the query cannot be parsed or run
     */
    public ArchiveSearchResult search(ArchiveQuery request) throws IOException {
        return run(request, luceneQuery(request, null));
    }

    /**
     * Searches the mail that the user sent or received: From, To, Cc, envelope sender or
     * envelope recipient is the user's address (compared case-insensitively).
     *
     * @throws InvalidArchiveQueryException when the query cannot be parsed or run
     */
    public ArchiveSearchResult searchPersonal(String user, ArchiveQuery request) throws IOException {
        Objects.requireNonNull(user, "user");
        if (user.isBlank()) {
            throw new IllegalArgumentException("A personal search needs the user's address, e.g. alice@example.com");
        }
        return run(request, luceneQuery(request, user.trim().toLowerCase(Locale.ROOT)));
    }

    /**
     * The ids of every entry the request matches, oldest first; its paging and sort are
     * ignored. Scoped like {@link #searchPersonal} when a user is given.
     *
     * @throws InvalidArchiveQueryException when the query cannot be parsed or run
     */
    public List<ArchiveId> matchingIds(ArchiveQuery request, Optional<String> user) throws IOException {
        Query query = luceneQuery(request, user.map(ArchiveSearch::personal).orElse(null));
        try {
            return index.search(searcher -> {
                int count = searcher.count(query);
                if (count == 0) {
                    return List.of();
                }
                TopFieldDocs top = searcher.search(query, new TopFieldCollectorManager(new Sort(OLDEST_FIRST, BY_ID),
                    count, null, Integer.MAX_VALUE));
                StoredFields stored = searcher.storedFields();
                List<ArchiveId> ids = new ArrayList<>(top.scoreDocs.length);
                for (ScoreDoc doc : top.scoreDocs) {
                    ids.add(ArchiveId.of(stored.document(doc.doc, Set.of(ArchiveFields.ARCHIVE_ID))
                        .get(ArchiveFields.ARCHIVE_ID)));
                }
                return ids;
            });
        } catch (TooComplexToDeterminizeException | IndexSearcher.TooManyClauses e) {
            throw new InvalidArchiveQueryException("Query is too complex to run: " + e.getMessage()
                + "; use fewer or simpler wildcards and regular expressions", e);
        }
    }

    private static String personal(String user) {
        if (user.isBlank()) {
            throw new IllegalArgumentException("A personal search needs the user's address, e.g. alice@example.com");
        }
        return user.trim().toLowerCase(Locale.ROOT);
    }

    /** The Lucene query of a request, scoped to the user when there is one. */
    Query luceneQuery(ArchiveQuery request, String user) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        builder.add(request.query().map(text -> ArchiveQueryParser.parse(text, index.analyzer()))
            .orElseGet(MatchAllDocsQuery::new), BooleanClause.Occur.MUST);
        request.from().ifPresent(from -> builder.add(anyOf(from, ArchiveFields.FROM, ArchiveFields.SENDER),
            BooleanClause.Occur.FILTER));
        request.to().ifPresent(to -> builder.add(anyOf(to, ArchiveFields.TO, ArchiveFields.CC, ArchiveFields.RECIPIENTS),
            BooleanClause.Occur.FILTER));
        request.verdict().ifPresent(verdict -> builder.add(new TermQuery(new Term(ArchiveFields.VERDICT, verdict)),
            BooleanClause.Occur.FILTER));
        if (request.after().isPresent() || request.before().isPresent()) {
            long from = request.after().map(after -> after.toEpochMilli()).orElse(Long.MIN_VALUE);
            long to = request.before().map(before -> before.toEpochMilli() - 1).orElse(Long.MAX_VALUE);
            builder.add(LongPoint.newRangeQuery(ArchiveFields.DATE, from, to), BooleanClause.Occur.FILTER);
        }
        if (user != null) {
            builder.add(new TermQuery(new Term(ArchiveFields.PARTICIPANTS, user)), BooleanClause.Occur.FILTER);
        }
        return builder.build();
    }

    private ArchiveSearchResult run(ArchiveQuery request, Query query) throws IOException {
        Sort sort = sort(request.sort());
        int wanted = request.offset() + request.limit();
        List<Document> page = new ArrayList<>();
        long total;
        try {
            total = index.search(searcher -> collect(searcher, query, sort, request.offset(), wanted, page));
        } catch (TooComplexToDeterminizeException | IndexSearcher.TooManyClauses e) {
            throw new InvalidArchiveQueryException("Query is too complex to run: " + e.getMessage()
                + "; use fewer or simpler wildcards and regular expressions", e);
        }
        List<ArchiveHit> hits = new ArrayList<>(page.size());
        for (Document doc : page) {
            hits.add(hit(request, query, doc));
        }
        return new ArchiveSearchResult(total, request.offset(), hits);
    }

    private static long collect(IndexSearcher searcher, Query query, Sort sort, int offset, int wanted,
                                List<Document> page) throws IOException {
        TopFieldDocs top = searcher.search(query, new TopFieldCollectorManager(sort, wanted, null, Integer.MAX_VALUE));
        StoredFields stored = searcher.storedFields();
        ScoreDoc[] docs = top.scoreDocs;
        for (int i = offset; i < docs.length; i++) {
            page.add(stored.document(docs[i].doc));
        }
        return top.totalHits.value;
    }

    private ArchiveHit hit(ArchiveQuery request, Query query, Document doc) {
        String subject = doc.get(ArchiveFields.SUBJECT) == null ? "" : doc.get(ArchiveFields.SUBJECT);
        if (!request.snippets()) {
            return ArchiveHit.of(doc, highlighter.escaped(subject), null);
        }
        ArchiveId id = ArchiveId.of(doc.get(ArchiveFields.ARCHIVE_ID));
        String body = bodies.bodyText(id).map(text -> highlighter.body(query, text)).orElse(null);
        return ArchiveHit.of(doc, highlighter.subject(query, subject), body);
    }

    private static Query anyOf(String value, String... fields) {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        for (String field : fields) {
            builder.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.SHOULD);
        }
        return builder.build();
    }

    private static Sort sort(ArchiveSort order) {
        switch (order) {
            case DATE_ASC:
                return new Sort(OLDEST_FIRST, BY_ID);
            case RELEVANCE:
                return new Sort(SortField.FIELD_SCORE, NEWEST_FIRST, BY_ID);
            default:
                return new Sort(NEWEST_FIRST, BY_ID);
        }
    }
}
