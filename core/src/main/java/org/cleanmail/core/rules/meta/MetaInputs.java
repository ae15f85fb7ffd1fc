package org.cleanmail.core.rules.meta;

import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The rule values a meta expression reads, with a hint of which are cheap to read (already
 * known, or computed without running a costly regular expression). Given one,
 * {@link MetaExpression#evaluate} reads the cheap operand of {@code A && B} first and
 * skips the costly one when the cheap one is 0: SpamAssassin's metas are mostly written
 * {@code __COSTLY_BODY_TEST && !__CHEAP_HEADER_TEST && ...}. The value is the same in
 * either order ({@code A && B} is 0 when either is 0, else {@code B}).
 */
public interface MetaInputs extends ToDoubleFunction<String> {
    /** Whether every one of these rules can be read without running a costly test. */
    boolean cheap(Set<String> ruleNames);
}
