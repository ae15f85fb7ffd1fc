package org.cleanmail.core.scoring.eval;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.scoring.EvalFunction;

/**
 * SpamAssassin's HTMLEval tests, each true when one HTML part passes: tag existence and
 * balance, named tests ({@code html}, {@code embeds}, {@code form_action_mailto}; other
 * names are not computed and answer false), numeric tests ({@code length},
 * {@code max_size}...) compared with an expression or a range, regular expressions over
 * titles, comments and anchor texts, title-to-subject length, image-only and image-ratio.
 */
final class HtmlEvals {
    /** SpamAssassin's allowed comparison expressions, such as {@code < 384} or {@code != 0}. */
    private static final Pattern COMPARISON = Pattern.compile("^\\s*(<=|>=|==|!=|<|>)\\s*([-+]?\\d+)\\s*$");
    private static final Pattern TAG_NAME = Pattern.compile("^[a-zA-Z0-9]+$");

    private final DerivedFacts derived;
    private final ArgumentPatterns patterns;

    HtmlEvals(DerivedFacts derived, ArgumentPatterns patterns) {
        this.derived = Objects.requireNonNull(derived, "derived facts");
        this.patterns = Objects.requireNonNull(patterns, "patterns");
    }

    Map<String, EvalFunction> functions() {
        Map<String, EvalFunction> functions = new TreeMap<>();
        functions.put("html_tag_exists", this::tagExists);
        functions.put("html_tag_balance", this::tagBalance);
        functions.put("html_test", this::test);
        functions.put("html_eval", this::evaluate);
        functions.put("html_range", this::range);
        functions.put("html_text_match", this::textMatch);
        functions.put("html_title_subject_ratio", this::titleSubjectRatio);
        functions.put("html_image_only", this::imageOnly);
        functions.put("html_image_ratio", this::imageRatio);
        return functions;
    }

    private List<HtmlPartFacts> parts(MessageFeatures features) {
        return derived.html(features);
    }

    boolean tagExists(MessageFeatures features, List<String> arguments) {
        Optional<String> tag = EvalArguments.text(arguments, 0);
        return tag.isPresent() && parts(features).stream().anyMatch(part -> part.hasTag(tag.get()));
    }

    boolean tagBalance(MessageFeatures features, List<String> arguments) {
        Optional<String> tag = EvalArguments.text(arguments, 0).filter(t -> TAG_NAME.matcher(t).matches());
        Optional<String> expression = EvalArguments.text(arguments, 1);
        if (tag.isEmpty() || expression.isEmpty()) {
            return false;
        }
        return parts(features).stream().anyMatch(part -> part.balance(tag.get())
            .map(value -> compare(value, expression.get())).orElse(false));
    }

    boolean test(MessageFeatures features, List<String> arguments) {
        Optional<String> name = EvalArguments.text(arguments, 0);
        return name.isPresent() && parts(features).stream().anyMatch(part -> part.test(name.get()));
    }

    boolean evaluate(MessageFeatures features, List<String> arguments) {
        Optional<String> name = EvalArguments.text(arguments, 0);
        Optional<String> expression = EvalArguments.text(arguments, 1);
        if (name.isEmpty() || expression.isEmpty()) {
            return false;
        }
        return parts(features).stream().anyMatch(part -> part.value(name.get())
            .map(value -> compare(value, expression.get())).orElse(false));
    }

    /** A value in (min, max]; a missing or {@code inf} max leaves the range open. */
    boolean range(MessageFeatures features, List<String> arguments) {
        Optional<String> name = EvalArguments.text(arguments, 0);
        OptionalDouble min = EvalArguments.number(arguments, 1);
        OptionalDouble max = EvalArguments.number(arguments, 2);
        if (name.isEmpty() || min.isEmpty()) {
            return false;
        }
        double upper = max.orElse(Double.POSITIVE_INFINITY);
        return parts(features).stream().anyMatch(part -> part.value(name.get())
            .map(value -> value > min.getAsDouble() && value <= upper).orElse(false));
    }

    boolean textMatch(MessageFeatures features, List<String> arguments) {
        Optional<String> kind = EvalArguments.text(arguments, 0);
        Optional<String> regex = EvalArguments.text(arguments, 1);
        if (kind.isEmpty() || regex.isEmpty()) {
            return false;
        }
        Optional<Pattern> pattern = patterns.pattern(regex.get());
        if (pattern.isEmpty()) {
            return false;
        }
        for (HtmlPartFacts part : parts(features)) {
            for (String text : part.texts(kind.get())) {
                if (pattern.get().matcher(text).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The longest title over the subject, in characters, above the ratio. */
    boolean titleSubjectRatio(MessageFeatures features, List<String> arguments) {
        OptionalDouble ratio = EvalArguments.number(arguments, 0);
        String subject = features.headers().select("Subject");
        if (ratio.isEmpty() || subject.isEmpty()) {
            return false;
        }
        for (HtmlPartFacts part : parts(features)) {
            double longest = part.texts("title").stream()
                .mapToDouble(title -> (double) title.length() / subject.length()).max().orElse(0);
            if (longest > ratio.getAsDouble()) {
                return true;
            }
        }
        return false;
    }

    /** An HTML part with an image whose source length is in (min, max]. */
    boolean imageOnly(MessageFeatures features, List<String> arguments) {
        OptionalDouble min = EvalArguments.number(arguments, 0);
        OptionalDouble max = EvalArguments.number(arguments, 1);
        if (min.isEmpty() || max.isEmpty()) {
            return false;
        }
        return parts(features).stream().anyMatch(part -> part.hasTag("img")
            && part.length() > min.getAsDouble() && part.length() <= max.getAsDouble());
    }

    /** Visible non-space characters per pixel of image, in (min, max]. */
    boolean imageRatio(MessageFeatures features, List<String> arguments) {
        OptionalDouble min = EvalArguments.number(arguments, 0);
        OptionalDouble max = EvalArguments.number(arguments, 1);
        if (min.isEmpty() || max.isEmpty()) {
            return false;
        }
        return parts(features).stream().filter(part -> part.imageArea() > 0).anyMatch(part -> {
            double ratio = (double) part.nonSpaceLength() / part.imageArea();
            return ratio > min.getAsDouble() && ratio <= max.getAsDouble();
        });
    }

    /** Evaluates {@code value <op> number}; false for any other expression. */
    static boolean compare(double value, String expression) {
        Matcher comparison = COMPARISON.matcher(expression);
        if (!comparison.matches()) {
            return false;
        }
        double operand = Double.parseDouble(comparison.group(2));
        switch (comparison.group(1)) {
            case "<":
                return value < operand;
            case "<=":
                return value <= operand;
            case ">":
                return value > operand;
            case ">=":
                return value >= operand;
            case "==":
                return value == operand;
            default:
                return value != operand;
        }
    }
}
