package org.cleanmail.core.rules.sa;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cleanmail.core.rules.EvalCall;

/**
 * Parses {@code check_foo('a', "b", 3)}, the text after {@code eval:}: a function name
 * and arguments that are quoted strings or bare words, separated by commas or spaces.
 */
final class EvalCallParser {
    private static final Pattern CALL = Pattern.compile("(\\w+)\\s*\\((.*)\\)\\s*", Pattern.DOTALL);

    private EvalCallParser() {
    }

    static Optional<EvalCall> parse(String text) {
        Matcher call = CALL.matcher(text.trim());
        if (!call.matches()) {
            return Optional.empty();
        }
        String arguments = call.group(2);
        List<String> values = new ArrayList<>();
        int pos = 0;
        while (pos < arguments.length()) {
            char c = arguments.charAt(pos);
            if (c == ',' || Character.isWhitespace(c)) {
                pos++;
            } else if (c == '\'' || c == '"') {
                int end = arguments.indexOf(c, pos + 1);
                if (end < 0) {
                    return Optional.empty();
                }
                values.add(arguments.substring(pos + 1, end));
                pos = end + 1;
            } else {
                int end = pos;
                while (end < arguments.length() && arguments.charAt(end) != ','
                    && !Character.isWhitespace(arguments.charAt(end))) {
                    end++;
                }
                values.add(arguments.substring(pos, end));
                pos = end;
            }
        }
        return Optional.of(new EvalCall(call.group(1), values));
    }
}
