package org.cleanmail.core.scoring.eval;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.message.MessageHeaders;
import org.cleanmail.core.scoring.EvalFunction;

/**
 * SpamAssassin's HeaderEval tests that need no network and no state: missing To, domains
 * of From and envelope sender, illegal characters, all-caps subject, ratware and Outlook
 * Message-Ids, header counts, the recipient's name in the subject, unresolved templates.
 */
final class HeaderEvals {
    private static final Pattern RE_FW_PREFIX = Pattern.compile(
        "^(?:(?:Re|Fwd|Fw|Aw|Antwort|WG|SV|VB|VS|VL):\\s*)+", Pattern.CASE_INSENSITIVE);
    private static final Pattern LIKELY_CAPS_CHARSET_WORD = Pattern.compile(
        "=\\?[-_a-z0-9]*(?:koi|jp|jis|euc|gb|big5|isoir|cp1251|windows-1251|georgianps|pt154|tis)[-_a-z0-9]*\\?",
        Pattern.CASE_INSENSITIVE);
    private static final Pattern RATWARE_ID = Pattern.compile("<[A-Z]{28}\\.([^>]+?)>");
    private static final Pattern OUTLOOK_ID = Pattern.compile(
        "^<[0-9a-f]{4}([0-9a-f]{8})\\$[0-9a-f]{8}\\$[0-9a-f]{8}@");
    private static final Pattern RECEIVED_DATE = Pattern.compile("(\\s.?\\d+ \\S\\S\\S \\d+ \\d+:\\d+:\\d+ \\S+)");
    private static final Pattern LIST_UNSUBSCRIBE_LEAVE = Pattern.compile(
        "<mailto:(?:leave-\\S+|\\S+-unsubscribe)@\\S+>$", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNRESOLVED = Pattern.compile("%[A-Z][A-Z_-]");
    private static final Pattern TEMPLATE_EXEMPT = Pattern.compile("^(?:X-VMS-To|X-UIDL|X-Face|To|Cc|From|Subject"
        + "|References|In-Reply-To|(?:X-|Resent-|X-Original-)?Message-Id):", Pattern.CASE_INSENSITIVE);
    private static final Pattern PARENT_DOMAIN = Pattern.compile("^.+\\.([^.]+\\.[^.]+)$");
    private static final double OUTLOOK_TICKS_PER_SECOND = 0.0023283064365387;
    private static final double OUTLOOK_EPOCH_TICKS = 27111902.8329849;
    private static final int OUTLOOK_FUDGE = 250;

    private HeaderEvals() {
    }

    static Map<String, EvalFunction> functions() {
        Map<String, EvalFunction> functions = new TreeMap<>();
        functions.put("check_for_missing_to_header", (features, arguments) -> missingTo(features));
        functions.put("check_illegal_chars", HeaderEvals::illegalChars);
        functions.put("subject_is_all_caps", (features, arguments) -> subjectIsAllCaps(features));
        functions.put("check_ratware_name_id", (features, arguments) -> ratwareNameId(features));
        functions.put("check_outlook_message_id", (features, arguments) -> outlookMessageIdForged(features));
        functions.put("check_messageid_not_usable", (features, arguments) -> messageIdNotUsable(features));
        functions.put("check_header_count_range", HeaderEvals::headerCountInRange);
        functions.put("check_for_to_in_subject", HeaderEvals::toInSubject);
        functions.put("check_unresolved_template", (features, arguments) -> unresolvedTemplate(features));
        return functions;
    }

    /** No To nor Apparently-To field; an empty one counts as present, as in SpamAssassin. */
    static boolean missingTo(MessageFeatures features) {
        MessageHeaders headers = features.headers();
        return !headers.exists("To") && !headers.exists("Apparently-To");
    }

    /** SpamAssassin's check_equal_from_domains (registered by {@link RelayEvals}, which knows EnvelopeFrom). */
    static boolean fromDomainsDiffer(MessageFeatures features, String envelopeFrom) {
        String from = organisationalDomain(features.headers().address("From").orElse(""));
        String envelope = organisationalDomain(envelopeFrom);
        return !from.isEmpty() && !envelope.isEmpty() && !from.equalsIgnoreCase(envelope);
    }

    /** The domain of an address reduced to its last two labels, as SpamAssassin does; empty without one. */
    private static String organisationalDomain(String address) {
        int at = address.lastIndexOf('@');
        if (at < 0) {
            return "";
        }
        String domain = address.substring(at + 1);
        Matcher parent = PARENT_DOMAIN.matcher(domain);
        return parent.matches() ? parent.group(1) : domain;
    }

    static boolean illegalChars(MessageFeatures features, List<String> arguments) {
        Optional<String> header = EvalArguments.text(arguments, 0);
        OptionalDouble ratio = EvalArguments.number(arguments, 1);
        OptionalDouble count = EvalArguments.number(arguments, 2);
        if (header.isEmpty() || ratio.isEmpty() || count.isEmpty()) {
            return false;
        }
        String name = header.get().endsWith(":raw") ? header.get() : header.get() + ":raw";
        String text = features.headers().select(name);
        if (text.isBlank()) {
            return false;
        }
        // one pass: these evals run on every message, often over the whole header
        int controls = 0;
        int illegal = 0;
        int latinHigh = 0;
        int beyondLatin = 0;
        int exempt = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                controls++;
                illegal++;
            } else if (c >= 0x7f) {
                illegal++;
                latinHigh += c >= 0x80 && c <= 0xff ? 1 : 0;
                beyondLatin += c > 0xff ? 1 : 0;
                exempt += c == 0xa2 || c == 0xa3 || c == 0xae ? 1 : 0;
            }
        }
        // SpamAssassin exempts valid UTF-8; header values here are already text: characters beyond
        // Latin-1 show that the bytes were valid UTF-8, Latin-1 ones that they were not
        boolean nonAscii = latinHigh + beyondLatin > 0;
        boolean decodedUtf8 = beyondLatin > 0 || latinHigh == 0;
        if (nonAscii && decodedUtf8 && controls == 0) {
            return false;
        }
        if (illegal > 0 && exempt == 1 && name.equalsIgnoreCase("Subject:raw")) {
            illegal--;
        }
        return (double) illegal / text.length() >= ratio.getAsDouble() && illegal >= count.getAsDouble();
    }

    private static boolean isControl(int c) {
        return c <= 0x08 || c == 0x0b || c == 0x0c || c >= 0x0e && c <= 0x1f;
    }

    static boolean subjectIsAllCaps(MessageFeatures features) {
        String subject = RE_FW_PREFIX.matcher(features.headers().select("Subject").strip()).replaceFirst("");
        if (subject.chars().noneMatch(Character::isWhitespace) || subject.length() < 10) {
            return false;
        }
        String letters = subject.replaceAll("[^a-zA-Z]", "");
        if (LIKELY_CAPS_CHARSET_WORD.matcher(features.headers().select("Subject:raw")).find()) {
            return false;
        }
        return !letters.isEmpty() && letters.equals(letters.toUpperCase(Locale.ROOT));
    }

    static boolean ratwareNameId(MessageFeatures features) {
        Matcher id = RATWARE_ID.matcher(features.headers().select(MessageHeaders.MESSAGE_ID));
        if (!id.find()) {
            return false;
        }
        Pattern from = Pattern.compile("\"[^\"]+\"\\s*<" + Pattern.quote(id.group(1)) + ">");
        return from.matcher(features.headers().select("From")).find();
    }

    static boolean outlookMessageIdForged(MessageFeatures features) {
        Matcher id = OUTLOOK_ID.matcher(features.headers().select(MessageHeaders.MESSAGE_ID));
        if (!id.find()) {
            return false;
        }
        long token = Long.parseLong(id.group(1), 16);
        long date = Rfc822Dates.epochSeconds(features.headers().select("Date")).orElse(0);
        if (Math.abs(token - outlookTicks(date)) < OUTLOOK_FUDGE) {
            return false;
        }
        String received = features.headers().select("Received");
        Matcher receivedDate = RECEIVED_DATE.matcher(received);
        OptionalLong time = receivedDate.find()
            ? Rfc822Dates.epochSeconds(receivedDate.group(1)) : OptionalLong.empty();
        return Math.abs(token - outlookTicks(time.orElse(0))) >= OUTLOOK_FUDGE;
    }

    private static long outlookTicks(long epochSeconds) {
        return (long) (epochSeconds * OUTLOOK_TICKS_PER_SECOND + OUTLOOK_EPOCH_TICKS);
    }

    static boolean messageIdNotUsable(MessageFeatures features) {
        MessageHeaders headers = features.headers();
        if (LIST_UNSUBSCRIBE_LEAVE.matcher(headers.select("List-Unsubscribe")).find()) {
            return true;
        }
        String received = headers.select("Received");
        return received.contains("/CWT/DCE)") || received.contains("iPlanet Messaging Server");
    }

    static boolean headerCountInRange(MessageFeatures features, List<String> arguments) {
        Optional<String> header = EvalArguments.text(arguments, 0);
        OptionalDouble min = EvalArguments.number(arguments, 1);
        OptionalDouble max = EvalArguments.number(arguments, 2);
        if (header.isEmpty() || min.isEmpty() || max.isEmpty()) {
            return false;
        }
        int distinct = new LinkedHashSet<>(features.headers().rawValues(header.get())).size();
        return distinct >= min.getAsDouble() && distinct <= max.getAsDouble();
    }

    static boolean toInSubject(MessageFeatures features, List<String> arguments) {
        Optional<String> test = EvalArguments.text(arguments, 0);
        String to = features.headers().address("To").orElse("");
        if (test.isEmpty() || to.isEmpty()) {
            return false;
        }
        String subject = features.headers().select("Subject");
        String user = to.replaceFirst("@.*", "");
        if (!containsIgnoringCase(subject, test.get().equals("address") ? to : user)) {
            // every pattern below holds the address or the user: no need to compile one
            return false;
        }
        if (test.get().equals("address")) {
            return Pattern.compile("\\b" + Pattern.quote(to) + "\\b", Pattern.CASE_INSENSITIVE).matcher(subject).find();
        }
        if (!test.get().equals("user")) {
            return false;
        }
        String quoted = Pattern.quote(user);
        Pattern pattern = Pattern.compile("^(?:(?:re|fw):\\s*(?:\\w+\\s+)?" + quoted + "$"
            + "|(?-i:" + quoted + ")\\s*[,:;!?-](?:$|\\s)"
            + "|" + quoted + "$"
            + "|,\\s*" + quoted + "[,:;!?-]$)", Pattern.CASE_INSENSITIVE);
        return pattern.matcher(subject).find();
    }

    /** Whether the text holds the word, cases aside character by character (as the patterns' case-insensitive matching). */
    private static boolean containsIgnoringCase(String text, String word) {
        for (int i = 0; i + word.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    static boolean unresolvedTemplate(MessageFeatures features) {
        String all = features.headers().all();
        if (all.indexOf('%') < 0) {
            return false;
        }
        for (String line : all.split("\n")) {
            if (UNRESOLVED.matcher(line).find() && !TEMPLATE_EXEMPT.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }
}
