package org.cleanmail.core.rules;

import java.util.List;
import java.util.Objects;

/**
 * A rule implemented by code rather than a pattern, {@code eval:check_foo('a', 2)}: the
 * function name and its arguments with quotes removed. SpamAssassin implements these in
 * Perl plugins; here each needs a Java implementation before the rule can run.
 */
public final class EvalCall {
    private final String function;
    private final List<String> arguments;

    public EvalCall(String function, List<String> arguments) {
        this.function = Objects.requireNonNull(function, "function");
        this.arguments = List.copyOf(arguments);
    }

    public String function() {
        return function;
    }

    public List<String> arguments() {
        return arguments;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EvalCall && function.equals(((EvalCall) o).function)
            && arguments.equals(((EvalCall) o).arguments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(function, arguments);
    }

    @Override
    public String toString() {
        return function + arguments;
    }
}
