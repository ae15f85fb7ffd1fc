package org.cleanmail.core.rules.sa;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cleanmail.core.rules.LoadProblem;
import org.cleanmail.core.rules.OtherDirective;
import org.cleanmail.core.rules.RuleType;
import org.cleanmail.core.rules.SkippedRule;
import org.cleanmail.core.rules.SourceLocation;

/**
 * What the reader collected from the lines of the rule files, before any rule is
 * compiled. Later definitions replace earlier ones, as in SpamAssassin. Mutable, used by
 * one load only.
 */
final class RawRuleSet {
    /** A rule definition line: type, text after the name, location. */
    static final class RawRule {
        final RuleType type;
        final String text;
        final SourceLocation location;

        RawRule(RuleType type, String text, SourceLocation location) {
            this.type = type;
            this.text = text;
            this.location = location;
        }
    }

    final Map<String, RawRule> definitions = new LinkedHashMap<>();
    final Map<String, List<Double>> scores = new HashMap<>();
    final Map<String, String> descriptions = new HashMap<>();
    final Map<String, String> tflags = new HashMap<>();
    final Map<String, Integer> priorities = new HashMap<>();
    final Map<String, String> replaceTags = new HashMap<>();
    final Map<String, String> replacePre = new HashMap<>();
    final Map<String, String> replacePost = new HashMap<>();
    final Map<String, String> replaceInter = new HashMap<>();
    final Set<String> replaceRules = new HashSet<>();
    final Map<String, SkippedRule> conditionallySkipped = new LinkedHashMap<>();
    final List<OtherDirective> otherDirectives = new ArrayList<>();
    final List<LoadProblem> problems = new ArrayList<>();
    int files;
    int langLinesSkipped;

    void define(String name, RuleType type, String text, SourceLocation location) {
        definitions.remove(name);
        definitions.put(name, new RawRule(type, text, location));
    }

    void problem(SourceLocation location, String message) {
        problems.add(new LoadProblem(location, message));
    }
}
