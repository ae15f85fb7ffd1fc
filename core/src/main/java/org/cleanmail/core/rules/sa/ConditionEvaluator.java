package org.cleanmail.core.rules.sa;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cleanmail.core.rules.meta.MetaExpression;
import org.cleanmail.core.rules.meta.MetaSyntaxException;

/**
 * Evaluates the conditions of {@code if} and {@code ifplugin} lines: {@code plugin(X)},
 * {@code can(X)}, {@code has(X)}, {@code version}, {@code perl_version},
 * {@code local_tests_only}, numbers, comparisons, {@code ! && ||} and parentheses.
 * Anything it cannot decide is false, with a note saying why. Thread-safe.
 */
final class ConditionEvaluator {
    private static final Pattern CALL = Pattern.compile("\\b(plugin|can|has)\\s*\\(\\s*([\\w:]+)\\s*\\)");
    private static final Pattern PLUGIN_METHOD = Pattern.compile("Mail::SpamAssassin::Plugin::\\w+::has_(\\w+)");
    private static final String PERL_VERSION = "5.036";

    private final RuleLoadOptions options;
    private final Set<String> enabledCompat = ConcurrentHashMap.newKeySet();

    ConditionEvaluator(RuleLoadOptions options) {
        this.options = options;
    }

    /** {@code enable_compat NAME}: from now on {@code can(...compat_NAME)} holds. */
    void enableCompat(String name) {
        enabledCompat.add(RuleLoadOptions.COMPAT_PREFIX + name);
    }

    /** The outcome of one condition, with a note when it could not be decided. */
    static final class Outcome {
        final boolean value;
        final Optional<String> note;

        Outcome(boolean value, Optional<String> note) {
            this.value = value;
            this.note = note;
        }
    }

    Outcome evaluate(String condition) {
        StringBuilder note = new StringBuilder();
        Matcher call = CALL.matcher(condition);
        StringBuilder arithmetic = new StringBuilder();
        while (call.find()) {
            call.appendReplacement(arithmetic, call(call.group(1), canonical(call.group(2)), note) ? " 1 " : " 0 ");
        }
        call.appendTail(arithmetic);
        String text = arithmetic.toString()
            .replaceAll("\\bperl_version\\b", PERL_VERSION)
            .replaceAll("\\bversion\\b", options.version())
            .replaceAll("\\blocal_tests_only\\b", "0");
        try {
            MetaExpression expression = MetaExpression.parse(text);
            if (!expression.references().isEmpty()) {
                return new Outcome(false, Optional.of("unknown term(s) " + expression.references()
                    + " in condition '" + condition + "', taken as false"));
            }
            boolean value = expression.matches(name -> 0);
            return new Outcome(value, note.length() == 0 ? Optional.empty() : Optional.of(note.toString()));
        } catch (MetaSyntaxException e) {
            return new Outcome(false, Optional.of("cannot parse condition '" + condition + "' (" + e.getMessage()
                + "), taken as false"));
        }
    }

    private boolean call(String function, String argument, StringBuilder note) {
        if ("plugin".equals(function)) {
            return options.hasPlugin(argument);
        }
        if (options.capabilities().contains(argument) || enabledCompat.contains(argument)) {
            return true;
        }
        Matcher pluginMethod = PLUGIN_METHOD.matcher(argument);
        if (pluginMethod.matches()) {
            return options.implementedEvals().contains(pluginMethod.group(1));
        }
        if (!RuleLoadOptions.KNOWN_ABSENT_CAPABILITIES.contains(argument)) {
            note.append("unknown capability ").append(function).append('(').append(argument)
                .append("), taken as false");
        }
        return false;
    }

    /** SpamAssassin's own aliases for renamed plugins. */
    private static String canonical(String name) {
        if ("Mail::SpamAssassin::Plugin::Dmarc".equals(name)) {
            return "Mail::SpamAssassin::Plugin::DMARC";
        }
        if ("Mail::SpamAssassin::Plugin::WhiteListSubject".equals(name)) {
            return "Mail::SpamAssassin::Plugin::WelcomeListSubject";
        }
        return name;
    }
}
