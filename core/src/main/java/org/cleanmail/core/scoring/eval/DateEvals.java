package org.cleanmail.core.scoring.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cleanmail.core.message.MessageFeatures;
import org.cleanmail.core.message.MessageHeaders;
import org.cleanmail.core.scoring.EvalFunction;

/**
 * SpamAssassin's {@code check_for_shifted_date(min, max)}: how far the Date header (or
 * Resent-Date) lies from the times in the Received headers, in hours; {@code undef} leaves
 * a bound open. As in SpamAssassin, the Received times closest to the Date count, a local
 * first hop (localhost, qmail, fetchmail) is set aside, and a message without a usable Date
 * or Received time is shifted by 0. Like SpamAssassin's, it never reads the current time:
 * archived mail scanned years later is judged by its own headers.
 */
final class DateEvals {
    private static final Pattern RECEIVED_DATE = Pattern.compile("(\\s.?\\d+ \\S\\S\\S \\d+ \\d+:\\d+:\\d+ \\S+)");
    private static final Pattern LOCAL_HOP = Pattern.compile(
        "\\bfrom (?:localhost\\s|(?:\\S+ ){1,2}\\S*\\b127\\.0\\.0\\.1\\b)|qmail \\d+ invoked by uid \\d+");
    private static final Pattern FETCHMAIL_HOP = Pattern.compile("\\bby localhost with \\w+ \\(fetchmail-[\\d.]+");
    private static final long SECONDS_PER_HOUR = 3600;
    /** Received headers read at most; real ones are a few dozen. */
    private static final int MAXIMUM_RECEIVED = 100;

    /** The difference is the same for the dozen rules that test it: worked out once per message. */
    private final PerMessageCache<Long> differences =
        new PerMessageCache<>(features -> dateDifference(features.headers()));

    Map<String, EvalFunction> functions() {
        return Map.of("check_for_shifted_date", this::shiftedDate);
    }

    boolean shiftedDate(MessageFeatures features, List<String> arguments) {
        OptionalDouble min = EvalArguments.number(arguments, 0);
        OptionalDouble max = EvalArguments.number(arguments, 1);
        if (isBad(arguments, 0, min) || isBad(arguments, 1, max)) {
            return false;
        }
        long difference = differences.get(features);
        return (min.isEmpty() || difference >= SECONDS_PER_HOUR * min.getAsDouble())
            && (max.isEmpty() || difference < SECONDS_PER_HOUR * max.getAsDouble());
    }

    /** A bound that is neither a number nor {@code undef} makes the call invalid. */
    private static boolean isBad(List<String> arguments, int index, OptionalDouble value) {
        return value.isEmpty() && !EvalArguments.text(arguments, index).map("undef"::equals).orElse(false);
    }

    /** Date minus the closest Received time, in seconds; 0 when either is unknown. */
    static long dateDifference(MessageHeaders headers) {
        OptionalLong date = dateHeaderTime(headers);
        if (date.isEmpty()) {
            return 0;
        }
        List<Long> times = receivedTimes(headers);
        if (times.isEmpty()) {
            return 0;
        }
        List<Long> differences = new ArrayList<>();
        for (long time : times) {
            differences.add(date.getAsLong() - time);
        }
        if (differences.size() > 1 && differences.get(differences.size() - 1) == 0) {
            differences.remove(differences.size() - 1);
        }
        return differences.stream().min(Comparator.comparingLong(Math::abs)).orElse(0L);
    }

    private static OptionalLong dateHeaderTime(MessageHeaders headers) {
        for (String name : List.of("Resent-Date", "Date")) {
            for (String value : headers.values(name)) {
                OptionalLong time = Rfc822Dates.epochSeconds(value);
                if (time.isPresent()) {
                    return time;
                }
            }
        }
        return OptionalLong.empty();
    }

    private static List<Long> receivedTimes(MessageHeaders headers) {
        List<String> received = new ArrayList<>();
        for (String value : headers.values("Received")) {
            if (!value.isBlank() && received.size() < MAXIMUM_RECEIVED) {
                received.add(value);
            }
        }
        if (received.isEmpty()) {
            return List.of();
        }
        List<String> local = new ArrayList<>();
        if (LOCAL_HOP.matcher(received.get(0)).find()) {
            local.add(received.remove(0));
        }
        if (!received.isEmpty() && FETCHMAIL_HOP.matcher(received.get(0)).find()) {
            local.add(received.remove(0));
        } else if (!local.isEmpty()) {
            received.add(0, local.remove(0));
        }
        List<Long> times = new ArrayList<>();
        for (String hop : received) {
            Matcher date = RECEIVED_DATE.matcher(hop);
            if (date.find()) {
                Rfc822Dates.epochSeconds(date.group(1)).ifPresent(times::add);
            }
        }
        return times;
    }
}
