package org.cleanmail.core.scoring.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.scoring.EvalFunction;

/**
 * SpamAssassin's BodyEval tests and MIMEEval's {@code check_for_uppercase}: blank-line
 * ratio, vertical words, stock-tip vocabulary, share of capitals, and how far the text
 * version of a multipart/alternative strays from its HTML version.
 */
final class BodyEvals {
    private static final Pattern STOCK_LABEL = Pattern.compile("^\\s*([^:\\s][^:\\n]{2,29})\\s*:\\s*\\S",
        Pattern.MULTILINE);
    private static final Pattern STOCK_WORD = Pattern.compile("(^trad(?:e|ing)date|company(?:name)?"
        + "|s\\w?(?:t\\w?o\\w?c\\w?k|y\\w?m(?:\\w?b\\w?o\\w?l)?)|t(?:arget|icker)|(?:opening|current)p(?:rice)?"
        + "|p(?:rojected|osition)|expectations|weeks?high|marketperformance"
        + "|(?:year|week|month|day|price)(?:target|estimates?)|sector|r(?:ecommendation|ating))$");
    private static final Pattern SPACED_WORDS = Pattern.compile("\\S\\s+\\S");
    private static final Pattern BASE64_LINE = Pattern.compile("^(?:[A-Za-z0-9+/=]{60,76} ){2}");
    private static final Pattern ISO_2022_JP_RUN = Pattern.compile("\\x1b\\$B.*\\x1b\\(B", Pattern.DOTALL);
    private static final Pattern CHARSET_LIKELY_CAPS = Pattern.compile(
        "[-_a-z0-9]*(?:koi|jp|jis|euc|gb|big5|isoir|cp1251|windows-1251|georgianps|pt154|tis)[-_a-z0-9]*",
        Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTENT_TYPE_CHARSET = Pattern.compile(
        "charset=\"([^\"]+)\"|charset='([^']+)'|charset=(\\S+)", Pattern.CASE_INSENSITIVE);
    private static final int UPPERCASE_MINIMUM_LENGTH = 200;

    private final DerivedFacts derived;
    private final PerMessageCache<OptionalDouble> uppercasePercent = new PerMessageCache<>(this::uppercasePercent);

    BodyEvals(DerivedFacts derived) {
        this.derived = Objects.requireNonNull(derived, "derived facts");
    }

    Map<String, EvalFunction> functions() {
        Map<String, EvalFunction> functions = new TreeMap<>();
        functions.put("check_blank_line_ratio", BodyEvals::blankLineRatio);
        functions.put("tvd_vertical_words", BodyEvals::verticalWords);
        functions.put("check_stock_info", BodyEvals::stockInfo);
        functions.put("check_for_uppercase", this::uppercase);
        functions.put("multipart_alternative_difference", this::alternativeDifference);
        functions.put("multipart_alternative_difference_count", this::alternativeDifferenceCount);
        return functions;
    }

    /** Percentage of blank lines in the decoded text, between min (exclusive, unless 0) and max. */
    static boolean blankLineRatio(MessageFeatures features, List<String> arguments) {
        OptionalDouble min = EvalArguments.number(arguments, 0);
        OptionalDouble max = EvalArguments.number(arguments, 1);
        double minimumLines = Math.max(1, EvalArguments.number(arguments, 2).orElse(1));
        if (min.isEmpty() || max.isEmpty()) {
            return false;
        }
        List<String> lines = features.rawBody().chunks();
        long blank = lines.stream().filter(String::isBlank).count();
        double ratio = lines.size() < minimumLines ? -1 : 100.0 * blank / lines.size();
        return min.getAsDouble() == 0 && ratio <= max.getAsDouble()
            || ratio > min.getAsDouble() && ratio <= max.getAsDouble();
    }

    /** The largest percentage of spaces to other characters in a paragraph, in [min, max). */
    static boolean verticalWords(MessageFeatures features, List<String> arguments) {
        OptionalDouble min = EvalArguments.number(arguments, 0);
        OptionalDouble max = EvalArguments.number(arguments, 1);
        if (min.isEmpty() || max.isEmpty()) {
            return false;
        }
        double upper = max.getAsDouble() >= 100 ? 101 : max.getAsDouble();
        int highest = -1;
        for (String chunk : features.body().chunks()) {
            if (chunk.length() <= 5) {
                continue;
            }
            long spaces = chunk.chars().filter(c -> c == ' ').count();
            long others = chunk.length() - spaces;
            int percent = spaces > others || others == 0 ? 100 : (int) (100 * spaces / others);
            highest = Math.max(highest, percent);
        }
        return highest >= min.getAsDouble() && highest < upper;
    }

    /**
     * How many distinct stock-tip labels ({@code Symbol:}, {@code Target:}...) begin lines of a
     * message with a text/plain part (SpamAssassin reads the first text/plain part only).
     */
    static boolean stockInfo(MessageFeatures features, List<String> arguments) {
        OptionalDouble min = EvalArguments.number(arguments, 0);
        if (min.isEmpty()) {
            return false;
        }
        if (min.getAsDouble() == 0) {
            return true;
        }
        if (features.mime().textPlainCount() == 0) {
            return false;
        }
        Set<String> labels = new HashSet<>();
        for (String line : features.rawBody().chunks()) {
            Matcher label = STOCK_LABEL.matcher(line);
            while (label.find()) {
                String word = label.group(1).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
                Matcher stock = STOCK_WORD.matcher(word);
                if (stock.find()) {
                    labels.add(stock.group(1));
                }
            }
        }
        return labels.size() >= min.getAsDouble();
    }

    /** Percentage of HTML words missing from the text version, in (min, max]; min 0 includes 0, max may be undef. */
    boolean alternativeDifference(MessageFeatures features, List<String> arguments) {
        OptionalDouble min = EvalArguments.number(arguments, 0);
        OptionalDouble max = EvalArguments.number(arguments, 1);
        boolean openMax = EvalArguments.text(arguments, 1).map("undef"::equals).orElse(false);
        if (min.isEmpty() || max.isEmpty() && !openMax) {
            return false;
        }
        double difference = derived.alternativeDifference(features).difference();
        return (min.getAsDouble() == 0 || difference > min.getAsDouble())
            && (openMax || difference <= max.getAsDouble());
    }

    /** Text-version words over HTML words above the ratio, when the HTML has more than the given words. */
    boolean alternativeDifferenceCount(MessageFeatures features, List<String> arguments) {
        OptionalDouble ratio = EvalArguments.number(arguments, 0);
        OptionalDouble minimumHtmlWords = EvalArguments.number(arguments, 1);
        if (ratio.isEmpty() || minimumHtmlWords.isEmpty()) {
            return false;
        }
        AlternativeDifference difference = derived.alternativeDifference(features);
        return difference.htmlWords() > minimumHtmlWords.getAsDouble()
            && (double) difference.textWords() / difference.htmlWords() > ratio.getAsDouble();
    }

    /** Percentage of capitals among letters and digits of the spaced body text, in (min, max]. */
    boolean uppercase(MessageFeatures features, List<String> arguments) {
        OptionalDouble min = EvalArguments.number(arguments, 0);
        OptionalDouble max = EvalArguments.number(arguments, 1);
        if (min.isEmpty() || max.isEmpty()) {
            return false;
        }
        OptionalDouble percent = uppercasePercent.get(features);
        return percent.isPresent() && percent.getAsDouble() > min.getAsDouble()
            && percent.getAsDouble() <= max.getAsDouble();
    }

    /**
     * The share of capitals among the letters and digits of the body's lines of words, in
     * percent, once per message for the three {@code __UPPERCASE_*} rules; empty for a short
     * body, or a charset whose text tends to read as capitals.
     */
    private OptionalDouble uppercasePercent(MessageFeatures features) {
        if (charsetLikelyToLookCapital(features)) {
            return OptionalDouble.empty();
        }
        long length = 0;
        long lower = 0;
        long upper = 0;
        for (String chunk : features.body().chunks()) {
            // BASE64_LINE starts at the text's start only: looked for there, not tried at every position
            if (!SPACED_WORDS.matcher(chunk).find() || BASE64_LINE.matcher(chunk).lookingAt()) {
                continue;
            }
            String line = chunk.indexOf('\u001b') < 0 ? chunk : ISO_2022_JP_RUN.matcher(chunk).replaceAll("");
            length += line.length();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                    lower++;
                } else if (c >= 'A' && c <= 'Z') {
                    upper++;
                }
            }
        }
        if (length < UPPERCASE_MINIMUM_LENGTH || upper + lower == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(100.0 * upper / (upper + lower));
    }

    private boolean charsetLikelyToLookCapital(MessageFeatures features) {
        Matcher declared = CONTENT_TYPE_CHARSET.matcher(features.headers().select("Content-Type"));
        if (declared.find()) {
            String charset = declared.group(1) != null ? declared.group(1)
                : declared.group(2) != null ? declared.group(2) : declared.group(3);
            if (CHARSET_LIKELY_CAPS.matcher(charset).matches()) {
                return true;
            }
        }
        return derived.mime(features).charsets.stream().anyMatch(c -> CHARSET_LIKELY_CAPS.matcher(c).matches());
    }
}
