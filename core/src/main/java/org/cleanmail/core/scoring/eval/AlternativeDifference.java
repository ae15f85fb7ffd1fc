package org.cleanmail.core.scoring.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;

/**
 * SpamAssassin's comparison of the HTML and text versions of a multipart/alternative:
 * the percentage of distinct HTML words the text version lacks ({@link #difference()}), and
 * the distinct word counts of the last alternative that had HTML words. Spam often sends an
 * unrelated or empty text version beside its HTML. Immutable.
 */
final class AlternativeDifference {
    static final AlternativeDifference NONE = new AlternativeDifference(0, 0, 0);

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern WORD_CHARACTER = Pattern.compile("\\w", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern IMAGE_TAG = Pattern.compile("<img\\b", Pattern.CASE_INSENSITIVE);
    /** Stands for the image of an HTML version without words, as in SpamAssassin. */
    private static final String IMAGE_WORD = "\n";

    private final double difference;
    private final int htmlWords;
    private final int textWords;

    private AlternativeDifference(double difference, int htmlWords, int textWords) {
        this.difference = difference;
        this.htmlWords = htmlWords;
        this.textWords = textWords;
    }

    /** @param parsed the document of an HTML source (the parser's, or parsed now) */
    static AlternativeDifference of(MimeFacts facts, Function<String, Document> parsed) {
        double difference = 0;
        int htmlWords = 0;
        int textWords = 0;
        List<AlternativeTexts> outerFirst = new ArrayList<>(facts.alternatives);
        Collections.reverse(outerFirst);
        for (AlternativeTexts alternative : outerFirst) {
            Map<String, Integer> html = new HashMap<>();
            boolean image = false;
            for (String source : alternative.htmlSources()) {
                countWords(parsed.apply(source).text(), html);
                image |= IMAGE_TAG.matcher(source).find();
            }
            if (html.isEmpty() && image) {
                html.put(IMAGE_WORD, 1);
            }
            Map<String, Integer> text = new HashMap<>();
            alternative.plainTexts().forEach(plain -> countWords(plain, text));
            int original = html.size();
            if (original == 0) {
                continue;
            }
            htmlWords = original;
            textWords = text.size();
            text.forEach((word, count) ->
                html.computeIfPresent(word, (key, value) -> value - count < 1 ? null : value));
            difference = Math.max(difference, 100.0 * html.size() / original);
        }
        return new AlternativeDifference(difference, htmlWords, textWords);
    }

    private static void countWords(String text, Map<String, Integer> words) {
        for (String word : WHITESPACE.split(text)) {
            if (WORD_CHARACTER.matcher(word).find()) {
                words.merge(word, 1, Integer::sum);
            }
        }
    }

    /** Percentage of distinct HTML words missing from the text version, the largest over the alternatives. */
    double difference() {
        return difference;
    }

    int htmlWords() {
        return htmlWords;
    }

    int textWords() {
        return textWords;
    }
}
