package org.cleanmail.core.scoring;

import java.util.List;

import org.cleanmail.core.message.MessageFeatures;

/**
 * The Java implementation of a SpamAssassin {@code eval:} test, such as
 * {@code eval:check_for_missing_to_header()}. Implementations are stateless and
 * thread-safe, and never throw on odd messages: they answer false.
 */
@FunctionalInterface
public interface EvalFunction {
    /**
     * @param features the parsed message
     * @param arguments the call's arguments as written in the rule, quotes removed
     *     ({@code eval:check_stock_info('6')} gives {@code ["6"]})
     * @return whether the rule fires
     */
    boolean test(MessageFeatures features, List<String> arguments);
}
