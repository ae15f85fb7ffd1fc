package org.cleanmail.archive.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.Query;
import org.cleanmail.archive.index.ArchiveAnalyzers;
import org.cleanmail.archive.index.ArchiveFields;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArchiveQueryParserTest {
    private final Analyzer analyzer = ArchiveAnalyzers.perField();

    @AfterEach
    void close() {
        analyzer.close();
    }

    private Query parse(String query) {
        return ArchiveQueryParser.parse(query, analyzer);
    }

    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Nested
    class Dates {
        @Test
        void anInclusiveRangeShouldCoverWholeDays() {
            assertThat(parse("date:[2026-01-01 TO 2026-01-31]")).isEqualTo(LongPoint.newRangeQuery(ArchiveFields.DATE,
                millis("2026-01-01T00:00:00Z"), millis("2026-02-01T00:00:00Z") - 1));
        }

        @Test
        void anExclusiveRangeShouldLeaveItsDaysOut() {
            assertThat(parse("date:{2026-01-01 TO 2026-01-31}")).isEqualTo(LongPoint.newRangeQuery(ArchiveFields.DATE,
                millis("2026-01-02T00:00:00Z"), millis("2026-01-31T00:00:00Z") - 1));
        }

        @Test
        void anOpenRangeShouldHaveNoBound() {
            assertThat(parse("date:[2026-01-01 TO *]")).isEqualTo(LongPoint.newRangeQuery(ArchiveFields.DATE,
                millis("2026-01-01T00:00:00Z"), Long.MAX_VALUE));
        }

        @Test
        void aDayShouldBeItsWholeDay() {
            assertThat(parse("date:2026-01-31")).isEqualTo(LongPoint.newRangeQuery(ArchiveFields.DATE,
                millis("2026-01-31T00:00:00Z"), millis("2026-02-01T00:00:00Z") - 1));
        }

        @Test
        void instantsShouldBeRead() {
            assertThat(parse("date:[2026-01-01T10:15:30Z TO 2026-01-01T11:00:00Z}")).isEqualTo(
                LongPoint.newRangeQuery(ArchiveFields.DATE, millis("2026-01-01T10:15:30Z"),
                    millis("2026-01-01T11:00:00Z") - 1));
        }
    }

    @Test
    void addressesShouldBeOneLowerCasedTerm() {
        assertThat(parse("from:Alice@Example.COM").toString()).isEqualTo("from:alice@example.com");
    }

    @Test
    void wordsWithoutAFieldShouldSearchTheDefaultFieldsAllRequired() {
        assertThat(parse("invoice march").toString()).isEqualTo(
            "+(subject:invoice body:invoice attachment:invoice participants:invoice)"
                + " +(subject:march body:march attachment:march participants:march)");
    }

    @Test
    void numericRangesShouldBePointQueries() {
        assertThat(parse("size:[1000 TO *]").toString()).isEqualTo("size:[1000 TO 2147483647]");
        assertThat(parse("score:{5 TO *]").toString()).startsWith("score:[5.000000000000001 TO ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "subject:(invoice"
            + "|Invalid query 'subject:(invoice': unexpected end of query at column 17; parentheses are not balanced",
        "subject:\"invoice"
            + "|Invalid query 'subject:\"invoice': cannot read the query at column 17; a quote is not closed",
        "date:[2026-01-01 TO"
            + "|Invalid query 'date:[2026-01-01 TO': unexpected end of query at column 20; a range is not closed,"
            + " e.g. date:[2026-01-01 TO 2026-02-01]",
        "foo:bar"
            + "|Invalid query 'foo:bar': unknown field 'foo'; fields are archiveId, attachment, attachmentType, body, cc,"
            + " date, direction, from, hits, keyId, messageId, recipients, remoteIp, score, sender, size, subject, to,"
            + " verdict",
        "date:[2026-13-01 TO *]"
            + "|Invalid query 'date:[2026-13-01 TO *]': date: '2026-13-01' is not a date; write a day such as 2026-01-31"
            + " or an instant such as 2026-01-31T10:15:30Z",
        "date:yesterday"
            + "|Invalid query 'date:yesterday': date: 'yesterday' is not a date; write a day such as 2026-01-31 or an"
            + " instant such as 2026-01-31T10:15:30Z",
        "date:2026*"
            + "|Invalid query 'date:2026*': field 'date' takes a day or a range, e.g. date:2026-01-31 or"
            + " date:[2026-01-01 TO 2026-02-01], not a pattern",
        "size:big"
            + "|Invalid query 'size:big': field 'size' takes a number of bytes or a range, e.g. size:[100000 TO *];"
            + " got 'big'",
        "AND invoice"
            + "|Invalid query 'AND invoice': unexpected 'AND' at column 1; escape special characters with \\ or put"
            + " the term in quotes",
        "subject:\"a b\"~2 nope:\"x y\""
            + "|Invalid query 'subject:\"a b\"~2 nope:\"x y\"': unknown field 'nope'; fields are archiveId, attachment,"
            + " attachmentType, body, cc, date, direction, from, hits, keyId, messageId, recipients, remoteIp, score,"
            + " sender, size, subject, to, verdict",
    })
    void errorsShouldSayWhatAndWhere(String query, String message) {
        assertThatThrownBy(() -> parse(query))
            .isInstanceOf(InvalidArchiveQueryException.class)
            .hasMessage(message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"body:/[a-/", "body:/(.*a){40}(.*b){40}/", "invoice~", "*", "?", "\\", "\"", "(", ")",
        "[", "]", "{", "}", "^", "~", "!", ":", "&&", "||", "a:", ":a", "\"\"", "subject:[a TO]", "to:a@b.c^x",
        "date:[2026-01-01 TO 2025-01-01]", "a\u0000b", "ça && été", "/", "body:/a{1000}{1000}/"})
    void hostileQueriesShouldParseOrFailWithInvalidQuery(String query) {
        try {
            assertThat(parse(query)).isNotNull();
        } catch (InvalidArchiveQueryException e) {
            assertThat(e.getMessage()).startsWith("Invalid query");
        }
    }

    @Test
    void deepNestingShouldParseOrFailWithInvalidQuery() {
        String query = "(".repeat(2000) + "a" + ")".repeat(2000);
        try {
            assertThat(parse(query)).isNotNull();
        } catch (InvalidArchiveQueryException e) {
            assertThat(e.getMessage()).startsWith("Invalid query");
        }
    }

    @Test
    void tooManyClausesShouldBeRefused() {
        assertThatThrownBy(() -> parse("a ".repeat(1100)))
            .isInstanceOf(InvalidArchiveQueryException.class)
            .hasMessageEndingWith("...': more than 1024 clauses; use fewer terms");
    }

    @Test
    void aTooLongQueryShouldBeRefused() {
        assertThatThrownBy(() -> parse("a ".repeat(3000)))
            .isInstanceOf(InvalidArchiveQueryException.class)
            .hasMessage("Query is 6000 characters long; the longest accepted is 4096");
    }

    @Test
    void pagingOutOfBoundsShouldBeRefused() {
        assertThatThrownBy(() -> ArchiveQuery.builder().limit(0))
            .hasMessage("'limit' must be between 1 and 100; got 0");
        assertThatThrownBy(() -> ArchiveQuery.builder().limit(101))
            .hasMessage("'limit' must be between 1 and 100; got 101");
        assertThatThrownBy(() -> ArchiveQuery.builder().offset(-1))
            .hasMessage("'offset' must be between 0 and 10000; got -1");
        assertThatThrownBy(() -> ArchiveQuery.builder().after(Instant.EPOCH).before(Instant.EPOCH).build())
            .hasMessage("'after' (1970-01-01T00:00:00Z) must be earlier than 'before' (1970-01-01T00:00:00Z)");
        assertThatThrownBy(() -> ArchiveSort.parse("newest"))
            .hasMessage("'sort' is one of date, date-asc, relevance; got 'newest'");
    }
}
