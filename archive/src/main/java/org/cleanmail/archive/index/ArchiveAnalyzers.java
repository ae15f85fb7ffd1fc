package org.cleanmail.archive.index;

import java.util.HashMap;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * The analyzers of the archive's fields: words (standard analyzer, no stop words) for
 * subject, body and attachment names; one whole lower-cased token for addresses and other
 * keyword fields, so that {@code from:Alice@Example.com} matches the address exactly and
 * {@code from:*@example.com} works as a wildcard over addresses. Used by the writer and by
 * the query parser alike.
 */
public final class ArchiveAnalyzers {
    private ArchiveAnalyzers() {
    }

    /** A new per-field analyzer; close it with its owner. */
    public static Analyzer perField() {
        Map<String, Analyzer> keyword = new HashMap<>();
        Analyzer lowerCaseKeyword = new LowerCaseKeywordAnalyzer();
        for (String field : ArchiveFields.KEYWORD_FIELDS) {
            keyword.put(field, lowerCaseKeyword);
        }
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), keyword);
    }

    /** The whole value as one lower-cased token; wildcard and range terms are lower-cased too. */
    static final class LowerCaseKeywordAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new KeywordTokenizer();
            return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }
}
