package org.cleanmail.core.rules;

import java.util.Objects;
import java.util.Optional;

import org.cleanmail.core.rules.meta.MetaExpression;
import org.cleanmail.core.rules.regex.PerlRegex;

/**
 * One SpamAssassin rule as loaded, ready for a matching engine: name, type, how it
 * matches (a translated pattern, an eval call, or a meta expression; header rules also
 * have a {@link HeaderSpec}), score, description, tflags, priority and the file:line of
 * its definition.
 *
 * <p>Names starting with {@code __} are sub-rules: they never score, they only feed
 * metas. A rule whose score is 0 is disabled, as in SpamAssassin. Immutable.
 */
public final class RuleDefinition {
    private final String name;
    private final RuleType type;
    private final SourceLocation source;
    private final String definition;
    private final PerlRegex pattern;
    private final HeaderSpec header;
    private final EvalCall eval;
    private final MetaExpression meta;
    private final RuleScore score;
    private final String description;
    private final TFlags tflags;
    private final int priority;

    private RuleDefinition(Builder builder) {
        this.name = Objects.requireNonNull(builder.name, "name");
        this.type = Objects.requireNonNull(builder.type, "type");
        this.source = Objects.requireNonNull(builder.source, "source");
        this.definition = Objects.requireNonNull(builder.definition, "definition");
        this.pattern = builder.pattern;
        this.header = builder.header;
        this.eval = builder.eval;
        this.meta = builder.meta;
        this.tflags = builder.tflags;
        this.score = builder.score != null ? builder.score : RuleScore.defaultFor(name, tflags.nice());
        this.description = builder.description;
        this.priority = builder.priority;
        int kinds = (pattern != null ? 1 : 0) + (eval != null ? 1 : 0) + (meta != null ? 1 : 0)
            + (header != null && header.existsTest() ? 1 : 0);
        if (kinds != 1) {
            throw new IllegalArgumentException(name + ": a rule has exactly one of pattern, eval, meta or exists test");
        }
        if ((type == RuleType.META) != (meta != null)) {
            throw new IllegalArgumentException(name + ": meta rules, and only they, have a meta expression");
        }
    }

    public static Builder builder(String name, RuleType type, SourceLocation source, String definition) {
        return new Builder(name, type, source, definition);
    }

    public String name() {
        return name;
    }

    public RuleType type() {
        return type;
    }

    /** Where the rule was (last) defined. */
    public SourceLocation source() {
        return source;
    }

    /** The definition text after the rule name, as written. */
    public String definition() {
        return definition;
    }

    /** The translated pattern, for pattern rules. */
    public Optional<PerlRegex> pattern() {
        return Optional.ofNullable(pattern);
    }

    /** What a header or mimeheader rule looks at. */
    public Optional<HeaderSpec> header() {
        return Optional.ofNullable(header);
    }

    /** The eval call of a rule implemented by code. */
    public Optional<EvalCall> eval() {
        return Optional.ofNullable(eval);
    }

    /** The expression of a meta rule. */
    public Optional<MetaExpression> meta() {
        return Optional.ofNullable(meta);
    }

    public RuleScore score() {
        return score;
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public TFlags tflags() {
        return tflags;
    }

    /** Evaluation priority (lower runs first); 0 unless set. */
    public int priority() {
        return priority;
    }

    /** A {@code __} rule: never scores, only feeds metas. */
    public boolean isSubRule() {
        return name.startsWith("__");
    }

    /** Whether SpamAssassin would run it in score set 0: sub-rules always, other rules when the score is not 0. */
    public boolean enabled() {
        return enabled(RuleScore.DEFAULT_SET);
    }

    /** Whether SpamAssassin would run it in the given score set (0 to 3). */
    public boolean enabled(int scoreSet) {
        return isSubRule() || score.inSet(scoreSet) != 0;
    }

    /** Whether the rule is an {@code eval:} call that needs a Java implementation. */
    public boolean needsJavaImplementation() {
        return eval != null;
    }

    public Builder toBuilder() {
        Builder builder = new Builder(name, type, source, definition);
        builder.pattern = pattern;
        builder.header = header;
        builder.eval = eval;
        builder.meta = meta;
        builder.score = score.explicit() ? score : null;
        builder.description = description;
        builder.tflags = tflags;
        builder.priority = priority;
        return builder;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RuleDefinition)) {
            return false;
        }
        RuleDefinition other = (RuleDefinition) o;
        return name.equals(other.name) && type == other.type && source.equals(other.source)
            && definition.equals(other.definition) && Objects.equals(pattern, other.pattern)
            && Objects.equals(header, other.header) && Objects.equals(eval, other.eval)
            && Objects.equals(meta, other.meta) && score.equals(other.score)
            && Objects.equals(description, other.description) && tflags.equals(other.tflags)
            && priority == other.priority;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, source, definition, score, description, tflags, priority);
    }

    @Override
    public String toString() {
        return type.directive() + " " + name + " " + definition + " (score " + score + ", " + source + ")";
    }

    /** Builds a {@link RuleDefinition}; {@link #build()} checks that it is consistent. */
    public static final class Builder {
        private final String name;
        private final RuleType type;
        private final SourceLocation source;
        private final String definition;
        private PerlRegex pattern;
        private HeaderSpec header;
        private EvalCall eval;
        private MetaExpression meta;
        private RuleScore score;
        private String description;
        private TFlags tflags = TFlags.NONE;
        private int priority;

        private Builder(String name, RuleType type, SourceLocation source, String definition) {
            this.name = name;
            this.type = type;
            this.source = source;
            this.definition = definition;
        }

        public Builder pattern(PerlRegex pattern) {
            this.pattern = pattern;
            return this;
        }

        public Builder header(HeaderSpec header) {
            this.header = header;
            return this;
        }

        public Builder eval(EvalCall eval) {
            this.eval = eval;
            return this;
        }

        public Builder meta(MetaExpression meta) {
            this.meta = meta;
            return this;
        }

        /** The explicit score; without one, SpamAssassin's default applies. */
        public Builder score(RuleScore score) {
            this.score = score;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder tflags(TFlags tflags) {
            this.tflags = Objects.requireNonNull(tflags, "tflags");
            return this;
        }

        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        public RuleDefinition build() {
            return new RuleDefinition(this);
        }
    }
}
