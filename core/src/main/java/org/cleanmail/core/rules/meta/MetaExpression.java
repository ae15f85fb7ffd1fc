package org.cleanmail.core.rules.meta;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.IntToDoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * A compiled SpamAssassin meta expression such as {@code (__A || __B) && !__C} or
 * {@code __X + __Y + __Z > 1}: boolean {@code && || ! ^}, arithmetic {@code + - * /},
 * comparisons, {@code ?:}, parentheses, numbers and rule names. A rule name evaluates to
 * the rule's hit count (0 or 1 for most rules), as given by the caller's lookup.
 *
 * <p>Immutable and thread-safe.
 */
public final class MetaExpression {
    private final String text;
    private final MetaNode root;
    private final List<String> operands;
    private final SortedSet<String> references;
    private final List<int[]> necessary;
    /** This expression alone, its operands read by number. */
    private final MetaProgram program;

    private MetaExpression(String text, MetaNode root, List<String> operands) {
        this.text = text;
        this.root = root;
        this.program = MetaProgram.builder().addRoot(root).build();
        this.operands = List.copyOf(operands);
        this.references = Collections.unmodifiableSortedSet(new TreeSet<>(operands));
        List<int[]> sets = new ArrayList<>();
        for (BitSet set : root.necessary()) {
            sets.add(set.stream().toArray());
        }
        this.necessary = List.copyOf(sets);
    }

    /** Parses an expression; {@code rules_matching(GLOB)} expands to no rule. */
    public static MetaExpression parse(String text) throws MetaSyntaxException {
        return parse(text, List.of());
    }

    /**
     * Parses an expression, expanding {@code rules_matching(GLOB)} against the given rule
     * names (as SpamAssassin does, to {@code (R1 || R2 ...)}, or 0 when none matches).
     */
    public static MetaExpression parse(String text, Collection<String> knownRuleNames) throws MetaSyntaxException {
        Objects.requireNonNull(text, "meta expression");
        MetaExpressionParser parser = new MetaExpressionParser(text, knownRuleNames);
        MetaNode root = parser.parse();
        return new MetaExpression(text.trim(), root, parser.operands());
    }

    /** The expression as written. */
    public String text() {
        return text;
    }

    /** Names of every rule the expression reads, sorted. */
    public Set<String> references() {
        return references;
    }

    /** The rules the expression reads, each once, numbered as {@link MetaInputs} reads them. */
    public List<String> operands() {
        return operands;
    }

    /**
     * What a value other than 0 needs, while no operand's value is negative (hit counts never
     * are): each array lists operand numbers of which one at least must not be 0. With
     * {@code __A && !__B && (__C || __D)}: {@code [__A]} and {@code [__C, __D]}. Empty when
     * nothing is known. A meta whose needs are not met is 0 without being evaluated.
     */
    public List<int[]> necessaryOperands() {
        return necessary;
    }

    /**
     * The sum compared with a number that a value other than 0 needs to exceed its bound,
     * while no operand's value is negative: {@code (__A + __B + __C + __D) > 2} needs three
     * of them not 0 where each is at most 1 (the phishing metas' sums of a dozen sub-rules
     * {@code > 3}); empty when there is none.
     */
    public Optional<SumThreshold> sumThreshold() {
        return Optional.ofNullable(root.sumThreshold());
    }

    /** Whether the value is never negative while no operand's value is. */
    public boolean nonNegative() {
        return root.nonNegative();
    }

    /**
     * The greatest value the expression can have while no operand's value is negative and
     * each is at most what {@code operandMax} tells (by operand number); infinite when not known.
     */
    public double maxValue(IntToDoubleFunction operandMax) {
        return root.maxValue(operandMax);
    }

    /** The numeric value; {@code ruleValue} gives the hit count of a rule (0 when it did not fire). */
    public double evaluate(ToDoubleFunction<String> ruleValue) {
        return program.evaluate(0, operand -> ruleValue.applyAsDouble(operands.get(operand)));
    }

    /** The numeric value, reading the operands by number (cheap ones first, where the inputs tell). */
    public double evaluateOperands(MetaInputs inputs) {
        return program.evaluate(0, inputs);
    }

    MetaNode root() {
        return root;
    }

    /** Whether the meta rule fires: its value is not zero. */
    public boolean matches(ToDoubleFunction<String> ruleValue) {
        return evaluate(ruleValue) != 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetaExpression && text.equals(((MetaExpression) o).text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
