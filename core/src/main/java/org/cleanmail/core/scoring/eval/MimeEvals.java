package org.cleanmail.core.scoring.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.cleanmail.core.message.LimitHit;
import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.message.MimeDefect;
import org.cleanmail.core.message.MimePart;
import org.cleanmail.core.scoring.EvalFunction;

/**
 * SpamAssassin's MIMEEval tests ({@code check_for_mime}, HTML-only and multipart ratio
 * tests, base64 line length, illegal characters in ASCII text, Unicode entities), the
 * message parse flags, and ImageInfo's {@code image_count}.
 *
 * <p>The faraway-charset tests depend on SpamAssassin's {@code ok_locales}, whose default,
 * {@code all}, accepts every charset: with it, as in SpamAssassin, they never fire.
 */
final class MimeEvals {
    private static final Pattern HTML_CONTENT_TYPE = Pattern.compile("^text/html", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNICODE_RATIO = Pattern.compile("^\\d{0,3}\\.\\d{1,3}$");
    private static final Set<String> IMAGE_TYPES = Set.of("gif", "png", "jpeg");

    private final DerivedFacts derived;

    MimeEvals(DerivedFacts derived) {
        this.derived = Objects.requireNonNull(derived, "derived facts");
    }

    Map<String, EvalFunction> functions() {
        Map<String, EvalFunction> functions = new TreeMap<>();
        functions.put("check_for_mime", this::mime);
        functions.put("check_for_mime_html", (features, arguments) -> mimeHtml(features));
        functions.put("check_for_mime_html_only", (features, arguments) -> mimeHtmlOnly(features));
        functions.put("check_mime_multipart_ratio", this::multipartRatio);
        functions.put("check_msg_parse_flags", this::parseFlags);
        functions.put("check_base64_length", this::base64Length);
        functions.put("check_for_ascii_text_illegal",
            (features, arguments) -> derived.mime(features).asciiTextIllegalLines > 0);
        functions.put("check_abundant_unicode_ratio", this::abundantUnicode);
        functions.put("image_count", MimeEvals::imageCount);
        EvalFunction faraway = (features, arguments) -> false;
        functions.put("check_for_faraway_charset", faraway);
        functions.put("check_for_faraway_charset_in_headers", faraway);
        functions.put("html_charset_faraway", faraway);
        return functions;
    }

    boolean mime(MessageFeatures features, List<String> arguments) {
        Optional<String> test = EvalArguments.text(arguments, 0);
        if (test.isEmpty()) {
            return false;
        }
        MimeFacts facts = derived.mime(features);
        switch (test.get()) {
            case "mime_attachment":
                return facts.attachmentCount > 0;
            case "mime_base64_count":
                return facts.base64Count > 0;
            case "mime_base64_encoded_text":
                return facts.base64EncodedText;
            case "mime_body_html_count":
                return facts.htmlBodyCount > 0;
            case "mime_body_text_count":
                return facts.textBodyCount > 0;
            case "mime_bad_iso_charset":
                return facts.badIsoCharset;
            case "mime_missing_boundary":
                return features.defects().contains(MimeDefect.UNTERMINATED_MULTIPART)
                    || features.defects().contains(MimeDefect.MISSING_BOUNDARY);
            case "mime_multipart_alternative":
                return facts.multipartAlternative;
            case "mime_multipart_ratio":
                return facts.multipartRatio != 0;
            case "mime_qp_count":
                return facts.quotedPrintableCount > 0;
            case "mime_qp_long_line":
                return facts.quotedPrintableLongLine;
            case "mime_ascii_text_illegal":
                return facts.asciiTextIllegalLines > 0;
            case "mime_text_unicode_ratio":
                return facts.textUnicodeRatio > 0;
            case "mimepart_limit_exceeded":
                return facts.partLimitExceeded || features.limitsHit().contains(LimitHit.PART_COUNT);
            default:
                return false;
        }
    }

    boolean mimeHtml(MessageFeatures features) {
        return HTML_CONTENT_TYPE.matcher(features.headers().select("Content-Type").strip()).find()
            || derived.mime(features).htmlBodyCount > 0;
    }

    boolean mimeHtmlOnly(MessageFeatures features) {
        MimeFacts facts = derived.mime(features);
        return HTML_CONTENT_TYPE.matcher(features.headers().select("Content-Type").strip()).find()
            || facts.htmlBodyCount > 0 && facts.textBodyCount == 0;
    }

    /** Bytes of text/plain over bytes of text/html in a multipart/alternative, in [min, max). */
    boolean multipartRatio(MessageFeatures features, List<String> arguments) {
        OptionalDouble min = EvalArguments.number(arguments, 0);
        OptionalDouble max = EvalArguments.number(arguments, 1);
        if (min.isEmpty() || max.isEmpty()) {
            return false;
        }
        double ratio = derived.mime(features).multipartRatio;
        return ratio >= min.getAsDouble() && ratio < max.getAsDouble();
    }

    boolean parseFlags(MessageFeatures features, List<String> arguments) {
        Optional<String> flag = EvalArguments.text(arguments, 0);
        if (flag.isEmpty()) {
            return false;
        }
        switch (flag.get()) {
            case "missing_head_body_separator":
                return features.defects().contains(MimeDefect.MALFORMED_HEADER);
            case "truncated_header":
                return features.limitsHit().contains(LimitHit.HEADER_LENGTH);
            case "missing_mime_headers":
                return derived.mime(features).missingMimeHeaders;
            case "mime_epilogue_exists":
                return derived.mime(features).epilogueExists;
            case "mimepart_limit_exceeded":
                return derived.mime(features).partLimitExceeded;
            default:
                return false;
        }
    }

    /** The longest line of a base64 part, its line end counted, in [min, max]; no max: at least min. */
    boolean base64Length(MessageFeatures features, List<String> arguments) {
        OptionalDouble min = EvalArguments.number(arguments, 0);
        OptionalDouble max = EvalArguments.number(arguments, 1);
        if (min.isEmpty()) {
            return false;
        }
        int longest = derived.mime(features).longestBase64Line;
        return (max.isEmpty() || longest <= max.getAsDouble()) && longest >= min.getAsDouble();
    }

    boolean abundantUnicode(MessageFeatures features, List<String> arguments) {
        Optional<String> ratio = EvalArguments.text(arguments, 0);
        if (ratio.isEmpty() || !UNICODE_RATIO.matcher(ratio.get()).matches()) {
            return false;
        }
        return derived.mime(features).textUnicodeRatio >= Double.parseDouble(ratio.get());
    }

    /** Base64 GIF, PNG or JPEG parts of a type ({@code all} for any), counted in [min, max]. */
    static boolean imageCount(MessageFeatures features, List<String> arguments) {
        Optional<String> type = EvalArguments.text(arguments, 0).map(t -> t.toLowerCase(Locale.ROOT));
        OptionalDouble min = EvalArguments.number(arguments, 1);
        OptionalDouble max = EvalArguments.number(arguments, 2);
        if (type.isEmpty() || min.isEmpty() || !type.get().equals("all") && !IMAGE_TYPES.contains(type.get())) {
            return false;
        }
        long count = features.mime().parts().stream()
            .filter(part -> part.transferEncoding().equals("base64"))
            .map(MimeEvals::imageType)
            .filter(image -> image.isPresent() && (type.get().equals("all") || image.get().equals(type.get())))
            .count();
        return count >= min.getAsDouble() && (max.isEmpty() || count <= max.getAsDouble());
    }

    private static Optional<String> imageType(MimePart part) {
        switch (part.contentType()) {
            case "image/gif":
                return Optional.of("gif");
            case "image/png":
                return Optional.of("png");
            case "image/jpeg":
            case "image/jpg":
                return Optional.of("jpeg");
            default:
                return Optional.empty();
        }
    }
}
