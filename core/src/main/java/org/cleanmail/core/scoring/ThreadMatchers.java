package org.cleanmail.core.scoring;

import java.util.regex.Matcher;

/**
 * One thread's matchers of a rule set's patterns, by rule index times two (plus one for the
 * ASCII variant), made on first use and kept from message to message, and the one budgeted
 * text they all read ({@link CompiledRuleSet#threadMatchers}): a scan points the text at
 * each text it searches, and the matchers need no reset onto it. Not thread-safe.
 */
final class ThreadMatchers {
    final Matcher[] matchers;
    final BudgetedText text = new BudgetedText();

    ThreadMatchers(int rules) {
        this.matchers = new Matcher[2 * rules];
    }
}
