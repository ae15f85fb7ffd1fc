package org.cleanmail.archive.search;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;
import org.cleanmail.archive.index.ArchiveFields;

/**
 * Cuts HTML-safe snippets with Lucene's highlighter: the text is re-analyzed with the
 * field's analyzer and the terms of the query for that field (phrases and wildcards
 * included) are wrapped in {@code <em>}. The subject is highlighted from its stored value;
 * the body, which the index does not store, from the text the archive decrypts for the hits
 * of the page. At most {@value #MAX_ANALYZED_CHARS} characters of a text are analyzed.
 * Thread-safe: highlighters are made per call.
 */
final class SnippetHighlighter {
    static final int FRAGMENT_CHARS = 160;
    static final int MAX_ANALYZED_CHARS = 100_000;

    private final Analyzer analyzer;
    private final SimpleHTMLEncoder encoder = new SimpleHTMLEncoder();

    SnippetHighlighter(Analyzer analyzer) {
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    }

    /** The whole subject, escaped, its matched words highlighted. */
    String subject(Query query, String subject) {
        return best(query, ArchiveFields.SUBJECT, subject, Integer.MAX_VALUE).orElse(encoder.encodeText(subject));
    }

    /** The text escaped, nothing highlighted. */
    String escaped(String text) {
        return encoder.encodeText(text);
    }

    /** The best passage of the body, or its beginning when no word of the query is in it. */
    String body(Query query, String body) {
        return best(query, ArchiveFields.BODY, body, FRAGMENT_CHARS)
            .orElseGet(() -> encoder.encodeText(beginning(body)));
    }

    private Optional<String> best(Query query, String field, String text, int fragmentChars) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        QueryScorer scorer = new QueryScorer(query, field);
        Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<em>", "</em>"), encoder, scorer);
        highlighter.setTextFragmenter(new SimpleSpanFragmenter(scorer, fragmentChars));
        highlighter.setMaxDocCharsToAnalyze(MAX_ANALYZED_CHARS);
        try {
            return Optional.ofNullable(highlighter.getBestFragment(analyzer, field, text))
                .map(String::strip);
        } catch (IOException | InvalidTokenOffsetsException e) {
            return Optional.empty();
        }
    }

    private static String beginning(String body) {
        String collapsed = body.length() > FRAGMENT_CHARS * 4 ? body.substring(0, FRAGMENT_CHARS * 4) : body;
        collapsed = collapsed.replaceAll("\\s+", " ").strip();
        if (collapsed.length() <= FRAGMENT_CHARS) {
            return collapsed;
        }
        int cut = collapsed.lastIndexOf(' ', FRAGMENT_CHARS);
        return collapsed.substring(0, cut > FRAGMENT_CHARS / 2 ? cut : FRAGMENT_CHARS) + " …";
    }
}
