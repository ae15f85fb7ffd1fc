package org.cleanmail.core.rules.sa;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cleanmail.core.rules.HeaderSpec;
import org.cleanmail.core.rules.LoadSummary;
import org.cleanmail.core.rules.RuleDefinition;
import org.cleanmail.core.rules.RuleScore;
import org.cleanmail.core.rules.RuleSet;
import org.cleanmail.core.rules.RuleType;
import org.cleanmail.core.rules.SkipCategory;
import org.cleanmail.core.rules.SkippedRule;
import org.cleanmail.core.rules.TFlags;
import org.cleanmail.core.rules.meta.MetaEvaluationPlan;
import org.cleanmail.core.rules.meta.MetaExpression;
import org.cleanmail.core.rules.meta.MetaSyntaxException;
import org.cleanmail.core.rules.regex.PerlRegex;
import org.cleanmail.core.rules.regex.PerlRegexTranslator;
import org.cleanmail.core.rules.regex.RegexTranslation;

/**
 * Turns a {@link RawRuleSet} into a {@link RuleSet}: applies ReplaceTags, translates and
 * compiles the patterns, parses header specs, eval calls and meta expressions, attaches
 * scores, descriptions, tflags and priorities, and plans the metas.
 */
final class RuleSetCompiler {
    private static final Pattern EVAL = Pattern.compile("(?:rbl)?eval:(.*)", Pattern.DOTALL);
    private static final Pattern EXISTS = Pattern.compile("exists:([\\w.-]+):?");
    private static final Pattern HEADER_TEST =
        Pattern.compile("([\\w.-]+)((?::[a-zA-Z]+){0,2}):?\\s*([=!]~)\\s*(.+)", Pattern.DOTALL);
    private static final Pattern IF_UNSET = Pattern.compile("\\s+\\[if-unset:\\s+(.+)]$");

    private static final int MAX_QUOTED = 160;

    private final RuleLoadOptions options;
    private final PerlRegexTranslator translator = new PerlRegexTranslator();

    RuleSetCompiler(RuleLoadOptions options) {
        this.options = options;
    }

    /** A rule that could not be built, with why. */
    private static final class Rejection extends Exception {
        private static final long serialVersionUID = 1L;

        final SkipCategory category;

        Rejection(SkipCategory category, String detail) {
            super(detail);
            this.category = category;
        }
    }

    RuleSet compile(RawRuleSet raw) {
        ReplaceTags replaceTags = new ReplaceTags(raw.replaceTags, raw.replacePre, raw.replacePost, raw.replaceInter);
        boolean replacing = options.hasPlugin(RuleLoadOptions.REPLACE_TAGS);
        Map<String, RuleDefinition> rules = new LinkedHashMap<>();
        List<SkippedRule> skipped = new ArrayList<>();
        for (Map.Entry<String, RawRuleSet.RawRule> entry : raw.definitions.entrySet()) {
            String name = entry.getKey();
            RawRuleSet.RawRule rule = entry.getValue();
            TFlags tflags = TFlags.parse(raw.tflags.getOrDefault(name, ""));
            // As SpamAssassin with -L: a net rule still runs unless it needs the network (an eval
            // function); a meta flagged net reads the net rules as not hit.
            if (tflags.net() && !options.netRules() && rule.type != RuleType.META && EVAL.matcher(rule.text.trim()).matches()) {
                skipped.add(new SkippedRule(name, rule.type, rule.location, SkipCategory.NET_RULE, "network rules are off"));
                continue;
            }
            String text = replacing && raw.replaceRules.contains(name) ? replaceTags.apply(rule.text) : rule.text;
            try {
                RuleDefinition.Builder builder = RuleDefinition.builder(name, rule.type, rule.location, rule.text)
                    .tflags(tflags)
                    .priority(raw.priorities.getOrDefault(name, 0));
                definition(builder, rule.type, text, raw.definitions.keySet());
                List<Double> score = raw.scores.get(name);
                if (score != null) {
                    builder.score(RuleScore.of(score));
                }
                String description = raw.descriptions.get(name);
                if (description != null) {
                    builder.description(description);
                }
                RuleDefinition definition = builder.build();
                rules.put(name, definition);
                definition.eval().filter(eval -> !options.implementedEvals().contains(eval.function()))
                    .ifPresent(eval -> skipped.add(new SkippedRule(name, rule.type, rule.location,
                        SkipCategory.EVAL_NOT_IMPLEMENTED, eval.function())));
            } catch (Rejection e) {
                skipped.add(new SkippedRule(name, rule.type, rule.location, e.category, e.getMessage()));
            }
        }
        MetaEvaluationPlan plan = plan(rules, skipped);
        for (SkippedRule conditional : raw.conditionallySkipped.values()) {
            if (!raw.definitions.containsKey(conditional.name())) {
                skipped.add(conditional);
            }
        }
        Set<String> undefinedScored = new HashSet<>(raw.scores.keySet());
        undefinedScored.removeAll(raw.definitions.keySet());
        Set<String> unusable = new HashSet<>();
        skipped.forEach(rule -> unusable.add(rule.name()));
        List<RuleDefinition> usable = new ArrayList<>();
        rules.values().stream().filter(rule -> !unusable.contains(rule.name())).forEach(usable::add);
        LoadSummary summary = LoadSummary.of(usable, skipped, raw.files, raw.langLinesSkipped,
            undefinedScored.size(), raw.otherDirectives.size(), raw.problems.size());
        return new RuleSet(rules, skipped, raw.otherDirectives, raw.problems, plan, summary);
    }

    private MetaEvaluationPlan plan(Map<String, RuleDefinition> rules, List<SkippedRule> skipped) {
        Map<String, MetaExpression> metas = new HashMap<>();
        Set<String> others = new HashSet<>();
        for (RuleDefinition rule : rules.values()) {
            if (rule.meta().isPresent()) {
                metas.put(rule.name(), rule.meta().get());
            } else {
                others.add(rule.name());
            }
        }
        MetaEvaluationPlan plan = MetaEvaluationPlan.of(metas, others);
        for (Map.Entry<String, List<String>> cycle : plan.cycles().entrySet()) {
            RuleDefinition rule = rules.remove(cycle.getKey());
            skipped.add(new SkippedRule(rule.name(), rule.type(), rule.source(), SkipCategory.META_CYCLE,
                String.join(" -> ", cycle.getValue())));
        }
        return plan;
    }

    private void definition(RuleDefinition.Builder builder, RuleType type, String text, Set<String> ruleNames)
        throws Rejection {
        Matcher eval = EVAL.matcher(text);
        if (type != RuleType.META && eval.matches()) {
            builder.eval(EvalCallParser.parse(eval.group(1)).orElseThrow(() ->
                new Rejection(SkipCategory.INVALID_DEFINITION, "malformed eval call '" + text + "'")));
            return;
        }
        switch (type) {
            case META:
                try {
                    builder.meta(MetaExpression.parse(text, ruleNames));
                } catch (MetaSyntaxException e) {
                    throw new Rejection(SkipCategory.INVALID_META, e.getMessage());
                }
                return;
            case HEADER:
            case MIMEHEADER:
                header(builder, text);
                return;
            default:
                builder.pattern(translate(text));
        }
    }

    private void header(RuleDefinition.Builder builder, String text) throws Rejection {
        Matcher exists = EXISTS.matcher(text);
        if (exists.matches()) {
            builder.header(HeaderSpec.exists(exists.group(1)));
            return;
        }
        Matcher test = HEADER_TEST.matcher(text);
        if (!test.matches()) {
            throw new Rejection(SkipCategory.INVALID_DEFINITION, "expected 'Header =~ /re/', 'Header !~ /re/' or "
                + "'exists:Header', got '" + text + "'");
        }
        List<String> modifiers = test.group(2).isEmpty() ? List.of()
            : Arrays.asList(test.group(2).substring(1).split(":"));
        String pattern = test.group(4).trim();
        Optional<String> ifUnset = Optional.empty();
        Matcher unset = IF_UNSET.matcher(pattern);
        if (unset.find()) {
            ifUnset = Optional.of(unset.group(1));
            pattern = pattern.substring(0, unset.start());
        }
        try {
            builder.header(HeaderSpec.match(test.group(1), modifiers, "!~".equals(test.group(3)), ifUnset));
        } catch (IllegalArgumentException e) {
            throw new Rejection(SkipCategory.INVALID_DEFINITION, e.getMessage());
        }
        builder.pattern(translate(pattern));
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED) + "...";
    }

    private PerlRegex translate(String literal) throws Rejection {
        RegexTranslation translation = translator.translate(literal.trim());
        if (!translation.succeeded()) {
            throw new Rejection(SkipCategory.UNTRANSLATABLE_REGEX, translation.failureReason().orElse("")
                + " in " + abbreviate(literal.trim()));
        }
        return translation.regex();
    }
}
