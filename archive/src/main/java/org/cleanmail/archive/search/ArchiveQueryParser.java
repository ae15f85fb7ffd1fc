package org.cleanmail.archive.search;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.automaton.TooComplexToDeterminizeException;
import org.cleanmail.archive.index.ArchiveFields;

/**
 * Lucene's classic query syntax over the archive's fields, with what the classic parser
 * cannot know: {@code date} reads days and instants ({@code date:2026-01-31},
 * {@code date:[2026-01-01 TO 2026-02-01]}, {@code date:{2026-01-01 TO *]}) into point range
 * queries, as do {@code size:[0 TO 10000]} and {@code score:[5 TO *]}; a field the archive
 * does not have is an error rather than a silent empty result. Words without a field
 * search subject, body, attachment names and addresses; terms are joined by AND unless
 * {@code OR} is written. Leading wildcards are allowed ({@code from:*@example.com}).
 * A parser is used for one query (Lucene's parsers are not thread-safe);
 * {@link #parse(String, Analyzer)} makes one each time.
 */
public final class ArchiveQueryParser extends MultiFieldQueryParser {
    /** Longest query accepted. */
    public static final int MAX_QUERY_LENGTH = 4096;

    private ArchiveQueryParser(Analyzer analyzer) {
        super(ArchiveFields.DEFAULT_FIELDS.toArray(new String[0]), analyzer);
        setDefaultOperator(QueryParser.AND_OPERATOR);
        setAllowLeadingWildcard(true);
        // Words are split before analysis, as users of the classic syntax expect (and as keyword fields need).
        setSplitOnWhitespace(true);
    }

    /**
     * Parses a query of the archive's language.
     *
     * @throws InvalidArchiveQueryException saying what is wrong and where
     */
    public static Query parse(String query, Analyzer analyzer) {
        if (query.length() > MAX_QUERY_LENGTH) {
            throw new InvalidArchiveQueryException("Query is " + query.length() + " characters long; the longest"
                + " accepted is " + MAX_QUERY_LENGTH);
        }
        try {
            return new ArchiveQueryParser(analyzer).parse(query);
        } catch (ParseException e) {
            throw new InvalidArchiveQueryException(describe(query, e), e);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidArchiveQueryException("Invalid query '" + abbreviate(query) + "': more than "
                + IndexSearcher.getMaxClauseCount() + " clauses", e);
        } catch (TooComplexToDeterminizeException e) {
            throw new InvalidArchiveQueryException("Invalid query '" + abbreviate(query) + "': a regular expression or wildcard is"
                + " too complex; simplify it", e);
        } catch (IllegalArgumentException e) {
            // Lucene's regular expression and fuzzy parsers report bad input this way.
            throw new InvalidArchiveQueryException("Invalid query '" + abbreviate(query) + "': " + e.getMessage(), e);
        } catch (StackOverflowError e) {
            throw new InvalidArchiveQueryException("Invalid query: nested too deeply", e);
        }
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
        if (field != null && ArchiveFields.NUMERIC_FIELDS.contains(checked(field))) {
            return exactQuery(field, queryText);
        }
        return super.getFieldQuery(field, queryText, quoted);
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
        if (field != null && ArchiveFields.NUMERIC_FIELDS.contains(checked(field))) {
            return exactQuery(field, queryText);
        }
        return super.getFieldQuery(field, queryText, slop);
    }

    @Override
    protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                  boolean endInclusive) throws ParseException {
        if (field == null || !ArchiveFields.NUMERIC_FIELDS.contains(checked(field))) {
            return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
        }
        boolean openStart = part1 == null || part1.equals("*");
        boolean openEnd = part2 == null || part2.equals("*");
        switch (field) {
            case ArchiveFields.DATE:
                long from = openStart ? Long.MIN_VALUE
                    : (startInclusive ? dateStart(part1) : dateEndExclusive(part1));
                long to = openEnd ? Long.MAX_VALUE
                    : (endInclusive ? dateEndExclusive(part2) : dateStart(part2)) - 1;
                return LongPoint.newRangeQuery(ArchiveFields.DATE, from, to);
            case ArchiveFields.SIZE:
                int low = openStart ? Integer.MIN_VALUE : integer(field, part1);
                int high = openEnd ? Integer.MAX_VALUE : integer(field, part2);
                if (!openStart && !startInclusive) {
                    low = low == Integer.MAX_VALUE ? low : low + 1;
                }
                if (!openEnd && !endInclusive) {
                    high = high == Integer.MIN_VALUE ? high : high - 1;
                }
                return IntPoint.newRangeQuery(field, low, high);
            default:
                double lower = openStart ? Double.NEGATIVE_INFINITY : decimal(field, part1);
                double upper = openEnd ? Double.POSITIVE_INFINITY : decimal(field, part2);
                if (!openStart && !startInclusive) {
                    lower = Math.nextUp(lower);
                }
                if (!openEnd && !endInclusive) {
                    upper = Math.nextDown(upper);
                }
                return DoublePoint.newRangeQuery(field, lower, upper);
        }
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
        return super.getWildcardQuery(textual(field), termStr);
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        return super.getPrefixQuery(textual(field), termStr);
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
        return super.getFuzzyQuery(textual(field), termStr, minSimilarity);
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
        return super.getRegexpQuery(textual(field), termStr);
    }

    private Query exactQuery(String field, String text) throws ParseException {
        switch (field) {
            case ArchiveFields.DATE:
                return LongPoint.newRangeQuery(field, dateStart(text), dateEndExclusive(text) - 1);
            case ArchiveFields.SIZE:
                return IntPoint.newExactQuery(field, integer(field, text));
            default:
                return DoublePoint.newExactQuery(field, decimal(field, text));
        }
    }

    /** A field that may hold words or tokens (not a number or a date); null is the default fields. */
    private static String textual(String field) throws ParseException {
        if (field != null && ArchiveFields.NUMERIC_FIELDS.contains(checked(field))) {
            throw new FieldException("field '" + field + "' takes " + example(field) + ", not a pattern");
        }
        return field;
    }

    private static String checked(String field) throws FieldException {
        if (!ArchiveFields.isKnown(field)) {
            Set<String> known = new TreeSet<>(ArchiveFields.KEYWORD_FIELDS);
            known.addAll(ArchiveFields.TEXT_FIELDS);
            known.addAll(ArchiveFields.NUMERIC_FIELDS);
            known.remove(ArchiveFields.PARTICIPANTS);
            throw new FieldException("unknown field '" + field + "'; fields are " + String.join(", ", known));
        }
        return field;
    }

    private static long dateStart(String text) throws FieldException {
        try {
            return ArchiveDates.start(text).toEpochMilli();
        } catch (InvalidArchiveQueryException e) {
            throw new FieldException("date: " + e.getMessage());
        }
    }

    private static long dateEndExclusive(String text) throws FieldException {
        try {
            return ArchiveDates.endExclusive(text).toEpochMilli();
        } catch (InvalidArchiveQueryException e) {
            throw new FieldException("date: " + e.getMessage());
        }
    }

    private static int integer(String field, String text) throws FieldException {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new FieldException("field '" + field + "' takes " + example(field) + "; got '" + text + "'");
        }
    }

    private static double decimal(String field, String text) throws FieldException {
        try {
            double value = Double.parseDouble(text.trim());
            if (Double.isNaN(value)) {
                throw new NumberFormatException("NaN");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new FieldException("field '" + field + "' takes " + example(field) + "; got '" + text + "'");
        }
    }

    private static String example(String field) {
        switch (field) {
            case ArchiveFields.DATE:
                return "a day or a range, e.g. date:2026-01-31 or date:[2026-01-01 TO 2026-02-01]";
            case ArchiveFields.SIZE:
                return "a number of bytes or a range, e.g. size:[100000 TO *]";
            default:
                return "a number or a range, e.g. score:[5 TO *]";
        }
    }

    /** The message of an error: ours as they are, the parser's reduced to what and where. */
    private static String describe(String query, ParseException top) {
        Throwable cause = top.getCause() == null ? top : top.getCause();
        String prefix = "Invalid query '" + abbreviate(query) + "': ";
        if (cause instanceof FieldException) {
            return prefix + cause.getMessage();
        }
        if (cause instanceof IndexSearcher.TooManyClauses) {
            return prefix + "more than " + IndexSearcher.getMaxClauseCount() + " clauses; use fewer terms";
        }
        if (cause instanceof ParseException && ((ParseException) cause).currentToken != null) {
            Token next = ((ParseException) cause).currentToken.next;
            if (next != null) {
                String what = next.kind == 0 ? "unexpected end of query" : "unexpected '" + next.image + "'";
                return prefix + what + " at column " + (next.beginColumn + 1) + hint(query);
            }
        }
        if (cause instanceof TokenMgrError) {
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            int column = message.indexOf("column ");
            String where = column < 0 ? "" : " at " + message.substring(column, endOfNumber(message, column + 7));
            return prefix + "cannot read the query" + where + hint(query);
        }
        return prefix + (cause.getMessage() == null ? "syntax error" : cause.getMessage());
    }

    /** The query as quoted in messages: at most 200 characters. */
    private static String abbreviate(String query) {
        return query.length() <= 200 ? query : query.substring(0, 200) + "...";
    }

    private static int endOfNumber(String text, int from) {
        int end = from;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** What usually went wrong: an unbalanced quote, parenthesis or bracket, or a lone special character. */
    private static String hint(String query) {
        if (count(query, '"') % 2 != 0) {
            return "; a quote is not closed";
        }
        if (count(query, '(') != count(query, ')')) {
            return "; parentheses are not balanced";
        }
        if (count(query, '[') + count(query, '{') != count(query, ']') + count(query, '}')) {
            return "; a range is not closed, e.g. date:[2026-01-01 TO 2026-02-01]";
        }
        return "; escape special characters with \\ or put the term in quotes";
    }

    private static long count(String text, char c) {
        return text.chars().filter(each -> each == c).count();
    }

    /** Our own errors, recognised among the parser's and reported as they are. */
    private static final class FieldException extends ParseException {
        private static final long serialVersionUID = 1L;

        FieldException(String message) {
            super(message);
        }
    }

    @Override
    public String toString() {
        return "ArchiveQueryParser{" + ArchiveFields.DEFAULT_FIELDS.toString().toLowerCase(Locale.ROOT) + "}";
    }
}
