package org.cleanmail.core.scoring.eval;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Lenient reading of eval call arguments: absent, blank or malformed values are empty. */
final class EvalArguments {
    private EvalArguments() {
    }

    /** The argument at {@code index}, trimmed, when there is a non-blank one. */
    static Optional<String> text(List<String> arguments, int index) {
        if (arguments == null || index >= arguments.size() || arguments.get(index) == null) {
            return Optional.empty();
        }
        String value = arguments.get(index).trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /**
     * The argument at {@code index} as a number; empty when absent, {@code undef} or not a
     * number. {@code inf} reads as positive infinity.
     */
    static OptionalDouble number(List<String> arguments, int index) {
        Optional<String> value = text(arguments, index);
        if (value.isEmpty() || value.get().equals("undef")) {
            return OptionalDouble.empty();
        }
        if (value.get().equals("inf")) {
            return OptionalDouble.of(Double.POSITIVE_INFINITY);
        }
        try {
            double number = Double.parseDouble(value.get());
            return Double.isNaN(number) ? OptionalDouble.empty() : OptionalDouble.of(number);
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
