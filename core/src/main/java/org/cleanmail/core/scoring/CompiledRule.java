package org.cleanmail.core.scoring;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.cleanmail.core.rules.RuleType;
import org.cleanmail.core.rules.meta.MetaExpression;
import org.cleanmail.core.rules.regex.AsciiPruning;
import org.cleanmail.core.rules.regex.AutoPossessive;
import org.cleanmail.core.rules.regex.PerlRegex;
import org.cleanmail.core.scan.RuleHit;

/**
 * One rule ready to run: what it matches and how its hits count. Exactly one of
 * {@link #pattern}, {@link #eval}, {@link #meta} is set, or none for an {@code exists:}
 * header test. Immutable.
 */
final class CompiledRule {
    final int index;
    final String name;
    final RuleType type;
    final double score;
    final String description;
    /** The rule's hit counted once, made once: a message's hits of rules that count one are these. */
    final RuleHit hit;
    final boolean subRule;
    final Pattern pattern;
    /**
     * The pattern for texts of ASCII characters only: cut to what can match them
     * ({@link AsciiPruning}), with Java's own word boundaries, which mean what Perl's do there;
     * null when that is the pattern itself (or the option is off). See {@link #asciiNever}.
     */
    final Pattern asciiPattern;
    /**
     * What the matchers run: {@link #pattern} and {@link #asciiPattern} with the quantifiers
     * {@link AutoPossessive} proves need not backtrack made possessive (the same matches, less
     * work); the patterns themselves when none is, or the option is off. The analyses
     * (literals, anchors, filters) read the patterns themselves.
     */
    final Pattern runPattern;
    final Pattern runAsciiPattern;
    /** Whether no text of ASCII characters only can match the pattern. */
    final boolean asciiNever;
    final EvalFunction eval;
    final List<String> evalArguments;
    final MetaExpression meta;
    /** A meta's operands ({@link MetaExpression#operands()}) as rule indices, -1 for a rule not in the set; else null. */
    final int[] metaOperands;
    /** What a {@code mimeheader} rule matches, or null. */
    final MimeHeaderSelector partHeader;
    /** Index of the header selection, or -1. */
    final int selector;
    final boolean negated;
    /** The text to match when the header is absent ({@code [if-unset: ...]}), in byte form, or null. */
    final String ifUnset;
    /** Counts every match, up to {@link #maxHits}. */
    final boolean multiple;
    final int maxHits;
    /** {@code tflags nosubject}: a body rule that does not see the Subject paragraph. */
    final boolean noSubject;
    /** Whether the pattern matches the empty string: the answer for absent headers, known without running. */
    final boolean matchesEmpty;
    /**
     * Whether the pattern refers back to a group ({@code \1}): the translation keeps capturing
     * groups only then. Such a search tries every pairing of the group's text with what follows
     * ({@code __SUBJ_HAS_TO_*}, {@code __TO_EQ_FROM_*} walk the header block from each
     * Received or From field), so such a header rule is not cheap to read.
     */
    final boolean backReferences;

    private CompiledRule(Builder builder) {
        this.index = builder.index;
        this.name = builder.name;
        this.type = builder.type;
        this.score = builder.score;
        this.description = builder.description;
        this.hit = new RuleHit(name, score, description);
        this.subRule = name.startsWith("__");
        this.pattern = builder.pattern;
        Optional<String> cut = builder.asciiVariants && pattern != null ? AsciiPruning.prune(pattern) : Optional.empty();
        this.asciiNever = cut.isPresent() && cut.get().equals(AsciiPruning.NEVER);
        this.backReferences = pattern != null && pattern.matcher("").groupCount() > 0;
        this.asciiPattern = builder.asciiVariants && !asciiNever
            ? asciiVariant(pattern, cut.orElse(pattern == null ? null : pattern.pattern())) : null;
        this.runPattern = possessive(pattern, builder.possessive);
        this.runAsciiPattern = possessive(asciiPattern, builder.possessive);
        this.eval = builder.eval;
        this.evalArguments = builder.evalArguments;
        this.meta = builder.meta;
        this.metaOperands = builder.metaOperands;
        this.selector = builder.selector;
        this.partHeader = builder.partHeader;
        this.negated = builder.negated;
        this.ifUnset = builder.ifUnset;
        this.multiple = builder.multiple;
        this.maxHits = builder.maxHits;
        this.noSubject = builder.noSubject;
        this.matchesEmpty = pattern != null && matchesEmptyText(pattern);
    }

    static Builder builder(int index, String name, RuleType type) {
        return new Builder(index, name, type);
    }

    /** Whether a hit of this rule adds to the score. */
    boolean scores() {
        return !subRule && score != 0;
    }

    private static Pattern asciiVariant(Pattern pattern, String cut) {
        if (pattern == null) {
            return null;
        }
        return recompiled(pattern,
            cut.replace(PerlRegex.WORD_BOUNDARY, "\\b").replace(PerlRegex.NOT_WORD_BOUNDARY, "\\B"), null);
    }

    private static Pattern possessive(Pattern pattern, AutoPossessive rewriter) {
        if (pattern == null || rewriter == null) {
            return pattern;
        }
        return recompiled(pattern, rewriter.rewrite(pattern), pattern);
    }

    /** The source compiled with the pattern's flags; {@code otherwise} when it is the pattern's own or Java refuses it. */
    private static Pattern recompiled(Pattern pattern, String source, Pattern otherwise) {
        if (source.equals(pattern.pattern())) {
            return otherwise;
        }
        try {
            return Pattern.compile(source, pattern.flags());
        } catch (RuntimeException | StackOverflowError e) {
            return otherwise;
        }
    }

    private static boolean matchesEmptyText(Pattern pattern) {
        try {
            return pattern.matcher("").find();
        } catch (RuntimeException | StackOverflowError e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return type.directive() + " " + name;
    }

    /** Collects the parts of a {@link CompiledRule}. */
    static final class Builder {
        private final int index;
        private final String name;
        private final RuleType type;
        private double score;
        private String description = "";
        private Pattern pattern;
        private boolean asciiVariants;
        private AutoPossessive possessive;
        private EvalFunction eval;
        private List<String> evalArguments = List.of();
        private MetaExpression meta;
        private int[] metaOperands;
        private int selector = -1;
        private MimeHeaderSelector partHeader;
        private boolean negated;
        private String ifUnset;
        private boolean multiple;
        private int maxHits = Integer.MAX_VALUE;
        private boolean noSubject;

        private Builder(int index, String name, RuleType type) {
            this.index = index;
            this.name = name;
            this.type = type;
        }

        Builder score(double value) {
            this.score = value;
            return this;
        }

        Builder description(String value) {
            this.description = value;
            return this;
        }

        Builder pattern(Pattern value) {
            this.pattern = value;
            return this;
        }

        /** Whether to keep a variant of the pattern for ASCII texts ({@link CompiledRule#asciiPattern}). */
        Builder asciiVariants(boolean enabled) {
            this.asciiVariants = enabled;
            return this;
        }

        /** The rewriter of the patterns the matchers run ({@link CompiledRule#runPattern}), or null to run them as they are. */
        Builder possessive(AutoPossessive rewriter) {
            this.possessive = rewriter;
            return this;
        }

        Builder eval(EvalFunction function, List<String> arguments) {
            this.eval = function;
            this.evalArguments = List.copyOf(arguments);
            return this;
        }

        /** @param operands the rule index of each of the expression's operands, -1 for an unknown rule */
        Builder meta(MetaExpression value, int[] operands) {
            this.meta = value;
            this.metaOperands = operands.clone();
            return this;
        }

        Builder header(int selectorIndex, boolean negatedMatch, String ifUnsetText) {
            this.selector = selectorIndex;
            this.negated = negatedMatch;
            this.ifUnset = ifUnsetText;
            return this;
        }

        Builder partHeader(MimeHeaderSelector selection, boolean negatedMatch) {
            this.partHeader = selection;
            this.negated = negatedMatch;
            return this;
        }

        Builder counting(boolean everyMatch, int max) {
            this.multiple = everyMatch;
            this.maxHits = everyMatch ? max : 1;
            return this;
        }

        Builder noSubject(boolean value) {
            this.noSubject = value;
            return this;
        }

        CompiledRule build() {
            return new CompiledRule(this);
        }
    }
}
